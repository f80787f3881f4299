package org.openhumanitec.events.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.UnaryOperator;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.openhumanitec.events.api.model.Trigger;

/** The framework-neutral receiver: every check, in its order, and what reaches the handler. */
class WebhookReceiverTest {

    private static final String HEADER = "X-Hook-Secret";
    private static final String SECRET = "correct-horse-battery-staple";
    private static final String DELIVERY =
            "{\"event\":\"deployment.finished\",\"org_id\":\"my-org\",\"app_id\":\"shop\","
                    + "\"env_id\":\"production\",\"status\":\"succeeded\",\"custom\":{\"n\":1}}";

    private final List<WebhookDelivery> handled = new ArrayList<>();
    // Runs the handler on the calling thread, so the test sees what it was given as soon as receive returns.
    private final WebhookReceiver receiver = WebhookReceiver.builder(handled::add)
            .sharedSecret(HEADER, SECRET)
            .maxBodyBytes(1024)
            .executor(Runnable::run)
            .build();

    private static UnaryOperator<String> headers(String... namesAndValues) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return headers::get;
    }

    private static InputStream body(String body) {
        return new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aValidDelivery_isAnswered202_andHandedOverTyped() {
        WebhookReceiver.Reply reply = receiver.receive(
                headers("x-hook-secret", SECRET, "Content-Type", "application/json; charset=utf-8"), body(DELIVERY));

        assertThat(reply.status()).isEqualTo(202);
        assertThat(reply.body()).isEqualTo("{\"status\":\"accepted\"}");
        assertThat(handled).singleElement().satisfies(delivery -> {
            assertThat(delivery.event()).contains(Trigger.DEPLOYMENT_FINISHED);
            assertThat(delivery.values())
                    .containsExactly(
                            Map.entry("event", "deployment.finished"),
                            Map.entry("org_id", "my-org"),
                            Map.entry("app_id", "shop"),
                            Map.entry("env_id", "production"),
                            Map.entry("status", "succeeded"));
            assertThat(delivery.json().path("custom").path("n").asInt()).isEqualTo(1);
        });
    }

    @Test
    void aWrongSecret_is401_withoutTheSecretInTheAnswer() {
        WebhookReceiver.Reply reply = receiver.receive(
                headers(HEADER, "correct-horse-battery-stapl3", "Content-Type", "application/json"), body(DELIVERY));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.body())
                .isEqualTo("{\"error\":\"WEBHOOK-401\",\"message\":\"The X-Hook-Secret header does not hold the shared"
                        + " secret.\"}")
                .doesNotContain(SECRET)
                .doesNotContain("stapl3");
        assertThat(handled).isEmpty();
    }

    @Test
    void aMissingSecret_is401_beforeTheBodyIsRead() {
        InputStream unread = body(DELIVERY);

        WebhookReceiver.Reply reply = receiver.receive(headers("Content-Type", "application/json"), unread);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.body()).contains("The X-Hook-Secret header is missing");
        assertThat(unread).hasSameContentAs(body(DELIVERY));
        assertThat(handled).isEmpty();
    }

    @Test
    void malformedJson_is400_sayingWhere() {
        WebhookReceiver.Reply reply = receiver.receive(
                headers(HEADER, SECRET, "Content-Type", "application/json"), body("{\"event\": deployment}"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body())
                .contains("the body is not JSON: malformed JSON at line 1, column")
                .doesNotContain("deployment");
        assertThat(handled).isEmpty();
    }

    @Test
    void jsonThatIsNotAnObject_is400() {
        assertThat(receiver.receive(headers(HEADER, SECRET, "Content-Type", "application/json"), body("[1]"))
                        .body())
                .contains("the body must be a JSON object, not array");
        assertThat(receiver.receive(headers(HEADER, SECRET, "Content-Type", "application/json"), body(""))
                        .status())
                .isEqualTo(400);
    }

    @Test
    void aHugeBody_is413_andIsReadNoFurtherThanTheLimit() {
        CountingStream huge = new CountingStream(10 * 1024 * 1024);

        WebhookReceiver.Reply reply =
                receiver.receive(headers(HEADER, SECRET, "Content-Type", "application/json"), huge);

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.body()).contains("larger than 1024 bytes");
        assertThat(huge.read).isEqualTo(1025);
        assertThat(handled).isEmpty();
    }

    @Test
    void aHugeDeclaredLength_is413_withoutReading() {
        CountingStream huge = new CountingStream(10 * 1024 * 1024);

        WebhookReceiver.Reply reply = receiver.receive(
                headers(HEADER, SECRET, "Content-Type", "application/json", "Content-Length", "10485760"), huge);

        assertThat(reply.status()).isEqualTo(413);
        assertThat(huge.read).isZero();
    }

    @Test
    void aBodyThatIsNotJson_is415() {
        assertThat(receiver.receive(headers(HEADER, SECRET, "Content-Type", "text/plain"), body(DELIVERY)))
                .extracting(WebhookReceiver.Reply::status)
                .isEqualTo(415);
        assertThat(receiver.receive(headers(HEADER, SECRET), body(DELIVERY)).body())
                .contains("the request has no Content-Type");
        assertThat(receiver.receive(
                                headers(HEADER, SECRET, "Content-Type", "application/vnd.humanitec+json"),
                                body(DELIVERY))
                        .status())
                .isEqualTo(202);
        assertThat(handled).hasSize(1);
    }

    @Test
    void aFailingHandler_isLogged_withoutTheSecretOrTheBody() {
        List<LogRecord> logged = new ArrayList<>();
        Logger logger = Logger.getLogger(WebhookReceiver.class.getName());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        logger.addHandler(capture);
        try (WebhookReceiver failing = WebhookReceiver.builder(delivery -> {
                    throw new IllegalStateException("boom");
                })
                .sharedSecret(HEADER, SECRET)
                .executor(Runnable::run)
                .build()) {
            assertThat(failing.receive(headers(HEADER, SECRET, "Content-Type", "application/json"), body(DELIVERY))
                            .status())
                    .isEqualTo(202);
            failing.receive(headers(HEADER, "wrong-secret-value!", "Content-Type", "application/json"), body(DELIVERY));
        } finally {
            logger.removeHandler(capture);
        }

        assertThat(logged).singleElement().satisfies(record -> {
            assertThat(record.getMessage())
                    .isEqualTo("The webhook handler failed on a delivery of deployment.finished");
            assertThat(record.getThrown()).hasMessage("boom");
        });
        assertThat(logged.toString()).doesNotContain(SECRET).doesNotContain("production");
    }

    @Test
    void aFullExecutor_is503() {
        WebhookReceiver busy = WebhookReceiver.builder(handled::add)
                .withoutSharedSecret()
                .executor(task -> {
                    throw new RejectedExecutionException("full");
                })
                .build();

        assertThat(busy.receive(headers("Content-Type", "application/json"), body(DELIVERY))
                        .status())
                .isEqualTo(503);
    }

    @Test
    void theOwnExecutor_handsTheDeliveryOverOnItsThread() throws Exception {
        java.util.concurrent.CompletableFuture<String> thread = new java.util.concurrent.CompletableFuture<>();
        try (WebhookReceiver own = WebhookReceiver.builder(
                        delivery -> thread.complete(Thread.currentThread().getName()))
                .withoutSharedSecret()
                .build()) {
            assertThat(own.receive(headers("Content-Type", "application/json"), body(DELIVERY))
                            .status())
                    .isEqualTo(202);
            assertThat(thread.get()).isEqualTo("webhook-receiver");
        }
    }

    @Test
    void theBuilder_requiresASecretDecision_andALongEnoughSecret() {
        assertThatThrownBy(() -> WebhookReceiver.builder(handled::add).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("sharedSecret(header, secret)");
        assertThatThrownBy(() -> WebhookReceiver.builder(handled::add).sharedSecret(HEADER, "short"))
                .hasMessage("secret must be at least 16 characters long");
        assertThatThrownBy(() -> WebhookReceiver.builder(handled::add).sharedSecret(" ", SECRET))
                .hasMessage("header must not be blank");
        assertThatThrownBy(() -> WebhookReceiver.builder(handled::add).maxBodyBytes(0))
                .hasMessageContaining("maxBodyBytes");
    }

    @Test
    void toString_neverShowsTheSecret() {
        assertThat(receiver.toString())
                .isEqualTo("WebhookReceiver[secret=SharedSecret[header=X-Hook-Secret, secret=<redacted>],"
                        + " maxBodyBytes=1024]");
    }

    @Test
    void sharedSecret_matchesOnlyItself() {
        SharedSecret secret = SharedSecret.inHeader(HEADER, SECRET);

        assertThat(secret.matches(SECRET)).isTrue();
        assertThat(secret.matches(SECRET + " ")).isFalse();
        assertThat(secret.matches("")).isFalse();
        assertThat(secret.matches(null)).isFalse();
    }

    @Test
    void delivery_readsSlashSeparatedEvents_customFields_andHidesValuesInToString() {
        WebhookDelivery delivery =
                WebhookDelivery.parse("{\"event\":\"environment/created\",\"who\":\"alice\",\"token\":\"t0p\"}"
                        .getBytes(StandardCharsets.UTF_8));

        assertThat(delivery.event()).contains(Trigger.ENVIRONMENT_CREATED);
        assertThat(delivery.value("who")).contains("alice");
        assertThat(delivery.value("missing")).isEmpty();
        delivery.json().put("who", "mallory");
        assertThat(delivery.value("who")).contains("alice");
        assertThat(delivery.toString())
                .isEqualTo("WebhookDelivery[event=environment.created, fields=[event, who, token]]");
        assertThat(WebhookDelivery.parse("{\"event\":\"x\"}".getBytes(StandardCharsets.UTF_8))
                        .event())
                .isEmpty();
    }

    /** A long body that counts how much of it was read. */
    private static final class CountingStream extends InputStream {
        private final long size;
        private long read;

        CountingStream(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            if (read == size) {
                return -1;
            }
            read++;
            return ' ';
        }
    }
}
