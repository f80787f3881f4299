package org.openhumanitec.events.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openhumanitec.events.launcher.EmbeddedServer;
import org.openhumanitec.events.sandbox.HumanitecSandbox;

/**
 * The GET event stream of a session: the keep-alive ping finds a stream whose client went away without closing it
 * (it answers no ping), and a stop ends open streams at once rather than waiting for them until the drain timeout.
 */
class EventStreamTest {

    /** An open GET event stream over a raw socket: what an MCP client opens after initialize. */
    private static final class EventStream implements AutoCloseable {
        private final Socket socket;
        private final InputStream in;
        private final ByteArrayOutputStream received = new ByteArrayOutputStream();

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

    private static EmbeddedServer start(int keepAliveSeconds) {
        return McpTestServers.start(
                HumanitecSandbox.create(), "--keep-alive-seconds", Integer.toString(keepAliveSeconds));
    }

    /** The JSON-RPC id of the first ping on a stream, such as {@code "<session>-0"}, as JSON text. */
    private static String pingId(String received) {
        Matcher id = Pattern.compile("\"id\":(\"[^\"]*\"|\\d+)")
                .matcher(received.substring(received.indexOf("\"method\":\"ping\"")));
        return id.find() ? id.group(1) : fail("no id in " + received);
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
    void aStop_endsTheOpenStreamOfALiveClientCleanly_insteadOfWaitingForIt() throws Exception {
        EmbeddedServer server = start(5);
        RawMcp raw = new RawMcp(server.uri());
        String session = raw.initialize();
        try (EventStream stream = new EventStream(server.uri(), session)) {
            String received = stream.readPing();
            assertThat(raw.post("{\"jsonrpc\":\"2.0\",\"id\":" + pingId(received) + ",\"result\":{}}", session)
                            .status())
                    .isEqualTo(202);

            server.close();

            // Ended by the server as the stop began: the chunked answer's last chunk, not a connection cut when the
            // drain timeout (10 s) ran out.
            assertThat(stream.readToLastChunk()).endsWith("\r\n0\r\n\r\n");
        }
    }
}
