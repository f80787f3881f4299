package org.openhumanitec.events.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openhumanitec.events.launcher.EmbeddedServer;

/**
 * What the adapter turns away itself, before the backend sees anything: each answer has Humanitec's error body with
 * an {@code ADAPTER-<status>} code, names the field where there is one, and never shows a class name.
 */
class BadRequestsTest {

    private static final int LIMIT = 256;
    private static final String WEBHOOKS = "/v1/orgs/my-org/apps/my-app/webhooks";
    private static final String WEBHOOK = WEBHOOKS + "/hook-1";

    private static RecordingApi backend;
    private static EmbeddedServer server;
    private static Http http;

    @BeforeAll
    static void start() {
        backend = new RecordingApi();
        server = EmbeddedServer.builder("rest-test")
                // Every method reaches the servlet, as in a container without the launcher's method guard.
                .methods("GET", "POST", "PATCH", "DELETE", "PUT", "OPTIONS", "TRACE", "HEAD")
                .servlet(
                        "/*",
                        HumanitecRestServlet.builder(backend)
                                .maxBodyBytes(LIMIT)
                                .build(),
                        false)
                .start();
        http = new Http(server.uri());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private int callsBefore;

    @BeforeEach
    void countCalls() {
        callsBefore = backend.calls().size();
    }

    /** The answer is an adapter error of this status, and the backend was not called. */
    private static JsonNode adapterError(Http.Answer answer, int status) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.header("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode error = answer.json();
        assertThat(error.path("error").asText()).isEqualTo("ADAPTER-" + status);
        assertThat(error.path("message").asText()).isNotBlank();
        assertThat(answer.body()).doesNotContain("Exception", "org.openhumanitec", "java.", "jakarta.", "Jackson");
        for (Iterator<String> names = error.fieldNames(); names.hasNext(); ) {
            assertThat(names.next()).isIn("error", "message", "details");
        }
        return error;
    }

    private void assertBackendNotCalled() {
        assertThat(backend.calls()).hasSize(callsBefore);
    }

    @ParameterizedTest(name = "{0} -> 400 naming {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"id\": 5}                                   | id",
                "{\"id\": null}                                | id",
                "{\"url\": true}                               | url",
                "{\"disabled\": \"yes\"}                       | disabled",
                "{\"headers\": \"X-Token: 1\"}                 | headers",
                "{\"triggers\": null}                          | triggers",
                "{\"payload\": [1, 2]}                         | payload",
                "{\"triggers\": {\"scope\": \"deployment\"}}   | triggers",
                "{\"triggers\": [\"deployment.finished\"]}     | triggers[0]",
                "{\"triggers\": [{\"scope\": 1, \"type\": \"x\"}]} | triggers[0].scope",
                "{\"triggers\": [{\"scope\": \"deployment\"}]} | triggers[0].type",
            })
    void create_withAFieldOfTheWrongShape_isBadRequestNamingIt(String body, String field) {
        JsonNode error = adapterError(http.send("POST", WEBHOOKS, body), 400);

        assertThat(error.path("details").path("field").asText()).isEqualTo(field);
        assertThat(error.path("message").asText()).contains("'" + field + "'");
        assertBackendNotCalled();
    }

    @ParameterizedTest(name = "{0} -> 400 naming {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"id\": null}                | id",
                "{\"url\": 1}                  | url",
                "{\"disabled\": 0}             | disabled",
                "{\"headers\": []}             | headers",
                "{\"triggers\": null}          | triggers",
            })
    void update_withAFieldOfTheWrongShape_isBadRequestNamingIt(String body, String field) {
        JsonNode error = adapterError(http.send("PATCH", WEBHOOK, body), 400);

        assertThat(error.path("details").path("field").asText()).isEqualTo(field);
        assertBackendNotCalled();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{\"id\": \"hook-1\"", "{id: 1}", "{\"id\": \"a\",}", "nul", "{\"id\": \"a\"} x"})
    void malformedJson_isBadRequestSayingWhere(String body) {
        JsonNode error = adapterError(http.send("POST", WEBHOOKS, body), 400);

        assertThat(error.path("message").asText()).contains("malformed JSON").doesNotContain(body);
        assertBackendNotCalled();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"[]", "\"webhook\"", "42", "null"})
    void aBodyThatIsNotAnObject_isBadRequest(String body) {
        JsonNode error = adapterError(http.send("POST", WEBHOOKS, body), 400);

        assertThat(error.path("message").asText()).isEqualTo("The request body must be a JSON object.");
        assertBackendNotCalled();
    }

    @Test
    void moreAfterTheObject_isBadRequest() {
        JsonNode error = adapterError(http.send("POST", WEBHOOKS, "{\"id\": \"a\"} {\"id\": \"b\"}"), 400);

        assertThat(error.path("message").asText()).contains("more after its JSON object");
        assertBackendNotCalled();
    }

    @ParameterizedTest(name = "[{index}] blank body")
    @ValueSource(strings = {"", "  \n "})
    void anEmptyBody_isBadRequest(String body) {
        JsonNode error = adapterError(http.send("PATCH", WEBHOOK, body), 400);

        assertThat(error.path("message").asText()).contains("empty");
        assertBackendNotCalled();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "application/json; charset=ISO-8859-1"})
    void aBodyThatIsNotJson_isUnsupportedMediaType(String contentType) {
        adapterError(http.send("POST", WEBHOOKS, "{\"id\":\"hook-1\"}", "Content-Type", contentType), 415);
        adapterError(http.send("PATCH", WEBHOOK, "{\"disabled\":true}", "Content-Type", contentType), 415);
        assertBackendNotCalled();
    }

    @Test
    void aBodyWithoutContentType_isUnsupportedMediaType() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.uri() + WEBHOOKS))
                .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"hook-1\"}"))
                .build();

        adapterError(Http.send(request), 415);
        assertBackendNotCalled();
    }

    @Test
    void jsonWithAUtf8Charset_isAccepted() {
        Http.Answer answer = http.send(
                "POST", WEBHOOKS, "{\"id\":\"hook-é\"}", "Content-Type", "application/json; charset=\"UTF-8\"");

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.json().path("id").asText()).isEqualTo("hook-é");
    }

    @Test
    void aBodyOverTheLimit_isTooLarge_withOrWithoutContentLength() {
        String big = "{\"id\":\"" + "x".repeat(LIMIT) + "\"}";
        HttpRequest chunked = HttpRequest.newBuilder(URI.create(server.uri() + WEBHOOKS))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8))))
                .build();

        JsonNode declared = adapterError(http.send("POST", WEBHOOKS, big), 413);
        adapterError(Http.send(chunked), 413);

        assertThat(declared.path("message").asText()).contains(Integer.toString(LIMIT));
        assertBackendNotCalled();
        String atTheLimit = "{\"id\":\"" + "x".repeat(LIMIT - 10) + "\"}";
        assertThat(http.send("POST", WEBHOOKS, atTheLimit).status()).isEqualTo(201);
    }

    @Test
    void aBodyFarOverTheLimit_stillGetsTheAnswer_notAReset() {
        // The server answers before the client has sent it all; unless the rest is drained, closing the connection
        // resets it and the client never reads the 413.
        String huge = "{\"id\":\"" + "x".repeat(4 * 1024 * 1024) + "\"}";
        HttpRequest chunked = HttpRequest.newBuilder(URI.create(server.uri() + WEBHOOKS))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(huge.getBytes(StandardCharsets.UTF_8))))
                .build();

        for (int attempt = 0; attempt < 3; attempt++) {
            adapterError(http.send("POST", WEBHOOKS, huge), 413);
            adapterError(Http.send(chunked), 413);
        }
        assertBackendNotCalled();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "/",
                "/v1",
                "/v1/",
                "/v1/orgs/my-org",
                "/v1/orgs/my-org/apps/my-app",
                "/v1/orgs/my-org/apps/my-app/webhooks/",
                "/v1/orgs/my-org/apps/my-app/webhooks/hook-1/extra",
                "/v1/orgs/my-org/events/",
                "/v2/orgs/my-org/events",
                "/orgs/my-org/events",
                "/V1/orgs/my-org/events",
                "/healthz/x",
            })
    void anUnknownPath_isNotFound(String path) {
        adapterError(http.get(path), 404);
        assertBackendNotCalled();
    }

    @ParameterizedTest(name = "{0} {1} -> Allow: {2}")
    @CsvSource({
        "PUT, /v1/orgs/my-org/apps/my-app/webhooks, 'GET, POST'",
        "DELETE, /v1/orgs/my-org/apps/my-app/webhooks, 'GET, POST'",
        "POST, /v1/orgs/my-org/apps/my-app/webhooks/hook-1, 'GET, DELETE, PATCH'",
        "PUT, /v1/orgs/my-org/apps/my-app/webhooks/hook-1, 'GET, DELETE, PATCH'",
        "GET, /v1/orgs/my-org/apps/my-app/jobs, DELETE",
        "POST, /v1/orgs/my-org/events, GET",
        "OPTIONS, /v1/orgs/my-org/events, GET",
        "TRACE, /v1/orgs/my-org/events, GET",
        "POST, /healthz, GET",
        "DELETE, /v1/openapi.json, GET",
    })
    void anotherMethod_isMethodNotAllowedWithAllow(String method, String path, String allow) {
        Http.Answer answer = http.send(method, path, null, "Authorization", "Bearer secret-token-1");

        adapterError(answer, 405);
        assertThat(answer.header("Allow")).hasValue(allow);
        assertThat(answer.body()).doesNotContain("secret-token-1");
        assertBackendNotCalled();
    }

    @Test
    void head_isMethodNotAllowedWithoutABody() {
        Http.Answer answer = http.send("HEAD", "/v1/orgs/my-org/events", null);

        assertThat(answer.status()).isEqualTo(405);
        assertThat(answer.header("Allow")).hasValue("GET");
        assertBackendNotCalled();
    }
}
