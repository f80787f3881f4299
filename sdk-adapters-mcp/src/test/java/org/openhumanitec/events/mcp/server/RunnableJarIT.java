package org.openhumanitec.events.mcp.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.McpSyncClient;
import java.io.IOException;
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
        RunnableJar.assertHelpNames("--read-only", "--stateless", "HUMANITEC_MCP_PORT");
    }

    @Test
    void aUsageError_exits2WithAOneLineMessage() throws Exception {
        RunnableJar.assertUsageErrorExits2();
    }

    @Test
    void theSandbox_startsOnAFreePort_servesAndExits0OnSigterm() throws Exception {
        RunnableJar.assertServesTheSandboxUntilSigterm(
                "MCP",
                "/mcp",
                base -> {
                    try (McpSyncClient client = McpTestServers.connect(base, null)) {
                        assertThat(client.listTools().tools()).hasSize(7);
                        assertThat(McpTestServers.call(client, HumanitecTool.LIST_EVENTS, Map.of("orgId", "o"))
                                        .isError())
                                .isFalse();
                    }
                },
                "POST /mcp 200");
    }
}
