package org.openhumanitec.events.mcp.server;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openhumanitec.events.launcher.EmbeddedServer;
import org.openhumanitec.events.launcher.Launcher;
import org.openhumanitec.events.mcp.RawMcp;

/**
 * The MCP face's health checks (the REST face's meaning, no token needed) and {@code GET /metrics}: JVM, Jetty, one
 * timer per path and one per tool with its status and outcome, behind the inbound token; and, in gateway mode, the
 * caller's W3C trace context continued into the upstream call.
 */
class TelemetryTest {

    private static final String INBOUND = "inbound-secret-4567";
    private static final String CALLER = "Bearer " + INBOUND;

    private final List<EmbeddedServer> servers = new ArrayList<>();

    @AfterEach
    void stop() {
        servers.forEach(EmbeddedServer::close);
    }

    private EmbeddedServer sandbox(String... extra) {
        List<String> args = new ArrayList<>(List.of("--port", "0", "--sandbox", "--auth-token", INBOUND));
        args.addAll(List.of(extra));
        List<EmbeddedServer> started = Launcher.start(
                new McpFace(),
                args.toArray(String[]::new),
                Map.of(),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        servers.addAll(started);
        return started.get(0);
    }

    private EmbeddedServer gateway(WireMockServer humanitec, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--port", "0", "--auth-token", INBOUND, "--humanitec-url", "http://127.0.0.1:" + humanitec.port()));
        args.addAll(List.of(extra));
        List<EmbeddedServer> started = Launcher.start(
                new McpFace(),
                args.toArray(String[]::new),
                Map.of("HUMANITEC_API_KEY", "server-token-0123"),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        servers.addAll(started);
        return started.get(0);
    }

    private static RawMcp.Answer get(EmbeddedServer server, String path, String... headers) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(server.uri() + path)).timeout(Duration.ofSeconds(10));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return RawMcp.send(request.GET().build());
    }

    private static String call(String tool, String arguments) {
        return "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
                + "\",\"arguments\":" + arguments + "}}";
    }

    @Test
    void healthChecks_answerWithoutATokenAsTheRestFaceDoes() {
        EmbeddedServer server = sandbox();

        RawMcp.Answer live = get(server, "/healthz");
        RawMcp.Answer ready = get(server, "/readyz");

        assertThat(live.status()).isEqualTo(200);
        assertThat(live.body()).isEqualTo("{\"status\":\"ok\"}");
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.body()).isEqualTo("{\"status\":\"ready\"}");
        assertThat(live.header("X-Request-Id")).isPresent();
    }

    @Test
    void metrics_timeEachToolByStatusAndOutcomeBehindTheInboundToken() {
        EmbeddedServer server = sandbox();
        RawMcp mcp = new RawMcp(server.uri());
        String session = mcp.initialize("Authorization", CALLER);

        assertThat(mcp.post(
                                call("list-webhooks", "{\"orgId\":\"acme-corp\",\"appId\":\"billing-api\"}"),
                                session,
                                "Authorization",
                                CALLER)
                        .status())
                .isEqualTo(200);
        assertThat(mcp.post(
                                call(
                                        "get-webhook",
                                        "{\"orgId\":\"acme-corp\",\"appId\":\"billing-api\",\"jobId\":\"gone-hook\"}"),
                                session,
                                "Authorization",
                                CALLER)
                        .body())
                .contains("\"isError\":true");
        RawMcp.Answer unauthorized = get(server, "/metrics");
        RawMcp.Answer scrape = get(server, "/metrics", "Authorization", CALLER);

        assertThat(unauthorized.status()).isEqualTo(401);
        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.header("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        String text = scrape.body();
        assertThat(text)
                .contains("mcp_tool_calls_seconds_count{outcome=\"SUCCESS\",status=\"ok\",tool=\"list-webhooks\"} 1")
                .contains(
                        "mcp_tool_calls_seconds_count{outcome=\"CLIENT_ERROR\",status=\"404\",tool=\"get-webhook\"} 1")
                .contains("http_server_requests_seconds_count{method=\"POST\",outcome=\"SUCCESS\",status=\"200\","
                        + "uri=\"/mcp\"}")
                .contains("jvm_memory_used_bytes")
                .contains("jetty_threads_")
                .doesNotContain("acme-corp", "billing-api", "gone-hook", INBOUND);
    }

    @ParameterizedTest(name = "stateless: {0}")
    @ValueSource(booleans = {false, true})
    void gateway_continuesTheCallersTraceIntoTheUpstreamCall(boolean stateless) {
        WireMockServer humanitec =
                new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        humanitec.start();
        try {
            humanitec.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                            urlPathEqualTo("/orgs/acme-corp/apps/billing-api/webhooks"))
                    .willReturn(okJson("[]")));
            EmbeddedServer server = stateless ? gateway(humanitec, "--stateless") : gateway(humanitec);
            RawMcp mcp = new RawMcp(server.uri());
            String session = stateless ? null : mcp.initialize("Authorization", CALLER);
            String listWebhooks = call("list-webhooks", "{\"orgId\":\"acme-corp\",\"appId\":\"billing-api\"}");
            String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

            RawMcp.Answer traced = mcp.post(
                    listWebhooks,
                    session,
                    "Authorization",
                    CALLER,
                    "traceparent",
                    traceparent,
                    "tracestate",
                    "vendor=abc");
            RawMcp.Answer untraced = mcp.post(listWebhooks, session, "Authorization", CALLER);
            RawMcp.Answer malformed =
                    mcp.post(listWebhooks, session, "Authorization", CALLER, "traceparent", "00-not-a-trace-01");

            assertThat(List.of(traced, untraced, malformed))
                    .allSatisfy(answer -> assertThat(answer.body())
                            .contains("\"structuredContent\":{\"webhooks\":[]}")
                            .doesNotContain("\"isError\":true"));
            List<LoggedRequest> upstream =
                    humanitec.findAll(getRequestedFor(urlPathEqualTo("/orgs/acme-corp/apps/billing-api/webhooks")));
            assertThat(upstream).hasSize(3);
            assertThat(upstream.get(0).getHeader("traceparent")).isEqualTo(traceparent);
            assertThat(upstream.get(0).getHeader("tracestate")).isEqualTo("vendor=abc");
            assertThat(upstream.get(1).containsHeader("traceparent")).isFalse();
            assertThat(upstream.get(2).containsHeader("traceparent")).isFalse();
        } finally {
            humanitec.stop();
        }
    }

    @Test
    void disableMetrics_servesNoMetrics() {
        EmbeddedServer server = sandbox("--disable-metrics");

        assertThat(get(server, "/metrics", "Authorization", CALLER).status()).isEqualTo(404);
        assertThat(get(server, "/healthz").status()).isEqualTo(200);
    }
}
