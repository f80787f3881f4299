package org.openhumanitec.events.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.openhumanitec.events.api.EventsApi;
import org.openhumanitec.events.api.HumanitecEventApi;
import org.openhumanitec.events.api.JobsApi;
import org.openhumanitec.events.api.PathIds;
import org.openhumanitec.events.api.WebhooksApi;
import org.openhumanitec.events.api.model.Trigger;
import org.openhumanitec.events.api.model.Webhook;

/**
 * The Humanitec sandbox: a thread-safe, in-memory {@link HumanitecEventApi} that behaves like Humanitec, for local
 * runs and for tests of code that uses the API.
 *
 * <ul>
 *   <li>Any organization and app id is accepted (no account, no token); nothing is persisted.
 *   <li>A webhook id is unique within its organization, across all its apps: creating a taken id throws
 *       {@link org.openhumanitec.events.api.errors.ConflictException} (409); of concurrent creates of one id,
 *       exactly one wins.
 *   <li>Create and update validate their fields and throw
 *       {@link org.openhumanitec.events.api.errors.BadRequestException} (400) naming the first invalid field, in the
 *       order id, url, triggers; unknown webhooks throw {@link org.openhumanitec.events.api.errors.NotFoundException}
 *       (404). Errors carry Humanitec's error body, with codes {@code HUM-400}, {@code HUM-404} and
 *       {@code HUM-409}.
 *   <li>Lists are unmodifiable; an app's webhooks are listed in creation order.
 * </ul>
 *
 * <p>It can also fire events: {@link #fire} POSTs an event to every enabled webhook of an app whose triggers match,
 * with the webhook's headers and its payload template filled in, and {@link #deliveries} tells what became of
 * each delivery. Plain {@code http://} URLs are accepted for loopback hosts only, for local receivers.
 *
 * <p>The full rules are in {@code docs/sandbox.md}. For tests that assert on {@code created_at} or
 * {@code created_by}, fix both:
 *
 * <pre>{@code
 * HumanitecSandbox sandbox = HumanitecSandbox.builder()
 *         .clock(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC))
 *         .createdBy("ci-bot")
 *         .build();
 * }</pre>
 */
public final class HumanitecSandbox implements HumanitecEventApi {

    /** How long a delivery may take unless {@link Builder#deliveryTimeout} says otherwise: 10 seconds. */
    public static final Duration DEFAULT_DELIVERY_TIMEOUT = Duration.ofSeconds(10);

    /** The longest delivery timeout the builder accepts: 5 minutes. */
    public static final Duration MAX_DELIVERY_TIMEOUT = Duration.ofMinutes(5);

    private final WebhookStore store = new WebhookStore();
    private final WebhooksApi webhooks;
    private final JobsApi jobs;
    private final EventsApi events;
    private final DeliveryLog deliveryLog = new DeliveryLog();
    private final Clock clock;
    private final String createdBy;
    private final Duration deliveryTimeout;
    private WebhookDispatcher dispatcher;

    private HumanitecSandbox(Builder builder) {
        this.clock = builder.clock;
        this.createdBy = builder.createdBy;
        this.deliveryTimeout = builder.deliveryTimeout;
        this.webhooks = new SandboxWebhooks(store, builder.clock, builder.createdBy);
        this.jobs = (orgId, appId) -> store.removeApp(PathIds.require(orgId, "orgId"), PathIds.require(appId, "appId"));
        this.events = orgId -> {
            PathIds.require(orgId, "orgId");
            return EventCatalog.EVENTS;
        };
    }

    /**
     * An empty sandbox on the system clock, whose webhooks are created by {@code sandbox}.
     *
     * @return the sandbox
     */
    public static HumanitecSandbox create() {
        return builder().build();
    }

    /**
     * A builder, to fix the clock and the creator for deterministic tests.
     *
     * @return a builder with the defaults of {@link #create()}
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public WebhooksApi webhooks() {
        return webhooks;
    }

    @Override
    public JobsApi jobs() {
        return jobs;
    }

    @Override
    public EventsApi events() {
        return events;
    }

    /**
     * Fires an event and waits for its deliveries: for each enabled webhook of the app whose triggers hold the event
     * (a webhook without triggers takes every event), one POST to its URL with its headers, {@code Content-Type:
     * application/json} unless they set it, and its payload template (or Humanitec's default payload when it has
     * none) with every {@code ${name}} replaced by the event's value of that name. Waits at most the delivery
     * timeout; a receiver that is slow, down or failing does not fail the firing, its {@link Delivery} says so.
     *
     * @param orgId the organization
     * @param appId the application
     * @param event the event, such as {@link Trigger#DEPLOYMENT_FINISHED}
     * @param values placeholder values, such as {@code env_id} or {@code status}; {@code event}, {@code org_id},
     *     {@code app_id}, {@code triggered_at} and {@code triggered_by} are filled in unless given, and the other
     *     placeholders list-events names for the event are empty unless given
     * @return one delivery per webhook called, in the app's webhook order; empty when no webhook matched
     * @throws NullPointerException if an argument, a value or a name is null
     * @throws IllegalArgumentException if a path id is blank, {@code "."} or {@code ".."}
     */
    public List<Delivery> fire(String orgId, String appId, Trigger event, Map<String, String> values) {
        return fireAsync(orgId, appId, event, values).join();
    }

    /**
     * Fires an event without waiting: as {@link #fire}, but the deliveries are made in the background and the
     * future completes, never exceptionally, when each has its outcome, at most the delivery timeout later.
     *
     * @param orgId the organization
     * @param appId the application
     * @param event the event
     * @param values placeholder values, as for {@link #fire}
     * @return the deliveries, when all are done
     * @throws NullPointerException if an argument, a value or a name is null
     * @throws IllegalArgumentException if a path id is blank, {@code "."} or {@code ".."}
     */
    public CompletableFuture<List<Delivery>> fireAsync(
            String orgId, String appId, Trigger event, Map<String, String> values) {
        List<Webhook> appWebhooks = webhooks.list(orgId, appId);
        Objects.requireNonNull(event, "event must not be null");
        Map<String, String> filled =
                EventValues.of(orgId, appId, event, clock.instant(), createdBy, EventValues.checked(values));
        List<Webhook> called = appWebhooks.stream()
                .filter(webhook -> !webhook.isDisabled())
                .filter(webhook ->
                        webhook.triggers().isEmpty() || webhook.triggers().contains(event))
                .toList();
        if (called.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        return dispatcher().dispatch(orgId, appId, event, called, filled);
    }

    /**
     * The last deliveries to a webhook, oldest first: up to 20, kept until {@link #reset()}, across deletes and
     * re-creates of the same id.
     *
     * @param orgId the organization
     * @param appId the application
     * @param jobId the webhook's id
     * @return the deliveries, unmodifiable; empty when none was made
     * @throws org.openhumanitec.events.api.errors.NotFoundException if the app has no webhook with this id
     */
    public List<Delivery> deliveries(String orgId, String appId, String jobId) {
        webhooks.get(orgId, appId, jobId);
        return deliveryLog.of(orgId, appId, jobId);
    }

    /**
     * Removes every webhook of every organization and every delivery record, so that one sandbox can serve many
     * tests. Operations running at the same time may act as if they had happened just before the reset.
     */
    public void reset() {
        store.clear();
        deliveryLog.clear();
    }

    /** The dispatcher, made on the first firing: its HTTP client starts a thread, which most sandboxes never need. */
    private synchronized WebhookDispatcher dispatcher() {
        if (dispatcher == null) {
            dispatcher = new WebhookDispatcher(deliveryTimeout, clock, deliveryLog);
        }
        return dispatcher;
    }

    /** Builds a {@link HumanitecSandbox}. */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private String createdBy = "sandbox";
        private Duration deliveryTimeout = DEFAULT_DELIVERY_TIMEOUT;

        private Builder() {}

        /**
         * Sets how long a delivery may take, from the start of its request to the end of the receiver's answer;
         * a delivery that takes longer is recorded as {@link Delivery.Outcome#TIMED_OUT}.
         *
         * @param deliveryTimeout the timeout, from 1 ms to 5 minutes; the default is 10 seconds
         * @return this builder
         * @throws NullPointerException if {@code deliveryTimeout} is null
         * @throws IllegalArgumentException if it is out of range
         */
        public Builder deliveryTimeout(Duration deliveryTimeout) {
            Objects.requireNonNull(deliveryTimeout, "deliveryTimeout must not be null");
            if (deliveryTimeout.compareTo(Duration.ofMillis(1)) < 0
                    || deliveryTimeout.compareTo(MAX_DELIVERY_TIMEOUT) > 0) {
                throw new IllegalArgumentException(
                        "deliveryTimeout must be from 1 ms to " + MAX_DELIVERY_TIMEOUT + ", not " + deliveryTimeout);
            }
            this.deliveryTimeout = deliveryTimeout;
            return this;
        }

        /**
         * Sets the clock that stamps {@code created_at}, which keeps milliseconds, as Humanitec's format does.
         *
         * @param clock the clock; the default is {@link Clock#systemUTC()}
         * @return this builder
         * @throws NullPointerException if {@code clock} is null
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock must not be null");
            return this;
        }

        /**
         * Sets the {@code created_by} of every webhook created, where Humanitec puts the id of the caller.
         *
         * @param createdBy the creator; the default is {@code sandbox}
         * @return this builder
         * @throws NullPointerException if {@code createdBy} is null
         * @throws IllegalArgumentException if {@code createdBy} is blank
         */
        public Builder createdBy(String createdBy) {
            if (Objects.requireNonNull(createdBy, "createdBy must not be null").isBlank()) {
                throw new IllegalArgumentException("createdBy must not be blank");
            }
            this.createdBy = createdBy;
            return this;
        }

        /**
         * Builds an empty sandbox.
         *
         * @return the sandbox
         */
        public HumanitecSandbox build() {
            return new HumanitecSandbox(this);
        }
    }
}
