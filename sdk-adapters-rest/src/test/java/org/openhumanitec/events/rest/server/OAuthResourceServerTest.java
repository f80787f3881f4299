package org.openhumanitec.events.rest.server;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openhumanitec.events.api.HumanitecEventApi;
import org.openhumanitec.events.feign.HumanitecClient;
import org.openhumanitec.events.feign.RetryPolicy;
import org.openhumanitec.events.feign.testing.CapturedLogs;
import org.openhumanitec.events.launcher.EmbeddedServer;
import org.openhumanitec.events.launcher.LaunchOptions;
import org.openhumanitec.events.launcher.testing.OAuthResourceServerContract;
import org.openhumanitec.events.rest.Http;

/**
 * The REST face as an OAuth 2.1 resource server ({@code --oauth-issuer}), against a real authorization server on
 * loopback and in gateway mode in front of Humanitec (WireMock standing in): beside what every face does
 * ({@link OAuthResourceServerContract}), reading routes need the read scope, the others the write scope, and Humanitec
 * only ever sees the server's own token.
 */
class OAuthResourceServerTest extends OAuthResourceServerContract {

    private static final String PUBLIC_URL = "https://humanitec-gateway.example.com";
    private static final String SERVER_TOKEN = "server-token-0123";
    private static final String ACCESS_LOG = "org.openhumanitec.events.access";

    @RegisterExtension
    static final WireMockExtension humanitec = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    private Http http;

    @Override
    protected String publicUrl() {
        return PUBLIC_URL;
    }

    @Override
    protected HumanitecEventApi openBackend() {
        return HumanitecClient.builder()
                .baseUrl(humanitec.baseUrl())
                .token(SERVER_TOKEN)
                .retryPolicy(RetryPolicy.none())
                .callTimeout(Duration.ofSeconds(5))
                .build();
    }

    @Override
    protected EmbeddedServer start(HumanitecEventApi backend, String... args) {
        RestFace face = new RestFace();
        List<String> all = new ArrayList<>(List.of("--port", "0"));
        all.addAll(List.of(args));
        return face.start(LaunchOptions.parse(face.options(), all.toArray(String[]::new), Map.of()), backend);
    }

    @Override
    protected Answer call(URI base, String authorization) {
        Http.Answer answer = authorization == null
                ? new Http(base).get("/v1/orgs/o/events")
                : new Http(base).get("/v1/orgs/o/events", "Authorization", authorization);
        return new Answer(answer.status(), answer.header("WWW-Authenticate"), answer.body());
    }

    @Override
    protected void assertHumanitecWasNotCalled() {
        assertThat(humanitec.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @BeforeAll
    void talkOverHttp() {
        http = new Http(server().uri());
    }

    @BeforeEach
    void answerEvents() {
        humanitec.stubFor(get(urlPathMatching("/orgs/[^/]+/events")).willReturn(okJson("[]")));
        CapturedLogs.clear();
    }

    @Test
    void aReadingRoute_withTheReadScope_reachesHumanitecWithTheServersTokenOnly() {
        String token = issuer().issue(PUBLIC_URL, "alice@example.com", READ);

        Http.Answer answer = http.get("/v1/orgs/o/events", "Authorization", bearer(token));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(humanitec.findAll(anyRequestedFor(anyUrl())))
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + SERVER_TOKEN));
    }

    @Test
    void theAccessLog_namesTheSubject_neverTheToken() throws InterruptedException {
        String token = issuer().issue(PUBLIC_URL, "alice@example.com", READ);

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
        String token = issuer().issue(PUBLIC_URL, "alice", READ);

        Http.Answer answer = http.send("DELETE", "/v1/orgs/o/apps/a/jobs", null, "Authorization", bearer(token));

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.header("WWW-Authenticate"))
                .hasValue("Bearer error=\"insufficient_scope\", scope=\"" + WRITE + "\", resource_metadata=\""
                        + metadataUrl() + "\"");
        assertThat(answer.body()).contains("ADAPTER-403");
        assertThat(humanitec.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void aReadingRoute_withOnlyTheWriteScope_is403() {
        String token = issuer().issue(PUBLIC_URL, "alice", WRITE);

        assertThat(http.get("/v1/orgs/o/events", "Authorization", bearer(token)).status())
                .isEqualTo(403);
    }

    @Test
    void aTokenInTheQueryString_isRefused_evenAValidOne() {
        String token = issuer().issue(PUBLIC_URL, "alice", READ);

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
                .isEqualTo(issuer().issuer().toString());
        assertThat(answer.json().get("scopes_supported").toString()).isEqualTo("[\"" + READ + "\",\"" + WRITE + "\"]");
        assertThat(answer.json().get("bearer_methods_supported").toString()).isEqualTo("[\"header\"]");
    }

    @Test
    void theApiDocument_needsNoToken() {
        assertThat(http.get("/v1/openapi.json").status()).isEqualTo(200);
    }

    @Test
    void oauthAndPassThrough_areRefusedTogether() {
        assertRefusedWithOAuth("--pass-through-auth").hasMessageContaining("--pass-through-auth");
    }
}
