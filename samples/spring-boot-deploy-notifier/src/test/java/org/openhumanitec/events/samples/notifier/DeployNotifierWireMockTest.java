package org.openhumanitec.events.samples.notifier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestConstructor;
import org.springframework.web.client.RestClient;

/**
 * The notifier over the real client, against a stub Humanitec (WireMock on loopback): the token travels as a bearer
 * token to the server and never into the logs, even with the client logging every request's headers.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "server.address=127.0.0.1",
            "humanitec.api-key=" + DeployNotifierWireMockTest.TOKEN,
            "humanitec.retry.max-attempts=1",
            // The client logs each request with its headers, so the test below would see a token that leaked.
            "humanitec.log-level=headers",
            "logging.level.org.openhumanitec.events.feign.http=debug",
            "notifier.org-id=acme",
            "notifier.app-id=shop"
        })
@DirtiesContext // the client points at this class's WireMock, which stops after it
@ExtendWith(OutputCaptureExtension.class)
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
class DeployNotifierWireMockTest {

    static final String TOKEN = "hmtc-sample-7f3c9d2e41a8";

    private static final String WEBHOOKS = "/orgs/acme/apps/shop/webhooks";
    private static final String WEBHOOK_JSON = """
            {"id": "deploy-notifier", "url": "https://hooks.example.com/deploys", "disabled": false,
             "headers": {}, "payload": {}, "triggers": [{"scope": "deployment", "type": "finished"}],
             "created_at": "2026-01-02T03:04:05.000Z", "created_by": "sample"}""";

    private static WireMockServer humanitec;

    private final RestClient http;

    DeployNotifierWireMockTest(RestClient.Builder http, @LocalServerPort int port) {
        this.http = http.baseUrl("http://127.0.0.1:" + port).build();
    }

    @BeforeAll
    static void startHumanitec() {
        humanitec = new WireMockServer(options().bindAddress("127.0.0.1").port(0));
        humanitec.start();
        humanitec.stubFor(get(WEBHOOKS + "/deploy-notifier")
                .willReturn(aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": \"API-404\", \"message\": \"Webhook not found.\"}")));
        humanitec.stubFor(post(WEBHOOKS).willReturn(okJson(WEBHOOK_JSON).withStatus(201)));
        humanitec.stubFor(get(WEBHOOKS).willReturn(okJson("[" + WEBHOOK_JSON + "]")));
    }

    @AfterAll
    static void stopHumanitec() {
        humanitec.stop();
    }

    @DynamicPropertySource
    static void humanitecUrl(DynamicPropertyRegistry registry) {
        registry.add("humanitec.base-url", () -> "http://127.0.0.1:" + humanitec.port());
    }

    @Test
    void startUp_looksTheWebhookUp_thenCreatesIt_withTheBearerToken() {
        humanitec.verify(getRequestedFor(urlPathEqualTo(WEBHOOKS + "/deploy-notifier"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
        humanitec.verify(
                1,
                postRequestedFor(urlPathEqualTo(WEBHOOKS))
                        .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                        .withRequestBody(equalToJson("""
                                {"id": "deploy-notifier", "url": "https://hooks.example.com/deploys",
                                 "triggers": [{"scope": "deployment", "type": "finished"}]}""")));
    }

    @Test
    void theToken_neverReachesTheLogs(CapturedOutput output) {
        assertThat(output)
                .as("what the application and the client logged")
                .contains("Created webhook 'deploy-notifier' of app 'shop' in org 'acme'")
                .contains("Authorization: Bearer <redacted>")
                .doesNotContain(TOKEN);
    }

    @Test
    void webhooksEndpoint_listsWhatHumanitecHas() {
        WebhookSummary[] listed = http.get().uri("/webhooks").retrieve().body(WebhookSummary[].class);

        assertThat(listed)
                .extracting(WebhookSummary::id, WebhookSummary::receiver)
                .containsExactly(tuple("deploy-notifier", "https://hooks.example.com"));
        humanitec.verify(
                getRequestedFor(urlPathEqualTo(WEBHOOKS)).withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    }

    @Test
    void webhooksEndpoint_answers502_whenHumanitecFails(CapturedOutput output) {
        StubMapping failing = humanitec.stubFor(get(WEBHOOKS).atPriority(1).willReturn(serverError()));
        try {
            ResponseEntity<String> answer = http.get()
                    .uri("/webhooks")
                    .retrieve()
                    .onStatus(status -> true, (request, response) -> {})
                    .toEntity(String.class);

            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_GATEWAY);
            assertThat(answer.getBody())
                    .contains("Humanitec: HTTP 500 Internal Server Error")
                    .doesNotContain(TOKEN);
            assertThat(output).doesNotContain(TOKEN);
        } finally {
            humanitec.removeStub(failing);
        }
    }
}
