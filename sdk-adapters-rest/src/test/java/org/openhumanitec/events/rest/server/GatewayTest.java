package org.openhumanitec.events.rest.server;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.requestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openhumanitec.events.api.errors.ConflictException;
import org.openhumanitec.events.api.errors.NotFoundException;
import org.openhumanitec.events.api.model.CreateWebhookRequest;
import org.openhumanitec.events.api.model.Trigger;
import org.openhumanitec.events.feign.HumanitecClient;
import org.openhumanitec.events.feign.RetryPolicy;
import org.openhumanitec.events.launcher.EmbeddedServer;
import org.openhumanitec.events.launcher.LaunchOptions;
import org.openhumanitec.events.launcher.Launcher;
import org.openhumanitec.events.rest.Http;

/**
 * Gateway mode: the adapter in front of Humanitec (WireMock standing in), holding the server's token. Callers
 * authenticate to the adapter with its own inbound token; Humanitec only ever sees the server's token, and its
 * statuses and error bodies come back unchanged.
 */
class GatewayTest {

    private static final String SERVER_TOKEN = "server-token-0123";
    private static final String INBOUND_TOKEN = "inbound-secret-4567";
    private static final String CALLER = "Bearer " + INBOUND_TOKEN;
    private static final String WEBHOOK =
            "{\"id\":\"hook-1\",\"url\":\"https://hooks.example.com/a\",\"disabled\":false,"
                    + "\"headers\":{},\"payload\":{},\"triggers\":[{\"scope\":\"deployment\",\"type\":\"finished\"}],"
                    + "\"created_at\":\"2026-01-15T09:37:23.523Z\",\"created_by\":\"someone\"}";
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final WireMockExtension humanitec = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    private static final RestFace FACE = new RestFace();
    private static HumanitecClient upstream;
    private static EmbeddedServer server;
    private static Http http;

    @BeforeAll
    static void startGateway() {
        upstream = fastFailingClient(humanitec.baseUrl());
        server = gateway(upstream);
        http = new Http(server.uri());
    }

    @AfterAll
    static void stop() {
        server.close();
        upstream.close();
    }

    /** A client to Humanitec with the server's token that fails fast and never retries. */
    private static HumanitecClient fastFailingClient(String baseUrl) {
        return HumanitecClient.builder()
                .baseUrl(baseUrl)
                .token(SERVER_TOKEN)
                .retryPolicy(RetryPolicy.none())
                .connectTimeout(Duration.ofSeconds(2))
                .readTimeout(Duration.ofMillis(400))
                .callTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** The adapter, with an inbound token, serving a client it does not own. */
    private static EmbeddedServer gateway(HumanitecClient client) {
        LaunchOptions options = LaunchOptions.parse(
                FACE.options(), new String[] {"--port", "0", "--auth-token", INBOUND_TOKEN}, Map.of());
        return FACE.start(options, client);
    }

    private static void assertOnlyTheServerTokenWentUpstream() {
        humanitec.verify(anyRequestedFor(anyUrl()).withHeader("Authorization", equalTo("Bearer " + SERVER_TOKEN)));
        assertThat(humanitec.findAll(anyRequestedFor(anyUrl())))
                .allSatisfy(r -> assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + SERVER_TOKEN));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "GET    | /orgs/o/apps/a/webhooks        |                                | 200 | [WEBHOOK]",
                "POST   | /orgs/o/apps/a/webhooks        | {\"id\":\"hook-1\",\"disabled\":true} | 201 | WEBHOOK",
                "GET    | /orgs/o/apps/a/webhooks/hook-1 |                                | 200 | WEBHOOK",
                "PATCH  | /orgs/o/apps/a/webhooks/hook-1 | {\"disabled\":null}            | 200 | UPDATED",
                "DELETE | /orgs/o/apps/a/webhooks/hook-1 |                                | 204 |",
                "DELETE | /orgs/o/apps/a/jobs            |                                | 204 |",
                "GET    | /orgs/o/events                 |                                | 200 | EVENTS",
            })
    void everyRoute_reachesHumanitecWithTheServersToken(
            String method, String path, String body, int status, String answer) throws IOException {
        String upstreamBody = answer == null
                ? null
                : answer.replace("WEBHOOK", WEBHOOK)
                        .replace(
                                "UPDATED",
                                "{\"url\":\"https://hooks.example.com/a\",\"disabled\":null,\"headers\":{},"
                                        + "\"payload\":{},\"triggers\":null}")
                        .replace(
                                "EVENTS",
                                "[{\"scope\":\"deployment\",\"type\":\"finished\",\"properties\":[\"event\"]}]");
        humanitec.stubFor(request(method, urlPathEqualTo(path))
                .willReturn(
                        upstreamBody == null
                                ? aResponse().withStatus(status)
                                : aResponse()
                                        .withStatus(status)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(upstreamBody)));

        Http.Answer answered = http.send(method, "/v1" + path, body, "Authorization", CALLER);

        assertThat(answered.status()).isEqualTo(status);
        if (upstreamBody == null) {
            assertThat(answered.body()).isEmpty();
        } else {
            assertThat(JSON.readTree(answered.body())).isEqualTo(JSON.readTree(upstreamBody));
        }
        RequestPatternBuilder sent = requestedFor(method, urlPathEqualTo(path));
        if (body != null) {
            sent.withRequestBody(equalToJson(body));
        }
        humanitec.verify(1, sent);
        assertOnlyTheServerTokenWentUpstream();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {400, 401, 403, 404, 409, 422, 429, 500, 503})
    void humanitecErrors_keepTheirStatusAndBodyByteForByte(int status) {
        String body = "{\"error\":\"API-" + status + "\",\"message\":\"Humanitec says " + status
                + "\",\"details\":{\"field\":\"url\",\"hint\":[1,2]},\"trace_id\":\"abc\"}";
        humanitec.stubFor(get("/orgs/o/apps/a/webhooks/hook-1")
                .willReturn(aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", "application/json")
                        .withHeader("Retry-After", "7")
                        .withBody(body)));

        Http.Answer answer = http.get("/v1/orgs/o/apps/a/webhooks/hook-1", "Authorization", CALLER);

        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.body()).isEqualTo(body);
        assertThat(answer.header("Retry-After")).hasValue("7");
        assertOnlyTheServerTokenWentUpstream();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "a Humanitec error body | {\"error\":\"API-401\",\"message\":\"Token TOKEN is not valid\","
                        + "\"details\":{\"sent\":\"Bearer TOKEN\"}}",
                "a page                 | <html>Bearer TOKEN rejected</html>"
            })
    void anUpstreamErrorEchoingTheServersToken_reachesTheCallerWithoutIt(String what, String body) {
        humanitec.stubFor(get("/orgs/o/events")
                .willReturn(aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withBody(body.replace("TOKEN", SERVER_TOKEN))));

        Http.Answer answer = http.get("/v1/orgs/o/events", "Authorization", CALLER);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body()).doesNotContain(SERVER_TOKEN);
        if (body.startsWith("{")) {
            assertThat(answer.json().path("error").asText()).isEqualTo("API-401");
            assertThat(answer.json().path("message").asText()).isEqualTo("Token <redacted> is not valid");
            assertThat(answer.json().path("details").path("sent").asText()).isEqualTo("Bearer <redacted>");
        }
    }

    @ParameterizedTest(name = "a message of {0} characters")
    @ValueSource(ints = {10_000, 100_000})
    void anUpstreamErrorBodyTooLongToPassThrough_keepsItsStatusCodeAndTheStartOfItsMessage(int length) {
        humanitec.stubFor(get("/orgs/o/apps/a/webhooks/hook-1")
                .willReturn(aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"API-404\",\"message\":\"Not found: " + "x".repeat(length) + " (and "
                                + SERVER_TOKEN + ")\"}")));

        Http.Answer answer = http.get("/v1/orgs/o/apps/a/webhooks/hook-1", "Authorization", CALLER);

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().path("error").asText()).isEqualTo("API-404");
        // Up to 64 KiB the client reads the whole body, and the adapter passes on the start of the message; beyond
        // that, the message is cut where the client stopped reading, and only the code is certain.
        assertThat(answer.json().path("message").asText())
                .isEqualTo(
                        length < 64 * 1024
                                ? "Not found: " + "x".repeat(2000 - "Not found: ".length()) + "…"
                                : "Humanitec answered 404 Not Found with an error body too long to read in full.");
        assertThat(answer.body()).doesNotContain(SERVER_TOKEN);
    }

    @Test
    void anErrorWithoutAHumanitecBody_getsOneWithTheSameStatus() {
        humanitec.stubFor(get("/orgs/o/events")
                .willReturn(aResponse()
                        .withStatus(503)
                        .withHeader("Content-Type", "text/html")
                        .withBody("<html><body>upstream connect error at com.example.Proxy</body></html>")));

        Http.Answer answer = http.get("/v1/orgs/o/events", "Authorization", CALLER);

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.json().path("error").asText()).isEqualTo("ADAPTER-503");
        assertThat(answer.json().path("message").asText())
                .isEqualTo("Humanitec answered 503 Service Unavailable without an error body.");
        assertThat(answer.body()).doesNotContain("html", "com.example");
    }

    @Test
    void anUnreachableHumanitec_is502() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Http.Answer answer;
        try (HumanitecClient nowhere = fastFailingClient("http://127.0.0.1:" + closedPort);
                EmbeddedServer toNowhere = gateway(nowhere)) {
            answer = new Http(toNowhere.uri()).get("/v1/orgs/o/events", "Authorization", CALLER);
        }

        assertThat(answer.status()).isEqualTo(502);
        assertThat(answer.body())
                .isEqualTo("{\"error\":\"ADAPTER-502\",\"message\":\"Humanitec could not be reached.\"}");
    }

    @Test
    void aHumanitecThatAnswersTooLate_is504() {
        humanitec.stubFor(get("/orgs/o/events").willReturn(okJson("[]").withFixedDelay(3_000)));

        Http.Answer answer = http.get("/v1/orgs/o/events", "Authorization", CALLER);

        assertThat(answer.status()).isEqualTo(504);
        assertThat(answer.body())
                .isEqualTo("{\"error\":\"ADAPTER-504\",\"message\":\"Humanitec did not answer in time.\"}");
    }

    @Test
    void anUnreadableSuccessAnswer_is502() {
        humanitec.stubFor(get("/orgs/o/apps/a/webhooks").willReturn(okJson("{\"not\":\"a list\"}")));

        Http.Answer answer = http.get("/v1/orgs/o/apps/a/webhooks", "Authorization", CALLER);

        assertThat(answer.status()).isEqualTo(502);
        assertThat(answer.json().path("error").asText()).isEqualTo("ADAPTER-502");
        assertThat(answer.body()).doesNotContain("Exception", "a list");
    }

    @Test
    void aClientThroughTheGateway_seesHumanitecsErrorsAsHumanitecWouldGiveThem() {
        humanitec.stubFor(
                get("/orgs/o/apps/a/webhooks/missing")
                        .willReturn(
                                aResponse()
                                        .withStatus(404)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"error\":\"API-404\",\"message\":\"Not found.\",\"details\":{\"id\":\"missing\"}}")));
        humanitec.stubFor(any(urlPathEqualTo("/orgs/o/apps/a/webhooks"))
                .willReturn(aResponse()
                        .withStatus(409)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"API-409\",\"message\":\"The supplied `id` clashes.\"}")));

        try (HumanitecClient caller = HumanitecClient.builder()
                .baseUrl(server.uri() + "/v1")
                .token(INBOUND_TOKEN)
                .retryPolicy(RetryPolicy.none())
                .build()) {
            assertThatThrownBy(() -> caller.webhooks().get("o", "a", "missing"))
                    .isInstanceOfSatisfying(NotFoundException.class, e -> {
                        assertThat(e.errorCode()).isEqualTo("API-404");
                        assertThat(e.errorMessage()).isEqualTo("Not found.");
                        assertThat(e.details()).isEqualTo(Map.of("id", "missing"));
                    });
            CreateWebhookRequest create = CreateWebhookRequest.builder()
                    .id("hook-1")
                    .url("https://hooks.example.com/a")
                    .trigger(Trigger.DEPLOYMENT_FINISHED)
                    .build();
            assertThatThrownBy(() -> caller.webhooks().create("o", "a", create))
                    .isInstanceOfSatisfying(
                            ConflictException.class,
                            e -> assertThat(e.errorCode()).isEqualTo("API-409"));
        }
        assertOnlyTheServerTokenWentUpstream();
    }

    @Test
    void theLauncher_takesTheServersTokenAndUrlFromTheEnvironment() {
        humanitec.stubFor(get("/orgs/o/events").willReturn(okJson("[]")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Map<String, String> env = Map.of(
                "HUMANITEC_API_URL",
                humanitec.baseUrl(),
                "HUMANITEC_API_KEY",
                SERVER_TOKEN,
                "HUMANITEC_REST_PORT",
                "0");

        List<EmbeddedServer> servers =
                Launcher.start(FACE, new String[0], env, new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            Http.Answer answer =
                    new Http(servers.get(0).uri()).get("/v1/orgs/o/events", "Authorization", "Bearer a-caller-token");

            assertThat(answer.status()).isEqualTo(200);
            assertThat(out.toString(StandardCharsets.UTF_8))
                    .startsWith("Humanitec REST adapter for " + humanitec.baseUrl() + " listening on http://127.0.0.1:")
                    .doesNotContain(SERVER_TOKEN);
        } finally {
            servers.forEach(EmbeddedServer::close);
        }
        humanitec.verify(getRequestedFor(urlPathEqualTo("/orgs/o/events"))
                .withHeader("Authorization", equalTo("Bearer " + SERVER_TOKEN)));
        assertOnlyTheServerTokenWentUpstream();
    }
}
