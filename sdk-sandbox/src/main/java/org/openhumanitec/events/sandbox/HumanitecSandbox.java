package org.openhumanitec.events.sandbox;

import java.time.Clock;
import java.util.Objects;
import org.openhumanitec.events.api.EventsApi;
import org.openhumanitec.events.api.HumanitecEventApi;
import org.openhumanitec.events.api.JobsApi;
import org.openhumanitec.events.api.PathIds;
import org.openhumanitec.events.api.WebhooksApi;

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

    private final WebhookStore store = new WebhookStore();
    private final WebhooksApi webhooks;
    private final JobsApi jobs;
    private final EventsApi events;

    private HumanitecSandbox(Builder builder) {
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
     * Removes every webhook of every organization, so that one sandbox can serve many tests. Operations running
     * at the same time may act as if they had happened just before the reset.
     */
    public void reset() {
        store.clear();
    }

    /** Builds a {@link HumanitecSandbox}. */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private String createdBy = "sandbox";

        private Builder() {}

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
