package org.openhumanitec.events.rest.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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
        RunnableJar.assertHelpNames("--pass-through-auth", "HUMANITEC_REST_PORT");
    }

    @Test
    void aUsageError_exits2WithAOneLineMessage() throws Exception {
        RunnableJar.assertUsageErrorExits2();
    }

    @Test
    void theSandbox_startsOnAFreePort_servesAndExits0OnSigterm() throws Exception {
        RunnableJar.assertServesTheSandboxUntilSigterm(
                "REST",
                "/v1",
                base -> {
                    Http http = new Http(base);
                    assertThat(http.get("/healthz").status()).isEqualTo(200);
                    assertThat(http.get("/v1/orgs/o/events").status()).isEqualTo(200);
                },
                "GET /v1/orgs/o/events 200");
    }
}
