package org.openhumanitec.events.feign;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The spec check that runs after every WireMock test can fail: exchanges that break the contract are caught. */
class SpecCheckTest extends SpecCheckedWireMock {

    private final HttpClient http = HttpClient.newHttpClient();

    private void send(HttpRequest.Builder request) throws Exception {
        http.send(request.header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.discarding());
    }

    @AfterEach
    void forgetTheDeliberatelyBadExchanges() {
        wm.resetRequests();
    }

    @Test
    void aRequestBodyOfTheWrongShapeIsCaught() throws Exception {
        wm.stubFor(post("/orgs/o/apps/a/webhooks")
                .willReturn(aResponse().withStatus(201).withBody(Fixtures.WEBHOOK)));

        send(HttpRequest.newBuilder(URI.create(wm.baseUrl() + "/orgs/o/apps/a/webhooks"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"triggers\": \"deployment\"}")));

        assertThat(problemsSoFar()).anyMatch(p -> p.contains("request") && p.contains("triggers"));
    }

    @Test
    void aResponseMissingARequiredFieldIsCaught() throws Exception {
        wm.stubFor(get("/orgs/o/apps/a/webhooks/j").willReturn(okJson("{\"id\": \"j\"}")));

        send(HttpRequest.newBuilder(URI.create(wm.baseUrl() + "/orgs/o/apps/a/webhooks/j")));

        assertThat(problemsSoFar()).anyMatch(p -> p.contains("response 200") && p.contains("triggers"));
    }

    @Test
    void anUndeclaredStatusWithoutAHumanitecErrorBodyIsCaught() throws Exception {
        wm.stubFor(get("/orgs/o/events").willReturn(aResponse().withStatus(503).withBody("busy")));

        send(HttpRequest.newBuilder(URI.create(wm.baseUrl() + "/orgs/o/events")));

        assertThat(problemsSoFar()).containsExactly("GET /orgs/o/events response 503: the body is not JSON");
    }

    @Test
    void aPathOutsideTheSpecIsCaught() throws Exception {
        wm.stubFor(get("/orgs/o/apps").willReturn(okJson("[]")));

        send(HttpRequest.newBuilder(URI.create(wm.baseUrl() + "/orgs/o/apps")));

        assertThat(problemsSoFar()).anyMatch(p -> p.startsWith("GET /orgs/o/apps request: "));
    }
}
