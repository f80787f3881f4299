package org.openhumanitec.events.rest.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openhumanitec.events.launcher.EmbeddedServer;
import org.openhumanitec.events.launcher.LaunchOptions;
import org.openhumanitec.events.rest.Http;
import org.openhumanitec.events.sandbox.HumanitecSandbox;

/**
 * The inbound token ({@code --auth-token}) and CORS ({@code --cors-origins}) of the standalone server: two servers
 * over one sandbox, one with neither (the defaults), one with both.
 */
class InboundTokenAndCorsTest {

    private static final String TOKEN = "inbound-secret-0987";
    private static final String CONSOLE = "https://console.example.com";
    private static final String EVENTS = "/v1/orgs/my-org/events";

    private static EmbeddedServer plain;
    private static EmbeddedServer guarded;
    private static Http plainHttp;
    private static Http http;

    @BeforeAll
    static void start() {
        RestFace face = new RestFace();
        HumanitecSandbox sandbox = HumanitecSandbox.create();
        plain = face.start(LaunchOptions.parse(face.options(), new String[] {"--port", "0"}, Map.of()), sandbox);
        guarded = face.start(
                LaunchOptions.parse(
                        face.options(),
                        new String[] {"--port", "0", "--cors-origins", CONSOLE + ", HTTP://LOCALHOST:3000"},
                        Map.of("HUMANITEC_REST_AUTH_TOKEN", TOKEN)),
                sandbox);
        plainHttp = new Http(plain.uri());
        http = new Http(guarded.uri());
    }

    @AfterAll
    static void stop() {
        plain.close();
        guarded.close();
    }

    @Test
    void withoutAnInboundToken_callersNeedNone() {
        assertThat(plainHttp.get(EVENTS).status()).isEqualTo(200);
    }

    @Test
    void theRightToken_isLetThrough() {
        assertThat(http.get(EVENTS, "Authorization", "Bearer " + TOKEN).status())
                .isEqualTo(200);
    }

    @ParameterizedTest(name = "Authorization: [{0}]")
    @ValueSource(strings = {"", "Bearer wrong-token", "Bearer " + TOKEN + "x", "Basic " + TOKEN, TOKEN})
    void aMissingOrWrongToken_isUnauthorized(String authorization) {
        Http.Answer answer =
                authorization.isEmpty() ? http.get(EVENTS) : http.get(EVENTS, "Authorization", authorization);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.json().path("error").asText()).isEqualTo("ADAPTER-401");
        assertThat(answer.header("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(answer.body()).doesNotContain(TOKEN, "wrong-token");
    }

    @Test
    void everyApiRouteNeedsTheToken_healthAndTheDocumentDoNot() {
        assertThat(http.send("POST", "/v1/orgs/o/apps/a/webhooks", "{}").status())
                .isEqualTo(401);
        assertThat(http.send("DELETE", "/v1/orgs/o/apps/a/jobs", null).status()).isEqualTo(401);
        assertThat(http.get("/v1/orgs/o/apps/a/webhooks/x").status()).isEqualTo(401);
        assertThat(http.get("/no/such/route").status()).as("unknown routes too").isEqualTo(401);
        assertThat(http.get("/healthz").status()).isEqualTo(200);
        assertThat(http.get("/readyz").status()).isEqualTo(200);
        assertThat(http.get("/v1/openapi.json").status()).isEqualTo(200);
        assertThat(http.send("POST", "/healthz", null).status())
                .as("only the documented method is public")
                .isEqualTo(401);
    }

    @Test
    void corsIsOffByDefault() {
        Http.Answer simple = plainHttp.get(EVENTS, "Origin", CONSOLE);
        Http.Answer preflight =
                plainHttp.send("OPTIONS", EVENTS, null, "Origin", CONSOLE, "Access-Control-Request-Method", "GET");

        assertThat(simple.status()).isEqualTo(200);
        assertThat(simple.header("Access-Control-Allow-Origin")).isEmpty();
        assertThat(preflight.status()).isEqualTo(405);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEmpty();
        assertThat(preflight.header("Access-Control-Allow-Methods")).isEmpty();
    }

    @Test
    void aPreflightFromAListedOrigin_isAllowedWithoutAToken() {
        Http.Answer preflight = http.send(
                "OPTIONS",
                "/v1/orgs/o/apps/a/webhooks/x",
                null,
                "Origin",
                "http://localhost:3000",
                "Access-Control-Request-Method",
                "PATCH",
                "Access-Control-Request-Headers",
                "authorization, content-type");

        assertThat(preflight.status()).isEqualTo(204);
        assertThat(preflight.header("Access-Control-Allow-Origin")).hasValue("http://localhost:3000");
        assertThat(preflight.header("Access-Control-Allow-Methods")).hasValue("GET, POST, PATCH, DELETE");
        assertThat(preflight.header("Access-Control-Allow-Headers")).hasValue("Authorization, Content-Type");
        assertThat(preflight.header("Vary")).hasValue("Origin");
    }

    @Test
    void aRequestFromAListedOrigin_carriesCorsHeaders_evenWhenRefused() {
        Http.Answer allowed = http.get(EVENTS, "Origin", CONSOLE, "Authorization", "Bearer " + TOKEN);
        Http.Answer refused = http.get(EVENTS, "Origin", CONSOLE);

        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.header("Access-Control-Allow-Origin")).hasValue(CONSOLE);
        assertThat(allowed.header("Access-Control-Expose-Headers"))
                .hasValueSatisfying(v -> assertThat(v).contains("Retry-After"));
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("Access-Control-Allow-Origin")).hasValue(CONSOLE);
    }

    @ParameterizedTest(name = "Origin: {0}")
    @ValueSource(
            strings = {
                "https://evil.example.com",
                "http://console.example.com",
                "https://console.example.com:8443",
                "null"
            })
    void anotherOrigin_getsNoCorsHeadersAndItsPreflightIsRefused(String origin) {
        Http.Answer simple = http.get(EVENTS, "Origin", origin, "Authorization", "Bearer " + TOKEN);
        Http.Answer preflight =
                http.send("OPTIONS", EVENTS, null, "Origin", origin, "Access-Control-Request-Method", "GET");

        assertThat(simple.status()).isEqualTo(200);
        assertThat(simple.header("Access-Control-Allow-Origin")).isEmpty();
        assertThat(preflight.status()).isEqualTo(403);
        assertThat(preflight.json().path("error").asText()).isEqualTo("ADAPTER-403");
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEmpty();
    }
}
