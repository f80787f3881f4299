package org.openhumanitec.events.mcp.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.McpSyncClient;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openhumanitec.events.launcher.testing.RunnableJar;
import org.openhumanitec.events.mcp.HumanitecTool;
import org.openhumanitec.events.mcp.McpTestServers;

/**
 * The runnable jar ({@code target/sdk-adapters-mcp-<version>-runnable.jar}) starts with {@code java -jar} and nothing else,
 * serves MCP clients, and exits 0 on SIGTERM.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RunnableJarIT {

    @BeforeAll
    static void onlyOnceTheJarIsBuilt() {
        RunnableJar.assumeBuilt();
    }

    @Test
    void theJar_namesItsMainClassAndLogsWithSlf4jSimple() throws IOException {
        RunnableJar.assertLaunchesWithSlf4jSimple(McpFace.class);
        assertThat(RunnableJar.entryText("META-INF/services/io.modelcontextprotocol.json.McpJsonMapperSupplier")
                        .strip())
                .isEqualTo("io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapperSupplier");
    }

    @Test
    void help_printsTheOptionsAndExits0() throws Exception {
        RunnableJar.Finished help = RunnableJar.run("--help");

        assertThat(help.status()).isZero();
        assertThat(help.out())
                .startsWith("Usage: java -jar " + RunnableJar.path().getFileName() + " [options]")
                .contains("--read-only", "--stateless", "HUMANITEC_MCP_PORT");
    }

    @Test
    void aUsageError_exits2WithAOneLineMessage() throws Exception {
        RunnableJar.Finished wrong = RunnableJar.run("--port", "eighty");

        assertThat(wrong.status()).isEqualTo(2);
        assertThat(wrong.errors().strip())
                .isEqualTo("error: --port must be a port number from 0 to 65535, not 'eighty'");
    }

    @Test
    void theSandbox_startsOnAFreePort_servesAndExits0OnSigterm() throws Exception {
        Path log = Files.createTempFile("mcp-jar", ".log");
        Process process = RunnableJar.javaJar("--sandbox", "--port", "0")
                .redirectError(log.toFile())
                .start();
        try {
            String announcement = RunnableJar.linesUntil(process, line -> true).get(0);
            assertThat(announcement)
                    .matches("Humanitec MCP adapter for the sandbox listening on http://127\\.0\\.0\\.1:\\d+/mcp");
            URI base = URI.create(
                    announcement.substring(announcement.indexOf("http://"), announcement.length() - "/mcp".length()));
            try (McpSyncClient client = McpTestServers.connect(base, null)) {
                assertThat(client.listTools().tools()).hasSize(7);
                assertThat(McpTestServers.call(client, HumanitecTool.LIST_EVENTS, Map.of("orgId", "o"))
                                .isError())
                        .isFalse();
            }

            RunnableJar.assertExitsCleanlyOnSigterm(process);
            assertThat(Files.readString(log)).contains("POST /mcp 200");
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(log);
        }
    }
}
