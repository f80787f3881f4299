package org.openhumanitec.events.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What the embedded server refuses on its own, over raw loopback sockets: methods a face does not serve, requests
 * Jetty's HTTP layer cannot take, clients too slow to send a request, and connections beyond the limit. Every
 * refusal carries the documented headers and an {@code ADAPTER-<status>} body.
 */
class HardeningTest {

    private static final String TOKEN = "t0ken-secret-1234";

    private EmbeddedServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** Answers GET with the path, POST with the length of the body it read. */
    static final class BodyReadingServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setContentType("text/plain");
            response.getWriter().write(request.getRequestURI());
        }

        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
            int length = request.getInputStream().readAllBytes().length;
            response.setContentType("text/plain");
            response.getWriter().write(Integer.toString(length));
        }
    }

    private EmbeddedServer.Builder builder() {
        return EmbeddedServer.builder("test").servlet("/v1/*", new BodyReadingServlet(), false);
    }

    /** Sends bytes as they are and reads the whole answer; the server closes the connection after it. */
    private String exchange(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private static String header(String answer, String name) {
        for (String line : answer.substring(0, answer.indexOf("\r\n\r\n")).split("\r\n")) {
            if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                return line.substring(name.length() + 1).strip();
            }
        }
        return null;
    }

    private static String body(String answer) {
        return answer.substring(answer.indexOf("\r\n\r\n") + 4);
    }

    private static void assertDocumentedRefusal(String answer, int status) {
        assertThat(answer).startsWith("HTTP/1.1 " + status + " ");
        assertThat(header(answer, "Cache-Control")).isEqualTo("no-store");
        assertThat(header(answer, "X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(header(answer, "Content-Type")).startsWith("application/json");
        assertThat(body(answer)).startsWith("{\"error\":\"ADAPTER-" + status + "\",\"message\":\"");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "TRACE, /v1/x",
        "TRACE, /elsewhere",
        "TRACE, /v1/orgs/o/events",
        "PUT, /v1/x",
        "PROPFIND, /v1/x",
        "HEAD, /v1/x",
        "OPTIONS, /v1/x"
    })
    void aMethodTheFaceDoesNotServe_is405WithAllow_onEveryPath_withOrWithoutTheToken(String method, String path)
            throws IOException {
        server = builder()
                .filter("/*", new BearerTokenFilter(TOKEN, request -> false))
                .start();

        for (String authorization : new String[] {"", "Authorization: Bearer " + TOKEN + "\r\n"}) {
            String answer = exchange(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + authorization
                    + "Cookie: session=cookie-secret\r\nConnection: close\r\n\r\n");

            assertThat(answer).startsWith("HTTP/1.1 405 ").doesNotContain(TOKEN, "cookie-secret", "message/http");
            assertThat(header(answer, "Allow")).isEqualTo("GET, POST, PATCH, DELETE");
            assertThat(header(answer, "Cache-Control")).isEqualTo("no-store");
            assertThat(header(answer, "X-Content-Type-Options")).isEqualTo("nosniff");
            if (!method.equals("HEAD")) {
                assertThat(body(answer)).startsWith("{\"error\":\"ADAPTER-405\",\"message\":\"");
            }
        }
    }

    @Test
    void theMethodsAFaceNames_areTheOnesItServes() throws IOException {
        server = builder().methods("GET").start();

        String get = exchange("GET /v1/x HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        String post =
                exchange("POST /v1/x HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");

        assertThat(get).startsWith("HTTP/1.1 200 ");
        assertDocumentedRefusal(post, 405);
        assertThat(header(post, "Allow")).isEqualTo("GET");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "a header line without a colon | 400 | GET /v1/x HTTP/1.1\\r\\nHost: 127.0.0.1\\r\\nNo colon\\r\\n\\r\\n",
                "an HTTP/2 preface             | 426 | PRI * HTTP/2.0\\r\\n\\r\\nSM\\r\\n\\r\\n",
                "HTTP/3.0                      | 505 | GET /v1/x HTTP/3.0\\r\\nHost: 127.0.0.1\\r\\n\\r\\n",
                "a request line of garbage     | 400 | G\\u0001T /v1/x HTTP/1.1\\r\\nHost: 127.0.0.1\\r\\n\\r\\n"
            })
    void rejectionsOfJettysHttpLayer_carryTheDocumentedHeadersAndAnErrorBody(String what, int status, String request)
            throws IOException {
        server = builder().start();

        assertDocumentedRefusal(exchange(request.replace("\\r\\n", "\r\n").replace("\\u0001", "\u0001")), status);
    }

    @Test
    void aUriOrHeadersTooLarge_carryTheDocumentedHeadersAndAnErrorBody() throws IOException {
        server = builder().start();

        String longUri = exchange("GET /v1/" + "a".repeat(9000) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        String longHeader =
                exchange("GET /v1/x HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + "b".repeat(9000) + "\r\n\r\n");

        assertDocumentedRefusal(longUri, 414);
        assertDocumentedRefusal(longHeader, 431);
    }

    @Test
    void theTokenChecks401_carriesTheDocumentedHeaders() throws IOException {
        server = builder()
                .filter("/*", new BearerTokenFilter(TOKEN, request -> false))
                .start();

        String answer = exchange("GET /v1/x HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");

        assertDocumentedRefusal(answer, 401);
    }

    /**
     * Sends a request's start, then one more piece every 100 ms: whether the server stops waiting (closes the
     * connection, or answers and closes it) before 5 seconds have passed.
     */
    private boolean stopsWaitingWhileTrickling(String start, String line) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(100);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(start.getBytes(StandardCharsets.ISO_8859_1));
            for (int sent = 0; sent < 50; sent++) {
                try {
                    out.write(line.getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    in.read(); // an answer or the end of the stream: the server stopped waiting
                    return true;
                } catch (SocketTimeoutException stillOpen) {
                    // nothing to read yet: the server still waits for the rest of the request
                } catch (IOException reset) {
                    return true;
                }
            }
            return false;
        }
    }

    @Test
    void aClientSendingItsHeadersTooSlowly_isDisconnected() throws IOException {
        server = builder()
                .connectionLimits(new ConnectionLimits(Duration.ofMillis(500), 16))
                .start();

        assertThat(stopsWaitingWhileTrickling("GET /v1/x HTTP/1.1\r\nHost: 127.0.0.1\r\n", "X-More: 1\r\n"))
                .isTrue();
    }

    @Test
    void aClientSendingItsBodyTooSlowly_isDisconnected() throws IOException {
        server = builder()
                .connectionLimits(new ConnectionLimits(Duration.ofMillis(500), 16))
                .start();

        assertThat(stopsWaitingWhileTrickling(
                        "POST /v1/x HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1000\r\n\r\n", "x"))
                .isTrue();
    }

    @Test
    void aConnectionKeptAlive_servesRequestAfterRequest() throws IOException {
        server = builder()
                .connectionLimits(new ConnectionLimits(Duration.ofSeconds(5), 16))
                .start();
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5_000);
            for (int i = 0; i < 3; i++) {
                socket.getOutputStream()
                        .write(("POST /v1/x HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 3\r\n\r\nabc")
                                .getBytes(StandardCharsets.ISO_8859_1));
                byte[] answer = new byte[4096];
                int read = socket.getInputStream().read(answer);
                assertThat(new String(answer, 0, read, StandardCharsets.ISO_8859_1))
                        .startsWith("HTTP/1.1 200 ")
                        .endsWith("\r\n\r\n3");
            }
        }
    }

    @Test
    void connectionsBeyondTheLimit_waitUntilOneCloses() throws IOException {
        server = builder()
                .connectionLimits(new ConnectionLimits(Duration.ofSeconds(30), 1))
                .start();
        byte[] get = "GET /v1/x HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
                .getBytes(StandardCharsets.ISO_8859_1);

        Socket first = new Socket("127.0.0.1", server.port());
        try (Socket second = new Socket("127.0.0.1", server.port())) {
            first.setSoTimeout(5_000);
            first.getOutputStream()
                    .write("GET /v1/x HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            assertThat(first.getInputStream().read()).isEqualTo('H'); // the first is accepted and served
            second.setSoTimeout(500);
            second.getOutputStream().write(get);
            boolean servedWhileTheFirstIsOpen;
            try {
                servedWhileTheFirstIsOpen = second.getInputStream().read() >= 0;
            } catch (SocketTimeoutException waiting) {
                servedWhileTheFirstIsOpen = false;
            }
            first.close();
            second.setSoTimeout(5_000);

            assertThat(servedWhileTheFirstIsOpen).isFalse();
            assertThat(new String(second.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1))
                    .startsWith("HTTP/1.1 200 ");
        } finally {
            first.close();
        }
    }
}
