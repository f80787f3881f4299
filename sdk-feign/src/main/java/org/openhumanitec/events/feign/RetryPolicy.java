package org.openhumanitec.events.feign;

import java.time.Duration;
import java.util.Objects;

/**
 * When and how often a call is retried. Immutable; build one with {@link #builder()}, or take
 * {@link #defaults()} or {@link #none()}.
 *
 * <p>What is retried is fixed by the client, not by the policy: connection failures and the statuses 408, 429,
 * 500, 502, 503 and 504, and for create-webhook (not idempotent) only a connection that failed before anything
 * was sent. The policy says how many attempts and how long to wait between them:
 *
 * <ul>
 *   <li>a {@code Retry-After} header (seconds or an HTTP date) is honoured, capped at {@link #maxRetryAfter()};
 *   <li>otherwise the wait before retry {@code n} (1 for the first retry) is
 *       {@code min(maxBackoff, initialBackoff × multiplier^(n-1)) × (1 − jitter × u)}, with {@code u} uniform in
 *       {@code [0, 1)}: with the defaults 375–500 ms, then 750–1000 ms.
 * </ul>
 *
 * <p>The client's call timeout bounds all attempts and waits together: no wait starts that would end after it.
 *
 * <table>
 *   <caption>Defaults</caption>
 *   <tr><th>setting</th><th>default</th></tr>
 *   <tr><td>{@link #maxAttempts()}</td><td>3 (the first attempt and up to 2 retries)</td></tr>
 *   <tr><td>{@link #initialBackoff()}</td><td>500 ms</td></tr>
 *   <tr><td>{@link #backoffMultiplier()}</td><td>2.0</td></tr>
 *   <tr><td>{@link #maxBackoff()}</td><td>8 s</td></tr>
 *   <tr><td>{@link #jitter()}</td><td>0.25</td></tr>
 *   <tr><td>{@link #maxRetryAfter()}</td><td>30 s</td></tr>
 * </table>
 */
public final class RetryPolicy {

    /** The default number of attempts in all: 3. */
    public static final int DEFAULT_MAX_ATTEMPTS = 3;

    /** The default wait before the first retry, before jitter: 500 ms. */
    public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(500);

    /** The default factor between two successive waits: 2.0. */
    public static final double DEFAULT_BACKOFF_MULTIPLIER = 2.0;

    /** The default longest wait computed by backoff: 8 s. */
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(8);

    /** The default jitter: each backoff wait is shortened by up to 25 %. */
    public static final double DEFAULT_JITTER = 0.25;

    /** The default longest wait a {@code Retry-After} header can ask for: 30 s. */
    public static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofSeconds(30);

    private static final RetryPolicy DEFAULTS = builder().build();
    private static final RetryPolicy NONE = builder().maxAttempts(1).build();

    private final int maxAttempts;
    private final Duration initialBackoff;
    private final double backoffMultiplier;
    private final Duration maxBackoff;
    private final double jitter;
    private final Duration maxRetryAfter;

    private RetryPolicy(Builder builder) {
        this.maxAttempts = builder.maxAttempts;
        this.initialBackoff = builder.initialBackoff;
        this.backoffMultiplier = builder.backoffMultiplier;
        this.maxBackoff = builder.maxBackoff;
        this.jitter = builder.jitter;
        this.maxRetryAfter = builder.maxRetryAfter;
    }

    /**
     * The default policy: 3 attempts, backoff from 500 ms doubling up to 8 s with 25 % jitter, {@code Retry-After}
     * honoured up to 30 s.
     *
     * @return the default policy
     */
    public static RetryPolicy defaults() {
        return DEFAULTS;
    }

    /**
     * No retries: every call makes exactly one attempt.
     *
     * @return the policy with {@code maxAttempts} 1
     */
    public static RetryPolicy none() {
        return NONE;
    }

    /**
     * A builder starting from the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder starting from this policy.
     *
     * @return a new builder with this policy's settings
     */
    public Builder toBuilder() {
        return new Builder()
                .maxAttempts(maxAttempts)
                .initialBackoff(initialBackoff)
                .backoffMultiplier(backoffMultiplier)
                .maxBackoff(maxBackoff)
                .jitter(jitter)
                .maxRetryAfter(maxRetryAfter);
    }

    /**
     * The number of attempts in all, the first one included.
     *
     * @return at least 1; 1 means no retries
     */
    public int maxAttempts() {
        return maxAttempts;
    }

    /**
     * The wait before the first retry, before jitter.
     *
     * @return the initial backoff
     */
    public Duration initialBackoff() {
        return initialBackoff;
    }

    /**
     * The factor between two successive backoff waits.
     *
     * @return at least 1.0
     */
    public double backoffMultiplier() {
        return backoffMultiplier;
    }

    /**
     * The longest wait backoff computes, before jitter.
     *
     * @return the cap
     */
    public Duration maxBackoff() {
        return maxBackoff;
    }

    /**
     * The share by which each backoff wait is randomly shortened.
     *
     * @return between 0 (no jitter) and 1
     */
    public double jitter() {
        return jitter;
    }

    /**
     * The longest wait a {@code Retry-After} header can ask for; a longer one is cut to this.
     *
     * @return the cap
     */
    public Duration maxRetryAfter() {
        return maxRetryAfter;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RetryPolicy that
                && maxAttempts == that.maxAttempts
                && initialBackoff.equals(that.initialBackoff)
                && Double.compare(backoffMultiplier, that.backoffMultiplier) == 0
                && maxBackoff.equals(that.maxBackoff)
                && Double.compare(jitter, that.jitter) == 0
                && maxRetryAfter.equals(that.maxRetryAfter);
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxAttempts, initialBackoff, backoffMultiplier, maxBackoff, jitter, maxRetryAfter);
    }

    @Override
    public String toString() {
        if (maxAttempts == 1) {
            return "RetryPolicy[none]";
        }
        return "RetryPolicy[maxAttempts=" + maxAttempts
                + ", initialBackoff=" + initialBackoff
                + ", backoffMultiplier=" + backoffMultiplier
                + ", maxBackoff=" + maxBackoff
                + ", jitter=" + jitter
                + ", maxRetryAfter=" + maxRetryAfter + "]";
    }

    /** Builds a {@link RetryPolicy}; every setting starts at its default. */
    public static final class Builder {
        private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
        private Duration initialBackoff = DEFAULT_INITIAL_BACKOFF;
        private double backoffMultiplier = DEFAULT_BACKOFF_MULTIPLIER;
        private Duration maxBackoff = DEFAULT_MAX_BACKOFF;
        private double jitter = DEFAULT_JITTER;
        private Duration maxRetryAfter = DEFAULT_MAX_RETRY_AFTER;

        private Builder() {}

        /**
         * Sets the number of attempts in all.
         *
         * @param maxAttempts at least 1; 1 turns retries off
         * @return this builder
         * @throws IllegalArgumentException if {@code maxAttempts} is less than 1
         */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /**
         * Sets the wait before the first retry, before jitter.
         *
         * @param initialBackoff zero or positive
         * @return this builder
         * @throws IllegalArgumentException if the duration is negative
         */
        public Builder initialBackoff(Duration initialBackoff) {
            this.initialBackoff = notNegative(initialBackoff, "initialBackoff");
            return this;
        }

        /**
         * Sets the factor between two successive backoff waits.
         *
         * @param backoffMultiplier at least 1.0 (1.0 waits the same before every retry)
         * @return this builder
         * @throws IllegalArgumentException if the factor is less than 1 or not finite
         */
        public Builder backoffMultiplier(double backoffMultiplier) {
            if (!(backoffMultiplier >= 1.0) || Double.isInfinite(backoffMultiplier)) {
                throw new IllegalArgumentException(
                        "backoffMultiplier must be a finite number of at least 1.0, was " + backoffMultiplier);
            }
            this.backoffMultiplier = backoffMultiplier;
            return this;
        }

        /**
         * Sets the longest wait backoff computes, before jitter.
         *
         * @param maxBackoff zero or positive
         * @return this builder
         * @throws IllegalArgumentException if the duration is negative
         */
        public Builder maxBackoff(Duration maxBackoff) {
            this.maxBackoff = notNegative(maxBackoff, "maxBackoff");
            return this;
        }

        /**
         * Sets the share by which each backoff wait is randomly shortened.
         *
         * @param jitter from 0 (every wait exact) to 1 (anything from zero to the full wait)
         * @return this builder
         * @throws IllegalArgumentException if {@code jitter} is outside {@code [0, 1]}
         */
        public Builder jitter(double jitter) {
            if (!(jitter >= 0.0 && jitter <= 1.0)) {
                throw new IllegalArgumentException("jitter must be between 0 and 1, was " + jitter);
            }
            this.jitter = jitter;
            return this;
        }

        /**
         * Sets the longest wait a {@code Retry-After} header can ask for.
         *
         * @param maxRetryAfter zero or positive
         * @return this builder
         * @throws IllegalArgumentException if the duration is negative
         */
        public Builder maxRetryAfter(Duration maxRetryAfter) {
            this.maxRetryAfter = notNegative(maxRetryAfter, "maxRetryAfter");
            return this;
        }

        /**
         * Builds the policy.
         *
         * @return the policy
         */
        public RetryPolicy build() {
            return new RetryPolicy(this);
        }

        private static Duration notNegative(Duration value, String name) {
            Objects.requireNonNull(value, name + " must not be null");
            if (value.isNegative()) {
                throw new IllegalArgumentException(name + " must not be negative, was " + value);
            }
            return value;
        }
    }
}
