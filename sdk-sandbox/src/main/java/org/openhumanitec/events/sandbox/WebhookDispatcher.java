package org.openhumanitec.events.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.openhumanitec.events.api.model.Trigger;
import org.openhumanitec.events.api.model.Webhook;
import org.openhumanitec.events.jackson.HumanitecJson;

/**
 * Sends an event to webhooks: one POST per webhook with its headers and its filled payload, through the JDK's
 * {@link HttpClient}, bounded by one timeout from the start of the request to the end of the answer. Every attempt
 * ends in a {@link Delivery}, never in an exception, and none is retried: Humanitec documents no retries.
 */
final class WebhookDispatcher {

    private static final ObjectWriter JSON = HumanitecJson.newMapper().writer();

    private final HttpClient http;
    private final Duration timeout;
    private final Clock clock;
    private final DeliveryLog log;

    WebhookDispatcher(Duration timeout, Clock clock, DeliveryLog log) {
        this.timeout = timeout;
        this.clock = clock;
        this.log = log;
        // HTTP/1.1: no h2c upgrade attempt on plain HTTP. No redirects: a webhook is delivered to its URL only.
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(timeout)
                .build();
    }

    /** Delivers the event to each webhook at once; the future completes when every delivery has its outcome. */
    CompletableFuture<List<Delivery>> dispatch(
            String orgId, String appId, Trigger event, List<Webhook> webhooks, Map<String, String> values) {
        @SuppressWarnings("unchecked")
        CompletableFuture<Delivery>[] deliveries = webhooks.stream()
                .map(webhook -> deliver(webhook, event, values).thenApply(delivery -> {
                    log.record(orgId, appId, delivery);
                    return delivery;
                }))
                .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(deliveries)
                .thenApply(done ->
                        Arrays.stream(deliveries).map(CompletableFuture::join).toList());
    }

    private CompletableFuture<Delivery> deliver(Webhook webhook, Trigger event, Map<String, String> values) {
        Instant startedAt = clock.instant();
        long start = System.nanoTime();
        HttpRequest request;
        try {
            request = request(webhook, values);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(new Delivery(
                    webhook.id(),
                    event,
                    startedAt,
                    Duration.ofNanos(System.nanoTime() - start),
                    Delivery.Outcome.FAILED,
                    OptionalInt.empty(),
                    Optional.of(e.getMessage())));
        }
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS)
                .handle((response, failure) -> {
                    Duration duration = Duration.ofNanos(System.nanoTime() - start);
                    if (failure == null) {
                        int status = response.statusCode();
                        boolean delivered = status >= 200 && status < 300;
                        return new Delivery(
                                webhook.id(),
                                event,
                                startedAt,
                                duration,
                                delivered ? Delivery.Outcome.DELIVERED : Delivery.Outcome.REJECTED,
                                OptionalInt.of(status),
                                delivered ? Optional.empty() : Optional.of("the receiver answered " + status));
                    }
                    Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
                    boolean timedOut = cause instanceof HttpTimeoutException || cause instanceof TimeoutException;
                    return new Delivery(
                            webhook.id(),
                            event,
                            startedAt,
                            duration,
                            timedOut ? Delivery.Outcome.TIMED_OUT : Delivery.Outcome.FAILED,
                            OptionalInt.empty(),
                            Optional.of(describe(cause)));
                });
    }

    private HttpRequest request(Webhook webhook, Map<String, String> values) {
        if (webhook.url() == null) {
            throw new IllegalArgumentException("the webhook has no url");
        }
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(PayloadTemplate.fill(webhook.payload(), values));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a payload of JSON values could not be written", e);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(target(webhook.url()))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        webhook.headers().forEach((name, value) -> {
            String text = headerValue(name, value);
            try {
                request.setHeader(name, text);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "header '" + name + "' cannot be sent: HTTP or the JDK's client does not allow this name or"
                                + " the characters of its value",
                        e);
            }
        });
        return request.build();
    }

    private static URI target(String url) {
        try {
            return URI.create(url);
        } catch (IllegalArgumentException e) {
            // Not e's message: URI's quotes the URL, which may carry a secret.
            throw new IllegalArgumentException("the webhook's url is not a URL the sandbox can call", e);
        }
    }

    /** A header's JSON value as text; an object or array has no header form. Never quotes the value. */
    private static String headerValue(String name, Object value) {
        if (value instanceof Map || value instanceof List) {
            throw new IllegalArgumentException("header '" + name + "' is not a string, number or boolean");
        }
        return value == null ? "" : value.toString();
    }

    /** Why an attempt failed, from the exception's type: the JDK's messages may name the host and port. */
    private String describe(Throwable cause) {
        if (cause instanceof HttpTimeoutException || cause instanceof TimeoutException) {
            return "no answer within " + timeout.toMillis() + " ms";
        }
        if (cause instanceof ConnectException) {
            return "connection refused or unreachable";
        }
        return "the request failed: " + cause.getClass().getSimpleName();
    }
}
