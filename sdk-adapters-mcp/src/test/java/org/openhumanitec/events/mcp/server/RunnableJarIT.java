package org.openhumanitec.events.mcp.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.modelcontextprotocol.client.McpSyncClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openhumanitec.events.mcp.HumanitecTool;
import org.openhumanitec.events.mcp.McpTestServers;

/**
 * The runnable jar ({@code target/sdk-adapters-mcp-<version>-runnable.jar}, built by the shade plugin in the
 * {@code package} phase, so this runs in {@code integration-test}) starts with {@code java -jar} and nothing else,
 * serves MCP clients, and exits 0 on SIGTERM.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RunnableJarIT {

    private static final String JAR_PROPERTY = "runnable.jar";
    private static final Path JAR = Path.of(System.getProperty(JAR_PROPERTY, "target/missing-runnable.jar"));

    /** Only the surefire execution after {@code package} names the jar; a focused {@code -Dtest} run has none. */
    @BeforeAll
    static void onlyOnceTheJarIsBuilt() {
        assumeTrue(
                System.getProperty(JAR_PROPERTY) != null,
                "runs in the integration-test phase, once the shade plugin has built the jar");
    }

    private static ProcessBuilder javaJar(String... args) {
        List<String> command = new java.util.ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder process = new ProcessBuilder(command);
        process.environment().keySet().removeIf(name -> name.startsWith("HUMANITEC_") || name.equals("CLASSPATH"));
        return process;
    }

    @Test
    void theJar_namesItsMainClassAndLogsWithSlf4jSimple() throws IOException {
        assertThat(JAR).exists();
        try (JarFile jar = new JarFile(JAR.toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class"))
                    .isEqualTo(McpFace.class.getName());
            String provider = new String(
                    jar.getInputStream(jar.getEntry("META-INF/services/org.slf4j.spi.SLF4JServiceProvider"))
                            .readAllBytes(),
                    StandardCharsets.UTF_8);
            assertThat(provider.strip()).isEqualTo("org.slf4j.simple.SimpleServiceProvider");
            assertThat(jar.getEntry("simplelogger.properties")).isNotNull();
            String mappers = new String(
                    jar.getInputStream(jar.getEntry(
                                    "META-INF/services/io.modelcontextprotocol.json.McpJsonMapperSupplier"))
                            .readAllBytes(),
                    StandardCharsets.UTF_8);
            assertThat(mappers.strip()).isEqualTo("io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapperSupplier");
        }
    }

    @Test
    void help_printsTheOptionsAndExits0() throws Exception {
        Process process = javaJar("--help").redirectErrorStream(true).start();
        String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        assertThat(printed)
                .startsWith("Usage: java -jar " + JAR.getFileName() + " [options]")
                .contains("--read-only", "--stateless", "HUMANITEC_MCP_PORT");
    }

    @Test
    void aUsageError_exits2WithAOneLineMessage() throws Exception {
        Process process = javaJar("--port", "eighty").start();
        String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(errors.strip()).isEqualTo("error: --port must be a port number from 0 to 65535, not 'eighty'");
    }

    @Test
    void theSandbox_startsOnAFreePort_servesAndExits0OnSigterm() throws Exception {
        Path log = Files.createTempFile("mcp-jar", ".log");
        Process process =
                javaJar("--sandbox", "--port", "0").redirectError(log.toFile()).start();
        try {
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String announcement = CompletableFuture.supplyAsync(() -> {
                        try {
                            return out.readLine();
                        } catch (IOException e) {
                            return null;
                        }
                    })
                    .get(30, TimeUnit.SECONDS);
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

            process.destroy(); // SIGTERM
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isZero();
            assertThat(Files.readString(log)).contains("POST /mcp 200");
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(log);
        }
    }
}
