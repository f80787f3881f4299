package org.openhumanitec.events.webhooks.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openhumanitec.events.api.model.CreateWebhookRequest;
import org.openhumanitec.events.api.model.Trigger;
import org.openhumanitec.events.sandbox.Delivery;
import org.openhumanitec.events.sandbox.HumanitecSandbox;
import org.openhumanitec.events.webhooks.WebhookDelivery;
import org.openhumanitec.events.webhooks.WebhookReceiver;

/**
 * The receiver servlet on embedded Jetty on loopback: each answer over real HTTP, and the sandbox delivering to it
 * end to end.
 */
class WebhookReceiverServletTest {

    private static final String HEADER = "X-Hook-Secret";
    private static final String SECRET = "correct-horse-battery-staple";
    private static final String DELIVERY = "{\"event\":\"deployment.finished\",\"env_id\":\"production\"}";

    private static final BlockingQueue<WebhookDelivery> received = new LinkedBlockingQueue<>();
    private static WebhookReceiver receiver;
    private static Server jetty;
    private static URI hook;

    @BeforeAll
    static void start() throws Exception {
        receiver = WebhookReceiver.builder(received::add)
                .sharedSecret(HEADER, SECRET)
                .build();
        jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(new WebhookReceiverServlet(receiver)), "/hooks/humanitec");
        jetty.setHandler(context);
        jetty.start();
        hook = URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/hooks/humanitec");
    }

    @AfterAll
    static void stop() throws Exception {
        jetty.stop();
        receiver.close();
    }

    /** An answer: its status, {@code Content-Type}, {@code Allow} and body. */
    private record Answer(int status, String contentType, String allow, String body) {}

    /** Sends a request with the JDK's HttpURLConnection, and reads the answer whatever its status. */
    private static Answer send(String method, String contentType, String secret, byte[] body) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) hook.toURL().openConnection();
        connection.setRequestMethod(method);
        if (contentType != null) {
            connection.setRequestProperty("Content-Type", contentType);
        }
        if (secret != null) {
            connection.setRequestProperty(HEADER, secret);
        }
        if (body != null) {
            connection.setDoOutput(true);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body);
            } catch (IOException e) {
                // The receiver may answer 413 and close before a huge body is written; its answer is read below.
            }
        }
        int status = connection.getResponseCode();
        try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
            return new Answer(
                    status,
                    connection.getContentType(),
                    connection.getHeaderField("Allow"),
                    in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } finally {
            connection.disconnect();
        }
    }

    private static Answer post(String contentType, String secret, String body) throws IOException {
        return send("POST", contentType, secret, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aValidDelivery_is202_andReachesTheHandler() throws Exception {
        received.clear();
        Answer response = post("application/json", SECRET, DELIVERY);

        assertThat(response.status()).isEqualTo(202);
        assertThat(response.contentType()).startsWith("application/json");
        WebhookDelivery delivery = received.poll(30, TimeUnit.SECONDS);
        assertThat(delivery).isNotNull();
        assertThat(delivery.event()).contains(Trigger.DEPLOYMENT_FINISHED);
        assertThat(delivery.values()).containsEntry("env_id", "production");
    }

    @Test
    void aWrongOrMissingSecret_is401() throws Exception {
        Answer wrong = post("application/json", "not-the-secret-at-all", DELIVERY);
        Answer missing = post("application/json", null, DELIVERY);

        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body()).contains("does not hold the shared secret").doesNotContain(SECRET);
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.body()).contains("The X-Hook-Secret header is missing");
    }

    @Test
    void malformedJson_is400() throws Exception {
        Answer response = post("application/json", SECRET, "{\"event\":");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("the body is not JSON");
    }

    @Test
    void aHugeBody_is413() throws Exception {
        byte[] huge = new byte[WebhookReceiver.DEFAULT_MAX_BODY_BYTES + 1];
        java.util.Arrays.fill(huge, (byte) ' ');

        Answer response = send("POST", "application/json", SECRET, huge);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.body()).contains("larger than 65536 bytes");
    }

    @Test
    void aWrongContentType_is415() throws Exception {
        assertThat(post("text/plain", SECRET, DELIVERY).status()).isEqualTo(415);
    }

    @Test
    void otherMethods_are405_withAllow() throws Exception {
        Answer response = send("GET", null, null, null);

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.allow()).isEqualTo("POST");
        assertThat(response.body()).contains("WEBHOOK-405");
    }

    @Test
    void theSandbox_deliversToTheServlet_endToEnd() throws Exception {
        received.clear();
        HumanitecSandbox sandbox = HumanitecSandbox.builder()
                .deliveryTimeout(Duration.ofSeconds(30))
                .build();
        sandbox.webhooks()
                .create(
                        "my-org",
                        "shop",
                        CreateWebhookRequest.builder()
                                .id("notifier")
                                .url(hook.toString())
                                .headers(Map.of(HEADER, SECRET))
                                .trigger(Trigger.DEPLOYMENT_FINISHED)
                                .build());
        sandbox.webhooks()
                .create(
                        "my-org",
                        "shop",
                        CreateWebhookRequest.builder()
                                .id("impostor")
                                .url(hook.toString())
                                .headers(Map.of(HEADER, "a-guess-at-the-secret"))
                                .trigger(Trigger.DEPLOYMENT_FINISHED)
                                .build());

        List<Delivery> deliveries = sandbox.fire(
                "my-org", "shop", Trigger.DEPLOYMENT_FINISHED, Map.of("env_id", "production", "status", "succeeded"));

        assertThat(deliveries)
                .extracting(Delivery::jobId, Delivery::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("notifier", OptionalInt.of(202)),
                        org.assertj.core.groups.Tuple.tuple("impostor", OptionalInt.of(401)));
        WebhookDelivery delivery = received.poll(30, TimeUnit.SECONDS);
        assertThat(delivery).isNotNull();
        assertThat(delivery.event()).contains(Trigger.DEPLOYMENT_FINISHED);
        assertThat(delivery.values())
                .containsEntry("org_id", "my-org")
                .containsEntry("app_id", "shop")
                .containsEntry("env_id", "production")
                .containsEntry("triggered_by", "sandbox");
        assertThat(received).isEmpty();
    }
}
