package org.openhumanitec.events.rest.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openhumanitec.events.feign.HumanitecClient;
import org.openhumanitec.events.feign.RetryPolicy;
import org.openhumanitec.events.launcher.EmbeddedServer;
import org.openhumanitec.events.launcher.LaunchOptions;
import org.openhumanitec.events.rest.Http;

/**
 * The gateway in front of a Humanitec whose answers are cut off: {@code 200}, {@code Content-Length: 5000}, 30 bytes
 * of a plausible JSON body, then the connection closes. A cut-off transfer is a network failure after the request
 * left, retried as the retry table says (3 attempts in all for idempotent operations, never for create) and answered
 * 502; a delete whose status arrived has happened, whatever became of its unread body.
 */
class GatewayCutOffBodyTest {

    private static final byte[] CUT_OFF = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 5000\r\nConnection: close\r\n\r\n"
                    + "{\"id\":\"hook-1\",\"url\":\"https://")
            .getBytes(StandardCharsets.US_ASCII);

    private static final AtomicInteger ATTEMPTS = new AtomicInteger();
    private static ServerSocket upstream;
    private static HumanitecClient client;
    private static EmbeddedServer gateway;
    private static Http http;

    @BeforeAll
    static void start() throws IOException {
        upstream = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(GatewayCutOffBodyTest::serveCutOffAnswers, "cut-off-upstream");
        acceptor.setDaemon(true);
        acceptor.start();
        client = HumanitecClient.builder()
                .baseUrl("http://127.0.0.1:" + upstream.getLocalPort())
                .token("server-token-0123")
                .retryPolicy(RetryPolicy.builder()
                        .initialBackoff(Duration.ZERO)
                        .maxBackoff(Duration.ZERO)
                        .build())
                .build();
        RestFace face = new RestFace();
        gateway = face.start(LaunchOptions.parse(face.options(), new String[] {"--port", "0"}, Map.of()), client);
        http = new Http(gateway.uri());
    }

    @AfterAll
    static void stop() throws IOException {
        gateway.close();
        client.close();
        upstream.close();
    }

    /** Answers every request, one per connection, with the cut-off answer. */
    private static void serveCutOffAnswers() {
        while (!upstream.isClosed()) {
            try (Socket connection = upstream.accept()) {
                readRequest(connection.getInputStream());
                ATTEMPTS.incrementAndGet();
                OutputStream out = connection.getOutputStream();
                out.write(CUT_OFF);
                out.flush();
            } catch (IOException e) {
                // Closed, or the gateway went away: the next connection gets the same answer.
            }
        }
    }

    private static void readRequest(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (head.indexOf("\r\n\r\n") < 0) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the request ended early");
            }
            head.append((char) b);
        }
        for (String line : head.toString().split("\r\n")) {
            if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                in.readNBytes(Integer.parseInt(line.substring(15).trim()));
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}: {3} attempt(s), {4}")
    @CsvSource(
            delimiter = '|',
            value = {
                "GET    | /orgs/o/apps/a/webhooks        |                                       | 3 | 502",
                "POST   | /orgs/o/apps/a/webhooks        | {\"id\":\"hook-1\",\"url\":\"https://h.example\"} | 1 | 502",
                "GET    | /orgs/o/apps/a/webhooks/hook-1 |                                       | 3 | 502",
                "PATCH  | /orgs/o/apps/a/webhooks/hook-1 | {\"disabled\":true}                   | 3 | 502",
                "DELETE | /orgs/o/apps/a/webhooks/hook-1 |                                       | 1 | 204",
                "DELETE | /orgs/o/apps/a/jobs            |                                       | 1 | 204",
                "GET    | /orgs/o/events                 |                                       | 3 | 502",
            })
    void aCutOffAnswer_isANetworkFailureRetriedAsTheTableSays(
            String method, String path, String body, int attempts, int status) {
        ATTEMPTS.set(0);

        Http.Answer answer = http.send(method, "/v1" + path, body);

        assertThat(ATTEMPTS).hasValue(attempts);
        assertThat(answer.status()).isEqualTo(status);
        if (status == 502) {
            assertThat(answer.body())
                    .isEqualTo("{\"error\":\"ADAPTER-502\",\"message\":\"Humanitec could not be reached.\"}");
        }
    }
}
