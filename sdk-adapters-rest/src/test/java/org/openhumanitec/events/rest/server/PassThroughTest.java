package org.openhumanitec.events.rest.server;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openhumanitec.events.launcher.EmbeddedServer;
import org.openhumanitec.events.launcher.LaunchOptions;
import org.openhumanitec.events.launcher.Launcher;
import org.openhumanitec.events.launcher.UsageException;
import org.openhumanitec.events.rest.Http;
import org.openhumanitec.events.sandbox.HumanitecSandbox;

/**
 * Pass-through mode: the server holds no Humanitec token; each caller's own {@code Authorization: Bearer} goes to
 * Humanitec (WireMock here) with that caller's request, and a caller without one gets 401 before anything is sent.
 */
class PassThroughTest {

    @RegisterExtension
    static final WireMockExtension humanitec = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    private static final ByteArrayOutputStream OUT = new ByteArrayOutputStream();
    private static List<EmbeddedServer> servers;
    private static Http http;

    @BeforeAll
    static void start() {
        servers = Launcher.start(
                new RestFace(),
                new String[] {"--pass-through-auth", "--port", "0"},
                Map.of("HUMANITEC_API_URL", humanitec.baseUrl()),
                new PrintStream(OUT, true, StandardCharsets.UTF_8));
        http = new Http(servers.get(0).uri());
    }

    @AfterAll
    static void stop() {
        servers.forEach(EmbeddedServer::close);
    }

    @Test
    void eachCallersToken_goesToHumanitecWithTheirRequest() {
        humanitec.stubFor(get("/orgs/o/events").willReturn(okJson("[]")));

        assertThat(http.get("/v1/orgs/o/events", "Authorization", "Bearer alice-token")
                        .status())
                .isEqualTo(200);
        assertThat(http.get("/v1/orgs/o/events", "Authorization", "bearer bob-token")
                        .status())
                .isEqualTo(200);

        humanitec.verify(
                1,
                getRequestedFor(urlPathEqualTo("/orgs/o/events"))
                        .withHeader("Authorization", equalTo("Bearer alice-token")));
        humanitec.verify(
                1,
                getRequestedFor(urlPathEqualTo("/orgs/o/events"))
                        .withHeader("Authorization", equalTo("Bearer bob-token")));
    }

    @Test
    void humanitecsAnswerToABadToken_passesThrough() {
        humanitec.stubFor(get("/orgs/o/events")
                .willReturn(aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"API-000\",\"message\":\"Could not validate token.\"}")));

        Http.Answer answer = http.get("/v1/orgs/o/events", "Authorization", "Bearer expired-token");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body()).isEqualTo("{\"error\":\"API-000\",\"message\":\"Could not validate token.\"}");
    }

    @ParameterizedTest(name = "Authorization: [{0}]")
    @ValueSource(strings = {"", "Bearer", "Bearer   ", "Basic YWxhZGRpbjpvcGVuc2VzYW1l", "Token abc"})
    void aCallerWithoutABearerToken_isUnauthorizedAndNothingIsSent(String authorization) {
        Http.Answer answer = authorization.isEmpty()
                ? http.get("/v1/orgs/o/events")
                : http.get("/v1/orgs/o/events", "Authorization", authorization);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.json().path("error").asText()).isEqualTo("ADAPTER-401");
        assertThat(answer.header("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(answer.body()).doesNotContain("YWxhZGRpbjpvcGVuc2VzYW1l", "abc");
        humanitec.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aTokenNoHeaderCanCarry_isUnauthorizedWithoutEchoingIt() {
        Http.Answer answer = http.raw("GET /v1/orgs/o/events HTTP/1.1\r\nAuthorization: Bearer sec\tret-token");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.json().path("error").asText()).isEqualTo("ADAPTER-401");
        assertThat(answer.body()).doesNotContain("sec", "ret-token");
        humanitec.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void healthAndTheApiDocument_needNoToken() {
        assertThat(http.get("/healthz").status()).isEqualTo(200);
        assertThat(http.get("/readyz").status()).isEqualTo(200);
        assertThat(http.get("/v1/openapi.json").status()).isEqualTo(200);
        humanitec.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void theStartLine_saysCallersTokensAreUsed() {
        assertThat(OUT.toString(StandardCharsets.UTF_8))
                .startsWith(
                        "Humanitec REST adapter for " + humanitec.baseUrl() + " (callers' own tokens) listening on");
    }

    @Test
    void passThroughWithTheSandbox_isAUsageError() {
        assertThatThrownBy(() -> Launcher.start(
                        new RestFace(),
                        new String[] {"--pass-through-auth", "--sandbox", "--port", "0"},
                        Map.of(),
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--pass-through-auth")
                .hasMessageContaining("--sandbox");
    }

    @Test
    void passThroughWithAnInboundToken_isAUsageError() {
        assertThatThrownBy(() -> Launcher.start(
                        new RestFace(),
                        new String[] {"--pass-through-auth", "--port", "0"},
                        Map.of("HUMANITEC_REST_AUTH_TOKEN", "inbound-secret"),
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--pass-through-auth")
                .hasMessageContaining("--auth-token")
                .hasMessageNotContaining("inbound-secret");
    }

    @Test
    void passThroughOverABackendThatIsNotHumanitec_isAUsageError() {
        RestFace face = new RestFace();
        LaunchOptions options =
                LaunchOptions.parse(face.options(), new String[] {"--pass-through-auth", "--port", "0"}, Map.of());

        assertThatThrownBy(() -> face.start(options, HumanitecSandbox.create()))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("HumanitecClient");
    }
}
