package org.openhumanitec.events.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhumanitec.events.launcher.EmbeddedServer;
import org.openhumanitec.events.sandbox.HumanitecSandbox;

/**
 * Every route over real HTTP with the sandbox behind the servlet. Each exchange is also checked against the
 * adapter's OpenAPI document and against Humanitec's.
 */
class SandboxRoutesTest {

    private static final String HOOK = "{\"id\":\"deploy-notifier\",\"url\":\"https://hooks.example.com/humanitec\","
            + "\"headers\":{\"X-Team\":\"platform\"},\"payload\":{\"text\":\"${event}\",\"n\":1},"
            + "\"triggers\":[{\"scope\":\"deployment\",\"type\":\"finished\"}]}";

    private static HumanitecSandbox sandbox;
    private static EmbeddedServer server;
    private static Http http;
    private String base;

    @BeforeAll
    static void start() {
        sandbox = HumanitecSandbox.create();
        server = EmbeddedServer.builder("rest-test")
                .servlet("/*", HumanitecRestServlet.builder(sandbox).build(), false)
                .start();
        http = new Http(server.uri());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void freshOrg() {
        base = "/v1/orgs/org-" + UUID.randomUUID() + "/apps/my-app";
    }

    private Http.Answer exchange(String method, String path, String body) {
        Http.Answer answer = http.send(method, path, body);
        assertThat(ApiDocuments.problems(method, path, body, answer))
                .as("%s %s -> %s %s", method, path, answer.status(), answer.body())
                .isEmpty();
        return answer;
    }

    @Test
    void createGetListUpdateDelete_speakHumanitecsWireFormat() {
        Http.Answer created = exchange("POST", base + "/webhooks", HOOK);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode hook = created.json();
        assertThat(hook.path("id").asText()).isEqualTo("deploy-notifier");
        assertThat(hook.path("disabled").asBoolean(true)).isFalse();
        assertThat(hook.path("payload").path("n").asInt()).isEqualTo(1);
        assertThat(hook.path("created_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");

        Http.Answer got = exchange("GET", base + "/webhooks/deploy-notifier", null);
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.json()).isEqualTo(hook);

        Http.Answer listed = exchange("GET", base + "/webhooks", null);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json()).containsExactly(hook);
        // Answers are written into the container's buffer, unflushed: a small one goes out with its length.
        for (Http.Answer answer : List.of(created, got, listed)) {
            assertThat(answer.header("Content-Length"))
                    .hasValue(String.valueOf(answer.body().length()));
            assertThat(answer.header("Transfer-Encoding")).isEmpty();
        }

        Http.Answer updated = exchange("PATCH", base + "/webhooks/deploy-notifier", "{\"disabled\":true,\"url\":null}");
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().has("id")).as("the PATCH shape has no id").isFalse();
        assertThat(updated.json().path("disabled").asBoolean()).isTrue();
        assertThat(updated.json().path("url").asText())
                .as("null is not given")
                .isEqualTo("https://hooks.example.com/humanitec");
        assertThat(updated.json().path("headers")).isEqualTo(hook.path("headers"));

        Http.Answer deleted = exchange("DELETE", base + "/webhooks/deploy-notifier", null);
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();

        Http.Answer gone = exchange("GET", base + "/webhooks/deploy-notifier", null);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json().path("error").asText()).isEqualTo("HUM-404");
    }

    @Test
    void anIdTooLongForAPath_isRefusedWith400NamingId_andTheLongestIdIsReachedByEveryRoute() {
        // Sent as is, not checked against the API document: its maxLength already says the id is too long.
        Http.Answer refused = http.send("POST", base + "/webhooks", HOOK.replace("deploy-notifier", "a".repeat(8100)));
        String longest = "a".repeat(50);
        Http.Answer created = exchange("POST", base + "/webhooks", HOOK.replace("deploy-notifier", longest));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("details").path("field").asText()).isEqualTo("id");
        assertThat(created.status()).isEqualTo(201);
        assertThat(exchange("GET", base + "/webhooks/" + longest, null).status())
                .isEqualTo(200);
        assertThat(exchange("PATCH", base + "/webhooks/" + longest, "{\"disabled\":true}")
                        .status())
                .isEqualTo(200);
        assertThat(exchange("DELETE", base + "/webhooks/" + longest, null).status())
                .isEqualTo(204);
    }

    @Test
    void update_keepsAbsentFieldsAndExplicitNulls() {
        exchange("POST", base + "/webhooks", HOOK);

        exchange("PATCH", base + "/webhooks/deploy-notifier", "{\"disabled\":true}");
        JsonNode afterDisable =
                exchange("GET", base + "/webhooks/deploy-notifier", null).json();
        exchange("PATCH", base + "/webhooks/deploy-notifier", "{\"disabled\":null}");
        JsonNode afterNull =
                exchange("GET", base + "/webhooks/deploy-notifier", null).json();
        exchange("PATCH", base + "/webhooks/deploy-notifier", "{}");
        JsonNode afterNothing =
                exchange("GET", base + "/webhooks/deploy-notifier", null).json();

        assertThat(afterDisable.path("disabled").asBoolean()).isTrue();
        assertThat(afterDisable.path("url").asText()).isEqualTo("https://hooks.example.com/humanitec");
        assertThat(afterNull).as("explicit null is not given").isEqualTo(afterDisable);
        assertThat(afterNothing).as("absent is kept").isEqualTo(afterDisable);
    }

    @Test
    void deleteAllJobs_answers204AndEmptiesTheApp() {
        exchange("POST", base + "/webhooks", HOOK);

        Http.Answer deleted = exchange("DELETE", base + "/jobs", null);

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertThat(exchange("GET", base + "/webhooks", null).json()).isEmpty();
    }

    @Test
    void listEvents_answersTheCatalog() {
        Http.Answer events = exchange("GET", "/v1/orgs/my-org/events", null);

        assertThat(events.status()).isEqualTo(200);
        assertThat(events.json()).isNotEmpty();
        assertThat(events.json().get(0).path("properties").isArray()).isTrue();
    }

    @Test
    void backendErrors_keepHumanitecsStatusAndErrorBody() {
        exchange("POST", base + "/webhooks", HOOK);

        Http.Answer conflict = exchange("POST", base + "/webhooks", HOOK);
        Http.Answer invalid = exchange("POST", base + "/webhooks", HOOK.replace("https://", "http://"));
        Http.Answer missing = exchange("PATCH", base + "/webhooks/no-such-hook", "{\"disabled\":true}");
        Http.Answer missingDelete = exchange("DELETE", base + "/webhooks/no-such-hook", null);

        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.json().path("error").asText()).isEqualTo("HUM-409");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().path("error").asText()).isEqualTo("HUM-400");
        assertThat(invalid.json().path("details").path("field").asText()).isEqualTo("url");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missingDelete.status()).isEqualTo(404);
    }

    @Test
    void healthAndReadiness_answerOk() {
        Http.Answer live = exchange("GET", "/healthz", null);
        Http.Answer ready = exchange("GET", "/readyz", null);

        assertThat(live.status()).isEqualTo(200);
        assertThat(live.json().path("status").asText()).isEqualTo("ok");
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.json().path("status").asText()).isEqualTo("ready");
    }

    @Test
    void readiness_answers503OnceTheServletIsTakenOutOfService() {
        HumanitecRestServlet servlet = HumanitecRestServlet.builder(sandbox).build();
        try (EmbeddedServer own = EmbeddedServer.builder("rest-test")
                .servlet("/*", servlet, false)
                .start()) {
            Http ownHttp = new Http(own.uri());
            assertThat(ownHttp.get("/readyz").status()).isEqualTo(200);

            servlet.destroy();

            Http.Answer notReady = ownHttp.get("/readyz");
            assertThat(notReady.status()).isEqualTo(503);
            assertThat(notReady.json().path("error").asText()).isEqualTo("ADAPTER-503");
            assertThat(ownHttp.get("/healthz").status()).isEqualTo(200);
        }
    }

    @Test
    void apiDocument_isServedAsJson() {
        Http.Answer document = http.get("/v1/openapi.json");

        assertThat(document.status()).isEqualTo(200);
        assertThat(document.header("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(document.body()).isEqualTo(ApiDocuments.adapterDocument());
    }
}
