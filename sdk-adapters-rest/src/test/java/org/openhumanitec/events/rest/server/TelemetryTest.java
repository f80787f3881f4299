package org.openhumanitec.events.rest.server;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openhumanitec.events.feign.HumanitecClient;
import org.openhumanitec.events.feign.testing.CapturedLogs;
import org.openhumanitec.events.launcher.EmbeddedServer;
import org.openhumanitec.events.launcher.Launcher;
import org.openhumanitec.events.rest.Http;

/**
 * The REST face's telemetry: {@code GET /metrics} in Prometheus text (JVM, Jetty, one timer per route by its
 * template, the gateway's upstream calls by operation), behind the inbound token; the caller's trace continued
 * upstream; a request id on every answer;
 * JSON access logs with {@code --log-format json}.
 */
class TelemetryTest {

    private static final String INBOUND = "inbound-secret-4567";
    private static final String CALLER = "Bearer " + INBOUND;
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final WireMockExtension humanitec = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    private final List<EmbeddedServer> servers = new ArrayList<>();

    @AfterEach
    void stop() {
        servers.forEach(EmbeddedServer::close);
    }

    private Http gateway(String... extra) {
        List<String> args = new ArrayList<>(
                List.of("--port", "0", "--auth-token", INBOUND, "--humanitec-url", humanitec.baseUrl()));
        args.addAll(List.of(extra));
        List<EmbeddedServer> started = Launcher.start(
                new RestFace(),
                args.toArray(String[]::new),
                Map.of(HumanitecClient.ENV_API_KEY, "server-token-0123"),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        servers.addAll(started);
        return new Http(started.get(0).uri());
    }

    @Test
    void metrics_timeEachRouteByTemplateAndTheUpstreamCallsByOperation() {
        humanitec.stubFor(
                get(urlPathEqualTo("/orgs/acme-corp/apps/billing-api/webhooks")).willReturn(okJson("[]")));
        humanitec.stubFor(get(urlPathEqualTo("/orgs/acme-corp/apps/billing-api/webhooks/gone-hook"))
                .willReturn(aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"API-404\",\"message\":\"not found\"}")));
        Http http = gateway();

        assertThat(http.get("/v1/orgs/acme-corp/apps/billing-api/webhooks", "Authorization", CALLER)
                        .status())
                .isEqualTo(200);
        assertThat(http.get("/v1/orgs/acme-corp/apps/billing-api/webhooks", "Authorization", CALLER)
                        .status())
                .isEqualTo(200);
        assertThat(http.get("/v1/orgs/acme-corp/apps/billing-api/webhooks/gone-hook", "Authorization", CALLER)
                        .status())
                .isEqualTo(404);
        Http.Answer scrape = http.get("/metrics", "Authorization", CALLER);

        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.header("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        String text = scrape.body();
        assertThat(text)
                .contains("http_server_requests_seconds_count{method=\"GET\",outcome=\"SUCCESS\",status=\"200\","
                        + "uri=\"/v1/orgs/{orgId}/apps/{appId}/webhooks\"} 2")
                .contains("http_server_requests_seconds_count{method=\"GET\",outcome=\"CLIENT_ERROR\",status=\"404\","
                        + "uri=\"/v1/orgs/{orgId}/apps/{appId}/webhooks/{jobId}\"} 1")
                .containsPattern("http_client_requests_seconds_count\\{.*http_status_code=\"200\",.*"
                        + "operation=\"listWebhooks\",outcome=\"SUCCESS\",transport=\"okHttp\"} 2")
                .containsPattern("http_client_requests_seconds_count\\{.*http_status_code=\"404\",.*"
                        + "operation=\"getWebhook\",outcome=\"CLIENT_ERROR\",transport=\"okHttp\"} 1")
                .contains("humanitec_client_retries_total{operation=\"listWebhooks\"")
                .contains("jvm_memory_used_bytes")
                .contains("jetty_connections_")
                .contains("jetty_threads_")
                .doesNotContain("acme-corp", "billing-api", "gone-hook", "server-token-0123", INBOUND);
    }

    @Test
    void gateway_continuesTheCallersTraceIntoTheUpstreamCall() {
        humanitec.stubFor(get(urlPathEqualTo("/orgs/acme-corp/events")).willReturn(okJson("[]")));
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        Http http = gateway();

        http.get(
                "/v1/orgs/acme-corp/events",
                "Authorization",
                CALLER,
                "traceparent",
                traceparent,
                "tracestate",
                "vendor=abc");
        http.get("/v1/orgs/acme-corp/events", "Authorization", CALLER);
        http.get("/v1/orgs/acme-corp/events", "Authorization", CALLER, "traceparent", "00-not-a-trace-01");

        List<LoggedRequest> upstream = humanitec.findAll(getRequestedFor(urlPathEqualTo("/orgs/acme-corp/events")));
        assertThat(upstream).hasSize(3);
        assertThat(upstream.get(0).getHeader("traceparent")).isEqualTo(traceparent);
        assertThat(upstream.get(0).getHeader("tracestate")).isEqualTo("vendor=abc");
        assertThat(upstream.get(1).containsHeader("traceparent")).isFalse();
        assertThat(upstream.get(2).containsHeader("traceparent")).isFalse();
    }

    @Test
    void metrics_needTheInboundTokenWhenOneIsSet() {
        Http http = gateway();

        assertThat(http.get("/metrics").status()).isEqualTo(401);
    }

    @Test
    void disableMetrics_servesNoMetrics() {
        Http http = gateway("--disable-metrics");

        assertThat(http.get("/metrics", "Authorization", CALLER).status()).isEqualTo(404);
    }

    @Test
    void everyAnswer_carriesARequestIdAndKeepsASaneOneTheCallerSent() {
        Http http = gateway();

        assertThat(http.get("/healthz").header("X-Request-Id"))
                .hasValueSatisfying(id -> assertThat(id).matches("[0-9a-f-]{36}"));
        assertThat(http.get("/healthz", "X-Request-Id", "trace-42").header("X-Request-Id"))
                .hasValue("trace-42");
        assertThat(http.get("/healthz", "X-Request-Id", "no spaces{}").header("X-Request-Id"))
                .hasValueSatisfying(id -> assertThat(id).isNotEqualTo("no spaces{}"));
    }

    @Test
    void jsonLogFormat_writesEachRequestAsOneJsonObjectWithItsRequestId() throws Exception {
        Http http = gateway("--log-format", "json");
        CapturedLogs.clear();

        Http.Answer answer = http.get("/healthz", "X-Request-Id", "req-7");

        List<String> lines =
                CapturedLogs.awaitTexts("org.openhumanitec.events.access", text -> text.contains("\"req-7\""), 1);
        assertThat(lines).hasSize(1);
        JsonNode line = JSON.readTree(lines.get(0));
        assertThat(line.get("requestId").asText())
                .isEqualTo("req-7")
                .isEqualTo(answer.header("X-Request-Id").get());
        assertThat(line.get("method").asText()).isEqualTo("GET");
        assertThat(line.get("path").asText()).isEqualTo("/healthz");
        assertThat(line.get("status").asInt()).isEqualTo(200);
        assertThat(line.get("durationMs").isIntegralNumber()).isTrue();
    }
}
