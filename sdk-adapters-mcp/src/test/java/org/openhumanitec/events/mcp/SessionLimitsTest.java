package org.openhumanitec.events.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhumanitec.events.launcher.EmbeddedServer;
import org.openhumanitec.events.sandbox.HumanitecSandbox;

/**
 * The bounds on MCP sessions, on the real servlet over loopback, with a clock the test moves: at most 2 open, a third
 * {@code initialize} refused with 503 and {@code Retry-After}, idle sessions expired after 10 minutes, and a session's
 * {@code initialize} bounded in size.
 */
class SessionLimitsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration IDLE = Duration.ofMinutes(10);

    private final MovableClock clock = new MovableClock();
    private EmbeddedServer server;
    private RawMcp raw;

    /** A clock that stands still until the test moves it. */
    private static final class MovableClock extends Clock {
        private volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @BeforeEach
    void start() {
        HumanitecMcpSettings settings = HumanitecMcpSettings.builder()
                .maxSessions(2)
                .sessionIdleTimeout(IDLE)
                .build();
        server = EmbeddedServer.builder("mcp-sessions-test")
                .host("127.0.0.1")
                .port(0)
                .servlet(
                        HumanitecMcpServlet.ENDPOINT,
                        HumanitecMcpServlet.create(HumanitecSandbox.create(), settings, clock),
                        true)
                .start();
        raw = new RawMcp(server.uri());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private RawMcp.Answer toolsList(String session) {
        return raw.post(RawMcp.TOOLS_LIST, session);
    }

    @Test
    void anInitializeBeyondTheLimit_isUnavailable_withRetryAfter_andOpenSessionsKeepWorking() throws Exception {
        String first = raw.initialize();
        String second = raw.initialize();

        RawMcp.Answer third = raw.post(RawMcp.INITIALIZE, null);

        assertThat(third.status()).isEqualTo(503);
        assertThat(third.header("Retry-After")).contains(Long.toString(IDLE.toSeconds()));
        assertThat(third.header("Mcp-Session-Id")).isEmpty();
        JsonNode body = JSON.readTree(third.body());
        assertThat(body.path("jsonrpc").asText()).isEqualTo("2.0");
        assertThat(body.path("error").path("code").asInt()).isEqualTo(-32603);
        assertThat(body.path("error").path("message").asText()).startsWith("Too many open MCP sessions (2)");
        assertThat(toolsList(first).status()).isEqualTo(200);
        assertThat(toolsList(second).status()).isEqualTo(200);
    }

    @Test
    void retryAfter_isTheTimeUntilTheFirstIdleSessionExpires() {
        raw.initialize();
        clock.advance(Duration.ofMinutes(4));
        raw.initialize();
        clock.advance(Duration.ofSeconds(30));

        RawMcp.Answer refused = raw.post(RawMcp.INITIALIZE, null);

        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.header("Retry-After"))
                .contains(Long.toString(Duration.ofSeconds(330).toSeconds()));
    }

    @Test
    void endingASession_freesItsPlace() {
        String first = raw.initialize();
        raw.initialize();

        RawMcp.Answer deleted =
                RawMcp.send(HttpRequest.newBuilder(URI.create(server.uri() + HumanitecMcpServlet.ENDPOINT))
                        .header("Mcp-Session-Id", first)
                        .DELETE()
                        .build());

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(raw.post(RawMcp.INITIALIZE, null).status()).isEqualTo(200);
        assertThat(toolsList(first).status()).isEqualTo(404);
    }

    @Test
    void anIdleSession_expires_andFreesItsPlace_whileOneInUseStaysOpen() throws Exception {
        String idle = raw.initialize();
        String busy = raw.initialize();
        clock.advance(Duration.ofMinutes(6));
        assertThat(toolsList(busy).status()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(4));

        RawMcp.Answer expired = toolsList(idle);

        assertThat(expired.status()).isEqualTo(404);
        JsonNode body = JSON.readTree(expired.body());
        assertThat(body.path("error").path("message").asText()).startsWith("Session not found");
        assertThat(toolsList(busy).status()).isEqualTo(200);
        assertThat(raw.post(RawMcp.INITIALIZE, null).status()).isEqualTo(200);
    }

    @Test
    void anExpiredSession_isClosedEvenIfNobodyCallsItAgain() {
        raw.initialize();
        raw.initialize();
        clock.advance(IDLE);

        assertThat(raw.post(RawMcp.INITIALIZE, null).status()).isEqualTo(200);
        assertThat(raw.post(RawMcp.INITIALIZE, null).status()).isEqualTo(200);
        assertThat(raw.post(RawMcp.INITIALIZE, null).status()).isEqualTo(503);
    }

    @Test
    void anOversizedInitialize_isRefused_soASessionKeepsLittle() {
        String padded = RawMcp.INITIALIZE.replace(
                "\"name\":\"raw\"", "\"name\":\"" + "x".repeat(HumanitecMcpServlet.MAX_INITIALIZE_BYTES) + "\"");

        RawMcp.Answer answer = raw.post(padded, null);

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.header("Mcp-Session-Id")).isEmpty();
        assertThat(raw.initialize()).isNotBlank();
        assertThat(raw.initialize()).isNotBlank();
    }
}
