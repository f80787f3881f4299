package org.openhumanitec.events.rest.server;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openhumanitec.events.api.HumanitecEventApi;
import org.openhumanitec.events.feign.HumanitecClient;
import org.openhumanitec.events.feign.RetryPolicy;
import org.openhumanitec.events.feign.testing.CapturedLogs;
import org.openhumanitec.events.launcher.EmbeddedServer;
import org.openhumanitec.events.launcher.LaunchOptions;
import org.openhumanitec.events.launcher.UsageException;
import org.openhumanitec.events.launcher.testing.TestIssuer;
import org.openhumanitec.events.rest.Http;
import org.openhumanitec.events.sandbox.HumanitecSandbox;

/**
 * The REST face as an OAuth 2.1 resource server ({@code --oauth-issuer}), against a real authorization server on
 * loopback and in gateway mode in front of Humanitec (WireMock standing in): reading routes need the read scope, the
 * others the write scope, every bad token gets 401 naming the metadata document, and Humanitec only ever sees the
 * server's own token.
 */
class OAuthResourceServerTest {

    private static final String PUBLIC_URL = "https://humanitec-gateway.example.com";
    private static final String METADATA = PUBLIC_URL + "/.well-known/oauth-protected-resource";
    private static final String SERVER_TOKEN = "server-token-0123";
    private static final String READ = "humanitec:read";
    private static final String WRITE = "humanitec:write";
    private static final String ACCESS_LOG = "org.openhumanitec.events.access";

    @RegisterExtension
    static final WireMockExtension humanitec = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    private static TestIssuer issuer;
    private static HumanitecClient upstream;
    private static EmbeddedServer server;
    private static Http http;

    @BeforeAll
    static void start() {
        issuer = TestIssuer.start();
        upstream = HumanitecClient.builder()
                .baseUrl(humanitec.baseUrl())
                .token(SERVER_TOKEN)
                .retryPolicy(RetryPolicy.none())
                .callTimeout(Duration.ofSeconds(5))
                .build();
        server = face(upstream, issuer);
        http = new Http(server.uri());
    }

    @AfterAll
    static void stop() {
        server.close();
        upstream.close();
        issuer.close();
    }

    @BeforeEach
    void answerEvents() {
        humanitec.stubFor(get(urlPathMatching("/orgs/[^/]+/events")).willReturn(okJson("[]")));
        CapturedLogs.clear();
    }

    private static EmbeddedServer face(HumanitecEventApi backend, TestIssuer by, String... more) {
        RestFace face = new RestFace();
        List<String> args = new ArrayList<>(
                List.of("--port", "0", "--oauth-issuer", by.issuer().toString(), "--public-url", PUBLIC_URL));
        args.addAll(List.of(more));
        LaunchOptions options = LaunchOptions.parse(face.options(), args.toArray(String[]::new), Map.of());
        return face.start(options, backend);
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }

    @Test
    void aReadingRoute_withTheReadScope_reachesHumanitecWithTheServersTokenOnly() {
        String token = issuer.issue(PUBLIC_URL, "alice@example.com", READ);

        Http.Answer answer = http.get("/v1/orgs/o/events", "Authorization", bearer(token));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(humanitec.findAll(anyRequestedFor(anyUrl())))
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + SERVER_TOKEN));
    }

    @Test
    void theAccessLog_namesTheSubject_neverTheToken() throws InterruptedException {
        String token = issuer.issue(PUBLIC_URL, "alice@example.com", READ);

        http.get("/v1/orgs/subject-logged/events", "Authorization", bearer(token));
        http.get("/v1/orgs/subject-logged/events");

        List<String> lines = CapturedLogs.awaitTexts(ACCESS_LOG, line -> line.contains("/subject-logged/"), 2);
        assertThat(lines.get(0)).matches("GET /v1/orgs/subject-logged/events 200 \\d+ms sub=alice@example.com");
        assertThat(lines.get(1)).matches("GET /v1/orgs/subject-logged/events 401 \\d+ms sub=-");
        assertThat(CapturedLogs.lines())
                .noneSatisfy(line -> assertThat(line.text()).contains(token));
    }

    @Test
    void aChangingRoute_withOnlyTheReadScope_is403_insufficientScope() {
        String token = issuer.issue(PUBLIC_URL, "alice", READ);

        Http.Answer answer = http.send("DELETE", "/v1/orgs/o/apps/a/jobs", null, "Authorization", bearer(token));

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.header("WWW-Authenticate"))
                .hasValue("Bearer error=\"insufficient_scope\", scope=\"" + WRITE + "\", resource_metadata=\""
                        + METADATA + "\"");
        assertThat(answer.body()).contains("ADAPTER-403");
        assertThat(humanitec.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void aReadingRoute_withOnlyTheWriteScope_is403() {
        String token = issuer.issue(PUBLIC_URL, "alice", WRITE);

        assertThat(http.get("/v1/orgs/o/events", "Authorization", bearer(token)).status())
                .isEqualTo(403);
    }

    @Test
    void noToken_is401_namingTheResourceMetadata() {
        Http.Answer answer = http.get("/v1/orgs/o/events");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.header("WWW-Authenticate")).hasValue("Bearer resource_metadata=\"" + METADATA + "\"");
        assertThat(answer.body()).contains("ADAPTER-401");
    }

    @Test
    void aTokenForAnotherAudience_is401_invalidToken() {
        String token = issuer.issue("https://other.example.com", "alice", READ);

        Http.Answer answer = http.get("/v1/orgs/o/events", "Authorization", bearer(token));

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.header("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v)
                        .startsWith("Bearer error=\"invalid_token\"")
                        .endsWith("resource_metadata=\"" + METADATA + "\""));
    }

    @ParameterizedTest
    @EnumSource(TestIssuer.Forgery.class)
    void aForgedToken_is401_invalidToken_andNeverReachesHumanitec(TestIssuer.Forgery forgery) {
        String token = issuer.forged(forgery, PUBLIC_URL, READ + " " + WRITE);

        Http.Answer answer = http.get("/v1/orgs/o/events", "Authorization", bearer(token));

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.header("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).contains("error=\"invalid_token\"", "resource_metadata="));
        assertThat(answer.body()).contains("ADAPTER-401").doesNotContain(token);
        assertThat(humanitec.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void aTokenInTheQueryString_isRefused_evenAValidOne() {
        String token = issuer.issue(PUBLIC_URL, "alice", READ);

        Http.Answer answer = http.get("/v1/orgs/o/events?access_token=" + token);
        Http.Answer both = http.get("/v1/orgs/o/events?access_token=" + token, "Authorization", bearer(token));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(both.status()).isEqualTo(400);
        assertThat(answer.header("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer error=\"invalid_request\""));
        assertThat(humanitec.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void theProtectedResourceMetadata_needsNoToken_andNamesTheIssuerAndScopes() {
        Http.Answer answer = http.get("/.well-known/oauth-protected-resource");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("resource").asText()).isEqualTo(PUBLIC_URL);
        assertThat(answer.json().get("authorization_servers").get(0).asText())
                .isEqualTo(issuer.issuer().toString());
        assertThat(answer.json().get("scopes_supported").toString()).isEqualTo("[\"" + READ + "\",\"" + WRITE + "\"]");
        assertThat(answer.json().get("bearer_methods_supported").toString()).isEqualTo("[\"header\"]");
    }

    @Test
    void theApiDocument_needsNoToken() {
        assertThat(http.get("/v1/openapi.json").status()).isEqualTo(200);
    }

    @Test
    void withTheIssuerDown_aCachedKeyStillServes_andAnUnknownKeyIdIs401Not500() {
        try (TestIssuer own = TestIssuer.start();
                HumanitecSandbox sandbox = HumanitecSandbox.create();
                EmbeddedServer face = face(sandbox, own)) {
            Http client = new Http(face.uri());
            String valid = own.issue(PUBLIC_URL, "alice", READ);
            assertThat(client.get("/v1/orgs/o/events", "Authorization", bearer(valid))
                            .status())
                    .isEqualTo(200);
            String unknownKey = own.forged(TestIssuer.Forgery.UNKNOWN_KEY, PUBLIC_URL, READ);

            own.goDown();

            assertThat(client.get("/v1/orgs/o/events", "Authorization", bearer(valid))
                            .status())
                    .isEqualTo(200);
            assertThat(client.get("/v1/orgs/o/events", "Authorization", bearer(unknownKey))
                            .status())
                    .isEqualTo(401);
        }
    }

    @Test
    void oauthAndAStaticToken_areRefusedTogether() {
        RestFace face = new RestFace();
        LaunchOptions options = LaunchOptions.parse(
                face.options(),
                new String[] {
                    "--port",
                    "0",
                    "--oauth-issuer",
                    issuer.issuer().toString(),
                    "--public-url",
                    PUBLIC_URL,
                    "--auth-token",
                    "static-secret-1"
                },
                Map.of());

        assertThatThrownBy(() -> face.start(options, upstream))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--oauth-issuer")
                .hasMessageContaining("--auth-token")
                .hasMessageNotContaining("static-secret-1");
    }

    @Test
    void oauthAndPassThrough_areRefusedTogether() {
        RestFace face = new RestFace();
        LaunchOptions options = LaunchOptions.parse(
                face.options(),
                new String[] {
                    "--port",
                    "0",
                    "--oauth-issuer",
                    issuer.issuer().toString(),
                    "--public-url",
                    PUBLIC_URL,
                    "--pass-through-auth"
                },
                Map.of());

        assertThatThrownBy(() -> face.start(options, upstream))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--pass-through-auth");
    }

    @Test
    void oauthWithoutAPublicUrl_isRefused() {
        RestFace face = new RestFace();
        LaunchOptions options = LaunchOptions.parse(
                face.options(),
                new String[] {"--port", "0", "--oauth-issuer", issuer.issuer().toString()},
                Map.of());

        assertThatThrownBy(() -> face.start(options, upstream))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--public-url");
    }
}
