package org.openhumanitec.events.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openhumanitec.events.launcher.testing.RunnableJar;

/**
 * The README's first command: {@code samples/target/humanitec-demo.jar} starts both faces with {@code java -jar}
 * and nothing else, prints both addresses and a first {@code curl} that works, serves, and stops cleanly on SIGTERM
 * (Ctrl-C sends SIGINT, which the JVM handles the same way).
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class DemoJarIT {

    @BeforeAll
    static void onlyOnceTheJarIsBuilt() {
        RunnableJar.assumeBuilt();
    }

    @Test
    void theJar_namesTheDemoAndLogsWithLogback() throws Exception {
        RunnableJar.assertLaunchesWithLogback(Demo.class);
    }

    @Test
    void help_listsTheDemosOptions() throws Exception {
        RunnableJar.Finished help = RunnableJar.run("--help");

        assertThat(help.status()).isZero();
        assertThat(help.out())
                .startsWith("Usage: java -jar samples/target/humanitec-demo.jar [options]")
                .contains("--rest-port", "--mcp-port", "--humanitec", "HUMANITEC_DEMO_REST_PORT");
    }

    @Test
    void startsBothFaces_servesThem_andStopsOnSigterm() throws Exception {
        Process process = RunnableJar.javaJar("--rest-port", "0", "--mcp-port", "0")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            List<String> lines = RunnableJar.linesUntil(process, line -> line.equals("Stop with Ctrl-C."));

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

            RunnableJar.assertExitsCleanlyOnSigterm(process);
        } finally {
            process.destroyForcibly();
        }
    }
}
