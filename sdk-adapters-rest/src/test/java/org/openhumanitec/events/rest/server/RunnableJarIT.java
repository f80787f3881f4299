package org.openhumanitec.events.rest.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openhumanitec.events.launcher.testing.RunnableJar;
import org.openhumanitec.events.rest.Http;

/**
 * The runnable jar ({@code target/sdk-adapters-rest-<version>-runnable.jar}) starts with {@code java -jar} and
 * nothing else, serves, and exits 0 on SIGTERM.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RunnableJarIT {

    @BeforeAll
    static void onlyOnceTheJarIsBuilt() {
        RunnableJar.assumeBuilt();
    }

    @Test
    void theJar_namesItsMainClassAndLogsWithSlf4jSimple() throws IOException {
        RunnableJar.assertLaunchesWithSlf4jSimple(RestFace.class);
        assertThat(RunnableJar.entryText("org/openhumanitec/events/rest/openapi.json"))
                .startsWith("{");
    }

    @Test
    void help_printsTheOptionsAndExits0() throws Exception {
        RunnableJar.Finished help = RunnableJar.run("--help");

        assertThat(help.status()).isZero();
        assertThat(help.out())
                .startsWith("Usage: java -jar " + RunnableJar.path().getFileName() + " [options]")
                .contains("--pass-through-auth", "HUMANITEC_REST_PORT");
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
        Path log = Files.createTempFile("rest-jar", ".log");
        Process process = RunnableJar.javaJar("--sandbox", "--port", "0")
                .redirectError(log.toFile())
                .start();
        try {
            String announcement = RunnableJar.linesUntil(process, line -> true).get(0);
            assertThat(announcement)
                    .matches("Humanitec REST adapter for the sandbox listening on http://127\\.0\\.0\\.1:\\d+/v1");
            URI base = URI.create(announcement.substring(announcement.indexOf("http://"), announcement.length() - 3));
            Http http = new Http(base);

            assertThat(http.get("/healthz").status()).isEqualTo(200);
            assertThat(http.get("/v1/orgs/o/events").status()).isEqualTo(200);

            RunnableJar.assertExitsCleanlyOnSigterm(process);
            assertThat(Files.readString(log)).contains("GET /v1/orgs/o/events 200");
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(log);
        }
    }
}
