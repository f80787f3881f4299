package org.openhumanitec.events.rest.server;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openhumanitec.events.feign.HumanitecClient;
import org.openhumanitec.events.launcher.testing.RunnableJar;
import org.openhumanitec.events.rest.Http;

/**
 * The runnable jar ({@code target/sdk-adapters-rest-<version>-runnable.jar}) starts with {@code java -jar} and
 * nothing else, serves, and exits 0 on SIGTERM; with {@code --log-format json} every line it logs is JSON.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RunnableJarIT {

    @BeforeAll
    static void onlyOnceTheJarIsBuilt() {
        RunnableJar.assumeBuilt();
    }

    @Test
    void theJar_namesItsMainClassAndLogsWithLogback() throws IOException {
        RunnableJar.assertLaunchesWithLogback(RestFace.class);
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

    @Test
    void jsonLogs_everyLineIsAJsonObject_theFailureNamesTheRequestId_andNoTokenIsLogged() throws Exception {
        String serverToken = "server-token-secret-0123";
        String inbound = "inbound-secret-4567";
        WireMockServer humanitec =
                new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        humanitec.start();
        try {
            // An answer that is not JSON: the gateway logs the failure at WARN.
            humanitec.stubFor(get(urlPathEqualTo("/orgs/acme-corp/events")).willReturn(okJson("[{not json")));
            String log = RunnableJar.logOf(
                    "/v1",
                    Map.of(HumanitecClient.ENV_API_KEY, serverToken, "HUMANITEC_REST_AUTH_TOKEN", inbound),
                    base -> assertThat(new Http(base)
                                    .get(
                                            "/v1/orgs/acme-corp/events",
                                            "Authorization",
                                            "Bearer " + inbound,
                                            "X-Request-Id",
                                            "req-json-1")
                                    .status())
                            .isEqualTo(502),
                    "--port",
                    "0",
                    "--humanitec-url",
                    "http://127.0.0.1:" + humanitec.port(),
                    "--log-format",
                    "json");

            List<JsonNode> lines = RunnableJar.jsonLines(log);
            assertThat(lines).anySatisfy(line -> {
                assertThat(line.path("level").asText()).isEqualTo("WARN");
                assertThat(line.path("loggerName").asText()).endsWith("HumanitecRestServlet");
                assertThat(line.path("formattedMessage").asText()).startsWith("listEvents failed: ");
                assertThat(line.path("mdc").path("requestId").asText()).isEqualTo("req-json-1");
            });
            assertThat(lines).anySatisfy(line -> {
                assertThat(line.path("logger").asText()).isEqualTo("org.openhumanitec.events.access");
                assertThat(line.path("requestId").asText()).isEqualTo("req-json-1");
                assertThat(line.path("status").asInt()).isEqualTo(502);
            });
            assertThat(log).doesNotContain(serverToken, inbound);
        } finally {
            humanitec.stop();
        }
    }
}
