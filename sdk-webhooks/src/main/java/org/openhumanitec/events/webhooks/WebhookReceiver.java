package org.openhumanitec.events.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Takes webhook deliveries from any HTTP framework: hand it a POST's headers and body, send back the
 * {@link Reply} it gives. It checks, in this order, and answers the first failure:
 *
 * <ol>
 *   <li>the shared-secret header, in constant time: 401 when it is missing or wrong;
 *   <li>the {@code Content-Type}, which must be JSON ({@code application/json} or {@code application/*+json}): 415;
 *   <li>the body's size, at most {@link Builder#maxBodyBytes(int)}: 413, read no further than the limit;
 *   <li>the body, which must be a JSON object: 400 naming where it goes wrong.
 * </ol>
 *
 * <p>A valid delivery is answered 202 at once and handed to your handler on the receiver's executor, so a slow
 * handler never makes the sender wait. Failures of the handler are logged (by {@link System.Logger}, with the
 * event only), never answered. Nothing the receiver logs or answers holds the secret or the body.
 *
 * <pre>{@code
 * WebhookReceiver receiver = WebhookReceiver.builder(delivery -> System.out.println(delivery.event()))
 *         .sharedSecret("X-Hook-Secret", System.getenv("HOOK_SECRET"))
 *         .build();
 * WebhookReceiver.Reply reply = receiver.receive(request::header, request.body());
 * }</pre>
 *
 * <p>Close the receiver to stop its own executor once the deliveries in its queue have been handled; an executor you
 * gave it is yours to stop.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** The largest body accepted by default: {@value} bytes (64 KiB); a webhook payload is a small object. */
    public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;

    /** The most {@link Builder#maxBodyBytes(int)} may be set to: {@value} bytes (16 MiB). */
    public static final int MAX_BODY_BYTES_CEILING = 16 * 1024 * 1024;

    /** How many deliveries the receiver's own executor queues before it answers 503: {@value}. */
    public static final int QUEUE_CAPACITY = 1000;

    private static final System.Logger LOG = System.getLogger(WebhookReceiver.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Reply ACCEPTED = reply(202, Map.of("status", "accepted"));

    private final Consumer<WebhookDelivery> handler;
    private final SharedSecret secret;
    private final int maxBodyBytes;
    private final Executor executor;
    private final ExecutorService ownExecutor;

    private WebhookReceiver(Builder builder) {
        this.handler = builder.handler;
        this.secret = builder.secret;
        this.maxBodyBytes = builder.maxBodyBytes;
        if (builder.executor != null) {
            this.executor = builder.executor;
            this.ownExecutor = null;
        } else {
            this.ownExecutor = new ThreadPoolExecutor(
                    1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUE_CAPACITY), runnable -> {
                        Thread thread = new Thread(runnable, "webhook-receiver");
                        thread.setDaemon(true);
                        return thread;
                    });
            this.executor = ownExecutor;
        }
    }

    /**
     * A builder for a receiver that hands each valid delivery to {@code handler}.
     *
     * @param handler your code; it runs on the receiver's executor, after the sender has its answer
     * @return a builder; set a shared secret, or say that there is none
     */
    public static Builder builder(Consumer<WebhookDelivery> handler) {
        return new Builder(Objects.requireNonNull(handler, "handler must not be null"));
    }

    /**
     * Takes one POSTed delivery.
     *
     * @param headers the request's header of a name, or null when it has none; names are matched as given, so pass
     *     a lookup that ignores case (as servlet containers' and most frameworks' do)
     * @param body the request body; read up to one byte past the limit, not closed
     * @return what to answer: its status, and a small JSON body to send as {@code application/json}
     */
    public Reply receive(UnaryOperator<String> headers, InputStream body) {
        Objects.requireNonNull(headers, "headers must not be null");
        Objects.requireNonNull(body, "body must not be null");
        if (secret != null) {
            String presented = headers.apply(secret.header());
            if (presented == null) {
                return error(401, "The " + secret.header() + " header is missing: send the webhook's shared secret.");
            }
            if (!secret.matches(presented)) {
                return error(401, "The " + secret.header() + " header does not hold the shared secret.");
            }
        }
        String contentType = headers.apply("Content-Type");
        if (!isJson(contentType)) {
            return error(
                    415,
                    "The body must be JSON, sent as Content-Type: application/json"
                            + (contentType == null ? "; the request has no Content-Type." : "."));
        }
        String declaredLength = headers.apply("Content-Length");
        if (declaredLength != null && exceedsLimit(declaredLength)) {
            return tooLarge();
        }
        byte[] bytes;
        try {
            bytes = body.readNBytes(maxBodyBytes + 1);
        } catch (IOException e) {
            return error(400, "The body could not be read.");
        }
        if (bytes.length > maxBodyBytes) {
            return tooLarge();
        }
        WebhookDelivery delivery;
        try {
            delivery = WebhookDelivery.parse(bytes);
        } catch (InvalidDeliveryException e) {
            return error(400, e.getMessage() + ".");
        }
        try {
            executor.execute(() -> handle(delivery));
        } catch (RejectedExecutionException e) {
            return error(503, "The receiver is busy or shutting down; the delivery was not taken.");
        }
        return ACCEPTED;
    }

    /** Stops the receiver's own executor after the deliveries it holds; an executor given to the builder stays. */
    @Override
    public void close() {
        if (ownExecutor != null) {
            ownExecutor.shutdown();
        }
    }

    /** Shows the settings, never the secret. */
    @Override
    public String toString() {
        return "WebhookReceiver[secret=" + (secret == null ? "none" : secret) + ", maxBodyBytes=" + maxBodyBytes + "]";
    }

    private void handle(WebhookDelivery delivery) {
        try {
            handler.accept(delivery);
        } catch (RuntimeException e) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "The webhook handler failed on a delivery of "
                            + delivery.event().map(Object::toString).orElse("an unnamed event"),
                    e);
        }
    }

    private boolean exceedsLimit(String declaredLength) {
        try {
            return Long.parseLong(declaredLength.trim()) > maxBodyBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private Reply tooLarge() {
        return error(413, "The body is larger than " + maxBodyBytes + " bytes.");
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int parameters = contentType.indexOf(';');
        String mediaType = (parameters < 0 ? contentType : contentType.substring(0, parameters))
                .trim()
                .toLowerCase(Locale.ROOT);
        return mediaType.equals("application/json")
                || (mediaType.startsWith("application/") && mediaType.endsWith("+json"));
    }

    private static Reply error(int status, String message) {
        return reply(status, Map.of("error", "WEBHOOK-" + status, "message", message));
    }

    private static Reply reply(int status, Map<String, String> fields) {
        ObjectNode body = JSON.createObjectNode();
        fields.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(field -> body.put(field.getKey(), field.getValue()));
        try {
            return new Reply(status, JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON object of strings could not be written", e);
        }
    }

    /**
     * What to answer the sender.
     *
     * @param status the HTTP status: 202, or 400, 401, 413, 415, 503
     * @param body a small JSON object: {@code {"status":"accepted"}}, or {@code {"error","message"}}
     */
    public record Reply(int status, String body) {

        /** The media type of every {@link #body()}: {@value}. */
        public static final String CONTENT_TYPE = "application/json";

        /**
         * Checks the body.
         *
         * @param status the status
         * @param body the JSON body
         */
        public Reply {
            Objects.requireNonNull(body, "body must not be null");
        }

        /**
         * The body as UTF-8 bytes, to write to the response.
         *
         * @return a new array
         */
        public byte[] bodyBytes() {
            return body.getBytes(StandardCharsets.UTF_8);
        }
    }

    /** Builds a {@link WebhookReceiver}. */
    public static final class Builder {
        private final Consumer<WebhookDelivery> handler;
        private SharedSecret secret;
        private boolean secretDecided;
        private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
        private Executor executor;

        private Builder(Consumer<WebhookDelivery> handler) {
            this.handler = handler;
        }

        /**
         * Requires every delivery to carry a secret in a header, as you set it in the webhook's {@code headers}.
         *
         * @param header the header's name
         * @param secret the header's value, at least 16 characters
         * @return this builder
         * @throws IllegalArgumentException if the header is blank or the secret too short
         */
        public Builder sharedSecret(String header, String secret) {
            this.secret = SharedSecret.inHeader(header, secret);
            this.secretDecided = true;
            return this;
        }

        /**
         * Takes deliveries from anyone who can reach the receiver, for a receiver that only loopback or a
         * private network can reach. Without this, {@link #build()} requires a {@link #sharedSecret}.
         *
         * @return this builder
         */
        public Builder withoutSharedSecret() {
            this.secret = null;
            this.secretDecided = true;
            return this;
        }

        /**
         * Sets the largest body accepted; a larger one is answered 413 without being read further.
         *
         * @param maxBodyBytes from 1 to {@link #MAX_BODY_BYTES_CEILING}; the default is
         *     {@link #DEFAULT_MAX_BODY_BYTES}
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder maxBodyBytes(int maxBodyBytes) {
            if (maxBodyBytes < 1 || maxBodyBytes > MAX_BODY_BYTES_CEILING) {
                throw new IllegalArgumentException(
                        "maxBodyBytes must be from 1 to " + MAX_BODY_BYTES_CEILING + ", not " + maxBodyBytes);
            }
            this.maxBodyBytes = maxBodyBytes;
            return this;
        }

        /**
         * Runs the handler on your executor instead of the receiver's own single thread (which queues up to
         * {@link #QUEUE_CAPACITY} deliveries). A rejected delivery is answered 503.
         *
         * @param executor the executor; the receiver never shuts it down
         * @return this builder
         */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor must not be null");
            return this;
        }

        /**
         * Builds the receiver.
         *
         * @return the receiver
         * @throws IllegalStateException if neither {@link #sharedSecret} nor {@link #withoutSharedSecret()} was
         *     called
         */
        public WebhookReceiver build() {
            if (!secretDecided) {
                throw new IllegalStateException("Set sharedSecret(header, secret), as in the webhook's headers, or"
                        + " call withoutSharedSecret() for a receiver only trusted callers can reach.");
            }
            return new WebhookReceiver(this);
        }
    }
}
