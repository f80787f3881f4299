package org.openhumanitec.events.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openhumanitec.events.launcher.EmbeddedServer;
import org.openhumanitec.events.sandbox.HumanitecSandbox;

/**
 * The GET event stream of a session: the keep-alive ping finds a stream whose client went away without closing it
 * (it answers no ping), and closing the sessions, as a stop begins, ends open streams at once rather than leaving the
 * stop to wait for them until the drain timeout.
 */
class EventStreamTest {

    /** An open GET event stream over a raw socket: what an MCP client opens after initialize. */
    private static final class EventStream implements AutoCloseable {
        private final Socket socket;
        private final InputStream in;
        private final ByteArrayOutputStream received = new ByteArrayOutputStream();
        private int answered;
        private static final int MAX_PINGS = 20;

        EventStream(URI base, String session) throws IOException {
            socket = new Socket(base.getHost(), base.getPort());
            socket.setSoTimeout(20_000);
            socket.getOutputStream()
                    .write(("GET " + HumanitecMcpServlet.ENDPOINT + " HTTP/1.1\r\nHost: 127.0.0.1:" + base.getPort()
                                    + "\r\nAccept: text/event-stream\r\nMcp-Session-Id: " + session + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            in = socket.getInputStream();
        }

        /** The server's first ping on the stream: the whole event. */
        String readPing() throws IOException {
            String ping = "\"method\":\"ping\"";
            return readUntil("\n\n", readUntil(ping).indexOf(ping));
        }

        /**
         * Answers each ping as a live client does: until one is answered, or until the server ends the stream with
         * the answer's last chunk. A cut connection throws, and so does a stream still open after
         * {@value #MAX_PINGS} pings.
         */
        void answerPings(RawMcp raw, String session, boolean toTheEnd) throws IOException {
            while (true) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("the connection was cut: " + received());
                }
                received.write(b);
                String text = received();
                if (text.endsWith("\r\n0\r\n\r\n")) {
                    return;
                }
                if (text.endsWith("\n\n")) {
                    Matcher ping = PING.matcher(text);
                    for (int seen = 0; ping.find(); seen++) {
                        if (seen == answered) {
                            raw.post("{\"jsonrpc\":\"2.0\",\"id\":" + ping.group(1) + ",\"result\":{}}", session);
                            answered++;
                            if (answered > MAX_PINGS) {
                                throw new IOException("the stream is still open after " + MAX_PINGS + " pings");
                            }
                        }
                    }
                    if (!toTheEnd && answered > 0) {
                        return;
                    }
                }
            }
        }

        /** What the stream received so far. */
        String received() {
            return received.toString(StandardCharsets.UTF_8);
        }

        /** Reads until the answer's last chunk: the server ended the stream (a cut connection throws instead). */
        String readToLastChunk() throws IOException {
            return readUntil("\r\n0\r\n\r\n");
        }

        /** Reads until the received text contains the given one. */
        String readUntil(String text) throws IOException {
            return readUntil(text, 0);
        }

        /** Reads until the received text contains the given one from an index on. */
        String readUntil(String text, int from) throws IOException {
            while (received.toString(StandardCharsets.UTF_8).indexOf(text, from) < 0) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("the stream ended before " + text + ": " + received);
                }
                received.write(b);
            }
            return received.toString(StandardCharsets.UTF_8);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private static final Pattern PING = Pattern.compile("\"method\":\"ping\",\"id\":(\"[^\"]*\"|\\d+)");

    private static EmbeddedServer start(int keepAliveSeconds) {
        return McpTestServers.start(
                HumanitecSandbox.create(), "--keep-alive-seconds", Integer.toString(keepAliveSeconds));
    }

    @Test
    void aStreamWhoseClientAnswersNoPing_isEndedByTheServer() throws Exception {
        try (EmbeddedServer server = start(1)) {
            String session = new RawMcp(server.uri()).initialize();
            try (EventStream stream = new EventStream(server.uri(), session)) {
                assertThat(stream.readPing()).startsWith("HTTP/1.1 200");

                // A client gone without closing its stream answers no ping: within one interval the server ends it.
                assertThat(stream.readToLastChunk()).endsWith("\r\n0\r\n\r\n");
            }
        }
    }

    @Test
    void closeSessions_endsTheOpenStreamOfALiveClient_soAStopNeedNotWaitForIt() throws Exception {
        HumanitecMcpServlet servlet = HumanitecMcpServlet.create(
                HumanitecSandbox.create(),
                HumanitecMcpSettings.builder()
                        .keepAliveInterval(Duration.ofSeconds(1))
                        .build());
        try (EmbeddedServer server = EmbeddedServer.builder("mcp-stop-test")
                .servlet(HumanitecMcpServlet.ENDPOINT, servlet, true)
                .start()) {
            RawMcp raw = new RawMcp(server.uri());
            String session = raw.initialize();
            try (EventStream stream = new EventStream(server.uri(), session)) {
                stream.answerPings(raw, session, false);

                // What the standalone face runs as a stop begins (EmbeddedServer.beforeDrain).
                servlet.closeSessions();

                // A live client answers every ping, so the keep-alive never ends its stream: closeSessions does.
                stream.answerPings(raw, session, true);
                assertThat(stream.received()).endsWith("\r\n0\r\n\r\n");
                assertThat(raw.post(RawMcp.TOOLS_LIST, session).status()).isEqualTo(503);
            }
        }
    }
}
