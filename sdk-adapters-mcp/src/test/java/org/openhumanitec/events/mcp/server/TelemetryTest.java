package org.openhumanitec.events.mcp.server;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.openhumanitec.events.launcher.EmbeddedServer;
import org.openhumanitec.events.launcher.Launcher;
import org.openhumanitec.events.mcp.RawMcp;

/**
 * The MCP face's health checks (the REST face's meaning, no token needed) and {@code GET /metrics}: JVM, Jetty, one
 * timer per path and one per tool with its status and outcome, behind the inbound token.
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

    @Test
    void disableMetrics_servesNoMetrics() {
        EmbeddedServer server = sandbox("--disable-metrics");

        assertThat(get(server, "/metrics", "Authorization", CALLER).status()).isEqualTo(404);
        assertThat(get(server, "/healthz").status()).isEqualTo(200);
    }
}
