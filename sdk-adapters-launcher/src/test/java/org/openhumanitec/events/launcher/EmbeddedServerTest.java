package org.openhumanitec.events.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EmbeddedServerTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private EmbeddedServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    static final class EchoServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            if (request.getRequestURI().endsWith("/boom")) {
                throw new IllegalStateException("secret internals at com.example.Secret");
            }
            response.setContentType("text/plain");
            response.getWriter().write(request.getRequestURI());
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(server.uri() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servletsSeeEncodedSlashesInTheRawPath() throws Exception {
        server = EmbeddedServer.builder("test")
                .servlet("/v1/*", new EchoServlet(), false)
                .start();

        HttpResponse<String> response = get("/v1/orgs/a%2Fb/apps/%2E%2E%2Fx");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("/v1/orgs/a%2Fb/apps/%2E%2E%2Fx");
        assertThat(response.headers().firstValue("Server")).isEmpty();
    }

    @Test
    void anAnswerBeforeTheBodyIsRead_reachesTheClient_andTheConnectionStaysUsable() throws Exception {
        // The token filter answers 401 without reading the body; a client still sending a large body must get the
        // 401, not a reset, and its next request on the same pooled connection must work.
        server = EmbeddedServer.builder("test")
                .filter("/*", new BearerTokenFilter("t0ken", request -> false))
                .servlet("/v1/*", new EchoServlet(), false)
                .start();
        byte[] large = new byte[4 * 1024 * 1024];
        HttpRequest declared = HttpRequest.newBuilder(URI.create(server.uri() + "/v1/x"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(large))
                .build();
        HttpRequest chunked = HttpRequest.newBuilder(URI.create(server.uri() + "/v1/x"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(large)))
                .build();

        for (int round = 0; round < 3; round++) {
            assertThat(http.send(declared, HttpResponse.BodyHandlers.ofString()).statusCode())
                    .isEqualTo(401);
            assertThat(http.send(chunked, HttpResponse.BodyHandlers.ofString()).statusCode())
                    .isEqualTo(401);
            assertThat(get("/v1/x").statusCode()).isEqualTo(401);
        }
    }

    @Test
    void anAnswerWrittenWithoutALength_toARequestWithoutABody_goesOutWithALength_notChunked() throws Exception {
        // The drain must not commit the answer of a request that has no body: committed early, an answer of
        // unknown length goes out chunked.
        server = EmbeddedServer.builder("test")
                .servlet("/v1/*", new EchoServlet(), false)
                .start();

        HttpResponse<String> response = get("/v1/some/path");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Length")).hasValue("13");
        assertThat(response.headers().firstValue("Transfer-Encoding")).isEmpty();
    }

    @Test
    void errorsAreJsonWithoutInternals() throws Exception {
        server = EmbeddedServer.builder("test")
                .servlet("/v1/*", new EchoServlet(), false)
                .start();

        HttpResponse<String> missing = get("/elsewhere");
        HttpResponse<String> failing = get("/v1/boom");

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(missing.body()).startsWith("{\"error\":\"ADAPTER-404\",\"message\":");
        assertThat(failing.statusCode()).isEqualTo(500);
        assertThat(failing.body())
                .isEqualTo("{\"error\":\"ADAPTER-500\",\"message\":\"Internal Server Error\"}")
                .doesNotContain("Exception", "com.example");
    }

    @Test
    void announcementNamesTheAddressAndEndpoint() {
        server = EmbeddedServer.builder("test")
                .label("Test face", "/v1")
                .servlet("/v1/*", new EchoServlet(), false)
                .start();

        assertThat(server.port()).isPositive();
        assertThat(server.announcement()).isEqualTo("Test face listening on http://127.0.0.1:" + server.port() + "/v1");
    }

    @Test
    void aPortInUseIsAUsageErrorSayingSo() {
        server = EmbeddedServer.builder("first")
                .servlet("/*", new EchoServlet(), false)
                .start();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> EmbeddedServer.builder("second")
                        .port(server.port())
                        .servlet("/*", new EchoServlet(), false)
                        .start())
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("Is the port in use? Port 0 picks a free one.");
    }

    @Test
    void closeLetsRequestsInFlightFinishThenClosesResources() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch resourceClosed = new CountDownLatch(1);
        HttpServlet slow = new HttpServlet() {
            private static final long serialVersionUID = 1L;

            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                entered.countDown();
                try {
                    release.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                response.getWriter().write("done");
            }
        };
        server = EmbeddedServer.builder("test")
                .drainTimeout(Duration.ofSeconds(5))
                .servlet("/*", slow, false)
                .closeOnStop(resourceClosed::countDown)
                .start();
        CompletableFuture<HttpResponse<String>> inFlight = http.sendAsync(
                HttpRequest.newBuilder(URI.create(server.uri() + "/slow")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::close);
        assertThat(resourceClosed.await(200, TimeUnit.MILLISECONDS)).isFalse();
        release.countDown();

        assertThat(inFlight.get(5, TimeUnit.SECONDS).body()).isEqualTo("done");
        stopping.get(5, TimeUnit.SECONDS);
        assertThat(resourceClosed.getCount()).isZero();
        server = null;
    }

    @Test
    void beforeDrain_endsALongLivedRequestAsTheStopBegins_ratherThanAtTheDrainTimeout() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicReference<jakarta.servlet.AsyncContext> stream =
                new java.util.concurrent.atomic.AtomicReference<>();
        HttpServlet events = new HttpServlet() {
            private static final long serialVersionUID = 1L;

            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) {
                jakarta.servlet.AsyncContext async = request.startAsync();
                async.setTimeout(0);
                stream.set(async);
                entered.countDown();
            }
        };
        server = EmbeddedServer.builder("test")
                .drainTimeout(Duration.ofMinutes(1))
                .servlet("/*", events, true)
                .beforeDrain(() -> stream.get().complete())
                .start();
        CompletableFuture<HttpResponse<String>> inFlight = http.sendAsync(
                HttpRequest.newBuilder(URI.create(server.uri() + "/events")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::close);

        // Without the action, the stop would wait the whole drain timeout (a minute) for the open request.
        assertThat(inFlight.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        stopping.get(20, TimeUnit.SECONDS);
        server = null;
    }
}
