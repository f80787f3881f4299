package org.openhumanitec.events.rest.server;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openhumanitec.events.launcher.EmbeddedServer;
import org.openhumanitec.events.launcher.LaunchOptions;
import org.openhumanitec.events.rest.ApiDocuments;
import org.openhumanitec.events.rest.Http;
import org.openhumanitec.events.rest.RecordingApi;
import org.openhumanitec.events.sandbox.HumanitecSandbox;

/**
 * The sandbox's control routes on the standalone REST face: firing an event at a loopback receiver and reading the
 * deliveries, each exchange checked against the served API document; and no such routes in gateway mode.
 */
class SandboxControlRoutesTest {

    @RegisterExtension
    static final WireMockExtension receiver = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    private final RestFace face = new RestFace();
    private final LaunchOptions options = LaunchOptions.parse(face.options(), new String[] {"--port", "0"}, Map.of());

    private static Http.Answer exchange(Http http, String method, String path, String body) {
        Http.Answer answer = http.send(method, path, body);
        assertThat(ApiDocuments.problems(method, path, body, answer))
                .as("%s %s -> %s %s", method, path, answer.status(), answer.body())
                .isEmpty();
        return answer;
    }

    @Test
    void inSandboxMode_firingDeliversToTheWebhook_andItsDeliveriesAreListed() {
        receiver.stubFor(post("/hook").willReturn(ok()));
        try (EmbeddedServer server = face.start(options, HumanitecSandbox.create())) {
            Http http = new Http(server.uri());
            assertThat(exchange(
                                    http,
                                    "POST",
                                    "/v1/orgs/my-org/apps/shop/webhooks",
                                    "{\"id\":\"notifier\",\"url\":\"http://127.0.0.1:" + receiver.getPort()
                                            + "/hook\",\"headers\":{\"X-Team\":\"platform\"},"
                                            + "\"payload\":{\"text\":\"${event} in ${env_id}\"},"
                                            + "\"triggers\":[{\"scope\":\"deployment\",\"type\":\"finished\"}]}")
                            .status())
                    .isEqualTo(201);

            Http.Answer fired = exchange(
                    http,
                    "POST",
                    "/sandbox/v1/orgs/my-org/apps/shop/events",
                    "{\"scope\":\"deployment\",\"type\":\"finished\",\"values\":{\"env_id\":\"production\"}}");

            assertThat(fired.status()).isEqualTo(200);
            JsonNode delivery = fired.json().path("deliveries").get(0);
            assertThat(delivery.path("job_id").asText()).isEqualTo("notifier");
            assertThat(delivery.path("outcome").asText()).isEqualTo("DELIVERED");
            assertThat(delivery.path("status").asInt()).isEqualTo(200);
            assertThat(delivery.path("error").isNull()).isTrue();
            receiver.verify(postRequestedFor(urlEqualTo("/hook"))
                    .withHeader("X-Team", equalTo("platform"))
                    .withRequestBody(matchingJsonPath("$.text", equalTo("deployment.finished in production"))));

            Http.Answer listed =
                    exchange(http, "GET", "/sandbox/v1/orgs/my-org/apps/shop/webhooks/notifier/deliveries", null);
            assertThat(listed.status()).isEqualTo(200);
            assertThat(listed.json()).hasSize(1);
            assertThat(listed.json().get(0)).isEqualTo(delivery);
        }
    }

    @Test
    void inSandboxMode_badRequestsGetHumanitecsErrorBody() {
        try (EmbeddedServer server = face.start(options, HumanitecSandbox.create())) {
            Http http = new Http(server.uri());

            // Requests the document itself rules out: sent as they are, not checked against it.
            Http.Answer noType =
                    http.send("POST", "/sandbox/v1/orgs/my-org/apps/shop/events", "{\"scope\":\"deployment\"}");
            Http.Answer numberValue = http.send(
                    "POST",
                    "/sandbox/v1/orgs/my-org/apps/shop/events",
                    "{\"scope\":\"deployment\",\"type\":\"finished\",\"values\":{\"status\":1}}");
            Http.Answer unknownWebhook =
                    exchange(http, "GET", "/sandbox/v1/orgs/my-org/apps/shop/webhooks/nope/deliveries", null);
            Http.Answer wrongMethod = http.send("GET", "/sandbox/v1/orgs/my-org/apps/shop/events", null);
            Http.Answer noSuchRoute = http.send("GET", "/sandbox/v1/orgs/my-org/events", null);

            assertThat(noType.status()).isEqualTo(400);
            assertThat(noType.json().path("details").path("field").asText()).isEqualTo("type");
            assertThat(numberValue.status()).isEqualTo(400);
            assertThat(numberValue.json().path("details").path("field").asText())
                    .isEqualTo("values.status");
            assertThat(unknownWebhook.status()).isEqualTo(404);
            assertThat(wrongMethod.status()).isEqualTo(405);
            assertThat(wrongMethod.header("Allow")).hasValue("POST");
            assertThat(noSuchRoute.status()).isEqualTo(404);
        }
    }

    @Test
    void inGatewayMode_theControlRoutesDoNotExist() {
        try (EmbeddedServer server = face.start(options, new RecordingApi())) {
            Http http = new Http(server.uri());

            Http.Answer fire = http.send(
                    "POST", "/sandbox/v1/orgs/my-org/apps/shop/events", "{\"scope\":\"deployment\",\"type\":\"x\"}");
            Http.Answer deliveries = http.send("GET", "/sandbox/v1/orgs/my-org/apps/shop/webhooks/h/deliveries", null);

            assertThat(fire.status()).isEqualTo(404);
            assertThat(deliveries.status()).isEqualTo(404);
        }
    }
}
