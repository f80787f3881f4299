package org.openhumanitec.events.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openhumanitec.events.feign.HumanitecClient;
import org.openhumanitec.events.launcher.EmbeddedServer;

/**
 * Path segments are split first and percent-decoded exactly once, so whatever an id holds stays in that id and never
 * changes the route; ids no URL can carry ({@code .}, {@code ..}, blank) and broken encodings are a 400 naming the
 * parameter, and the backend never sees them.
 */
class HostilePathsTest {

    private static RecordingApi backend;
    private static EmbeddedServer server;
    private static Http http;

    @BeforeAll
    static void start() {
        backend = new RecordingApi();
        server = EmbeddedServer.builder("rest-test")
                .servlet("/*", HumanitecRestServlet.builder(backend).build(), false)
                .start();
        http = new Http(server.uri());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String lastCall() {
        List<String> calls = backend.calls();
        return calls.isEmpty() ? null : calls.get(calls.size() - 1);
    }

    @ParameterizedTest(name = "{0} is the id [{1}]")
    @CsvSource(
            delimiter = '|',
            value = {
                "a%2Fb         | a/b",
                "a%2fb         | a/b",
                "%2F           | /",
                "%252F         | %2F",
                "x%3Fy%3D1     | x?y=1",
                "x%23frag      | x#frag",
                "%C3%A9        | é",
                "a%20b         | a b",
                "%2E%2E%2Fetc  | ../etc",
                ".hidden       | .hidden",
                "a;b=c         | a;b=c",
            })
    void anEncodedSegment_isDecodedOnceIntoOneId(String segment, String id) {
        Http.Answer answer = http.get("/v1/orgs/my-org/apps/my-app/webhooks/" + segment);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(lastCall()).isEqualTo("get [my-org] [my-app] [" + id + "]");
    }

    @ParameterizedTest(name = "{0} is the id [{1}]")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '\'',
            value = {
                "a%5Cb     | a\\b",
                "a\\b       | a\\b",
                "a%22b     | a\"b",
                "a\"b       | a\"b",
                "a%09b     | a\tb",
                "a%7Fb     | a\u007Fb",
                "%2E%2E%5C | ..\\",
            })
    void anIdWithACharacterJettyCallsSuspicious_reachesTheServlet(String segment, String id) {
        Http.Answer answer = http.raw("GET /v1/orgs/my-org/apps/my-app/webhooks/" + segment + " HTTP/1.1");

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(lastCall()).isEqualTo("get [my-org] [my-app] [" + id + "]");
    }

    @Test
    void encodedSlashes_neverChangeTheRoute() {
        http.get("/v1/orgs/o%2Fapps%2Fx/events");
        assertThat(lastCall()).isEqualTo("events [o/apps/x]");

        http.send("DELETE", "/v1/orgs/o/apps/a%2Fwebhooks%2Fh/jobs", null);
        assertThat(lastCall()).isEqualTo("deleteAll [o] [a/webhooks/h]");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"%20", "%09", "%2E", "%2e%2e"})
    void anIdNoUrlCanCarry_isBadRequestNamingTheParameter(String segment) {
        int calls = backend.calls().size();

        Http.Answer answer = http.get("/v1/orgs/my-org/apps/my-app/webhooks/" + segment);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("error").asText()).startsWith("ADAPTER-400");
        assertThat(answer.json().path("details").path("field").asText()).isEqualTo("jobId");
        assertThat(backend.calls()).hasSize(calls);
    }

    @Test
    void aBlankOrgId_isBadRequestNamingIt() {
        Http.Answer answer = http.get("/v1/orgs/%20/events");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("details").path("field").asText()).isEqualTo("orgId");
        assertThat(answer.json().path("message").asText()).contains("orgId");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "GET /v1/orgs/my-org/apps/my-app/webhooks/%FF%FE HTTP/1.1",
                "GET /v1/orgs/my-org/apps/my-app/webhooks/%C3 HTTP/1.1",
                "GET /v1/orgs/my-org/apps/my-app/webhooks/%u0041 HTTP/1.1",
            })
    void aBrokenEncoding_isBadRequestNamingTheParameter(String requestLine) {
        int calls = backend.calls().size();

        Http.Answer answer = http.raw(requestLine);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("error").asText()).isEqualTo("ADAPTER-400");
        assertThat(answer.json().path("details").path("field").asText()).isEqualTo("jobId");
        assertThat(answer.body()).doesNotContain("Exception");
        assertThat(backend.calls()).hasSize(calls);
    }

    /** Jetty's request-line parser refuses these before any handler runs: a 400 in the same body, without a field. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "GET /v1/orgs/my-org/apps/my-app/webhooks/%zz HTTP/1.1",
                "GET /v1/orgs/my-org/apps/my-app/webhooks/abc%4 HTTP/1.1",
                "GET /v1/orgs/my-org/apps/my-app/webhooks/%00x HTTP/1.1",
            })
    void anEscapeJettyCannotParse_isBadRequest(String requestLine) {
        int calls = backend.calls().size();

        Http.Answer answer = http.raw(requestLine);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("error").asText()).isEqualTo("ADAPTER-400");
        assertThat(answer.body()).doesNotContain("Exception");
        assertThat(backend.calls()).hasSize(calls);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "GET /v1/orgs/my-org/apps/my-app/webhooks/.. HTTP/1.1",
                "GET /v1/orgs/my-org/apps/my-app/webhooks/../../../../healthz HTTP/1.1",
                "DELETE /v1/orgs/my-org/apps/my-app/webhooks/./../jobs HTTP/1.1",
            })
    void dotSegments_neverReachTheBackendAsIds(String requestLine) {
        int calls = backend.calls().size();

        Http.Answer answer = http.raw(requestLine);

        assertThat(answer.status()).isBetween(400, 404);
        assertThat(answer.json().path("error").asText()).startsWith("ADAPTER-");
        assertThat(backend.calls()).hasSize(calls);
    }

    @ParameterizedTest(name = "id [{0}]")
    @ValueSource(strings = {"a/b", "%2F", "x?y=1", "é", "a b", "#x", "..a", "100%"})
    void theClientsEncodingRoundTrips(String id) {
        try (HumanitecClient client = HumanitecClient.builder()
                .baseUrl(server.uri() + "/v1")
                .token("t")
                .build()) {
            client.webhooks().get("my/org", "my?app", id);
            client.webhooks().delete("my/org", "my?app", id);
        }

        assertThat(backend.calls()
                        .subList(backend.calls().size() - 2, backend.calls().size()))
                .containsExactly("get [my/org] [my?app] [" + id + "]", "delete [my/org] [my?app] [" + id + "]");
    }

    @Test
    void aQueryString_isIgnored() {
        Http.Answer answer = http.get("/v1/orgs/my-org/events?orgId=other&x=%2F");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(lastCall()).isEqualTo("events [my-org]");
    }
}
