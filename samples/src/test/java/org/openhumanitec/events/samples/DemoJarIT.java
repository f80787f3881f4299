package org.openhumanitec.events.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The README's first command: {@code samples/target/humanitec-demo.jar} (built in the {@code package} phase, so
 * this runs in {@code integration-test}) starts both faces with {@code java -jar} and nothing else, prints both
 * addresses and a first {@code curl}, serves, and stops cleanly on SIGTERM, as on Ctrl-C.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class DemoJarIT {

    private static final String JAR_PROPERTY = "runnable.jar";

    @BeforeAll
    static void onlyOnceTheJarIsBuilt() {
        assumeTrue(
                System.getProperty(JAR_PROPERTY) != null,
                "runs in the integration-test phase, once the shade plugin has built the jar");
    }

    private static Process javaJar(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                System.getProperty(JAR_PROPERTY)));
        command.addAll(List.of(args));
        ProcessBuilder process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        process.environment().keySet().removeIf(name -> name.startsWith("HUMANITEC_") || name.equals("CLASSPATH"));
        return process.start();
    }

    @Test
    void help_listsTheDemosOptions() throws Exception {
        Process process = javaJar("--help");
        String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        assertThat(printed)
                .startsWith("Usage: java -jar samples/target/humanitec-demo.jar [options]")
                .contains("--rest-port", "--mcp-port", "--humanitec", "HUMANITEC_DEMO_REST_PORT");
    }

    @Test
    void startsBothFaces_servesThem_andStopsOnSigterm() throws Exception {
        Process process = javaJar("--rest-port", "0", "--mcp-port", "0");
        try {
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            List<String> lines =
                    CompletableFuture.supplyAsync(() -> readUntilStop(out)).get(60, TimeUnit.SECONDS);

            assertThat(lines.get(0))
                    .matches("Humanitec REST adapter for the sandbox listening on http://127\\.0\\.0\\.1:\\d+/v1");
            assertThat(lines.get(1)).matches(".* listening on http://127\\.0\\.0\\.1:\\d+/mcp");
            String curl = lines.stream()
                    .filter(line -> line.startsWith("  curl http"))
                    .findFirst()
                    .orElseThrow();
            HttpResponse<String> events = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(curl.substring("  curl ".length())))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(events.statusCode()).isEqualTo(200);
            assertThat(events.body()).contains("\"deployment\"");
            URI mcp = URI.create(lines.get(1).substring(lines.get(1).indexOf("http://")));
            assertThat(McpClientSample.run(mcp).toString()).contains("from-an-agent");

            process.destroy(); // SIGTERM, what Ctrl-C sends as SIGINT
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isZero();
        } finally {
            process.destroyForcibly();
        }
    }

    private static List<String> readUntilStop(BufferedReader out) {
        List<String> lines = new ArrayList<>();
        try {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lines.add(line);
                if (line.equals("Stop with Ctrl-C.")) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return lines;
    }
}
