package org.openhumanitec.events.feign.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import feign.Contract;
import feign.Headers;
import feign.MethodMetadata;
import feign.Param;
import feign.Request;
import feign.RequestLine;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openhumanitec.events.api.model.CreateWebhookRequest;
import org.openhumanitec.events.jackson.HumanitecJson;

/** Request plans: what they build from the resource's annotations, and what they refuse to compile. */
class RequestPlanTest {

    private static final String BASE = "http://127.0.0.1:8080/v1";
    private static final Map<String, String> CONSTANT = Map.of("Accept", "application/json", "User-Agent", "ua");
    private static final Map<String, String> BODY = Map.of("Content-Type", "application/json");
    private static final Credential CREDENTIAL = Credential.bearer("tok-1", "token");
    private static final Request.Options OPTIONS = ClientCore.options(Duration.ofSeconds(1), Duration.ofSeconds(2));

    private static RequestPlan plan(Class<?> type, String method) {
        MethodMetadata metadata = new Contract.Default()
                .parseAndValidateMetadata(type).stream()
                        .filter(m -> m.method().getName().equals(method))
                        .findFirst()
                        .orElseThrow();
        return RequestPlan.compile(metadata, BASE, CONSTANT, BODY);
    }

    @Test
    void get_expandsEncodedIdsAndTheCredential_andSendsTheConstantHeaders() {
        Request request = plan(HumanitecResource.class, "getWebhook")
                .request(new Object[] {CREDENTIAL, "acme", "a/b", "x?y=1", OPTIONS}, null);

        assertThat(request.httpMethod()).isEqualTo(Request.HttpMethod.GET);
        assertThat(request.url()).isEqualTo(BASE + "/orgs/acme/apps/a%2Fb/webhooks/x%3Fy%3D1");
        assertThat(request.headers())
                .containsExactly(
                        Map.entry("Accept", List.of("application/json")),
                        Map.entry("Authorization", List.of("Bearer tok-1")),
                        Map.entry("User-Agent", List.of("ua")));
        assertThat(request.body()).isNull();
    }

    @Test
    void create_encodesTheBody_andAddsTheContentType() {
        CreateWebhookRequest body = new CreateWebhookRequest("hook-1", "https://x.example", null, null, null, null);
        JsonCodec codec = new JsonCodec(HumanitecJson.newMapper());

        Request request = plan(HumanitecResource.class, "createWebhook")
                .request(new Object[] {CREDENTIAL, "o", "a", body, OPTIONS}, codec);

        assertThat(request.httpMethod()).isEqualTo(Request.HttpMethod.POST);
        assertThat(request.url()).isEqualTo(BASE + "/orgs/o/apps/a/webhooks");
        assertThat(request.headers()).containsEntry("Content-Type", List.of("application/json"));
        assertThat(new String(request.body(), StandardCharsets.UTF_8)).contains("\"id\":\"hook-1\"");
    }

    @Test
    void options_areTheArgument_elseTheDefaults() {
        RequestPlan plan = plan(HumanitecResource.class, "listEvents");
        Request.Options defaults = ClientCore.options(Duration.ofSeconds(3), Duration.ofSeconds(4));

        assertThat(plan.options(new Object[] {CREDENTIAL, "o", OPTIONS}, defaults))
                .isSameAs(OPTIONS);
        assertThat(plan.options(new Object[] {CREDENTIAL, "o", null}, defaults)).isSameAs(defaults);
    }

    interface WithQuery {
        @RequestLine("GET /orgs/{orgId}/events?since={since}")
        void events(@Param("orgId") String orgId, @Param("since") String since);
    }

    interface WithMixedHeader {
        @RequestLine("GET /orgs")
        @Headers("Authorization: Bearer {token}")
        void orgs(@Param("token") String token);
    }

    @Test
    void compile_refusesWhatItCannotBuildExactly() {
        assertThatThrownBy(() -> plan(WithQuery.class, "events"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("WithQuery#events")
                .hasMessageContaining("queries");
        assertThatThrownBy(() -> plan(WithMixedHeader.class, "orgs"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Authorization");
    }
}
