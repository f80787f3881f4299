package org.openhumanitec.events.feign.internal;

import feign.Request;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openhumanitec.events.api.errors.HumanitecApiException;
import org.openhumanitec.events.api.errors.HumanitecException;
import org.openhumanitec.events.api.errors.NetworkException;
import org.openhumanitec.events.api.errors.NetworkTimeoutException;
import org.openhumanitec.events.feign.RetryPolicy;
import org.slf4j.Logger;

/**
 * The client's one retry layer: every operation goes through {@link #call}, which runs its attempts under
 * resilience4j-retry. Feign's own {@code Retryer} is off, and so are the transports' hidden retries.
 *
 * <p>What is retried: a {@link NetworkException}, and the statuses 408, 429, 500, 502, 503 and 504, for an
 * idempotent operation; for create-webhook only a {@link NetworkException} raised before the request could have
 * left ({@link NetworkException#mayHaveReachedServer()} false).
 *
 * <p>How resilience4j is used, and why. The call's deadline and the failure belong to one call, but a
 * resilience4j {@link Retry} is configured once; so each failed attempt is handed to resilience4j wrapped in a
 * {@link Failed} signal that carries the call's deadline. The configured {@code IntervalBiFunction} then computes
 * the wait ({@code Retry-After} or backoff), and either stops (throwing the signal, which propagates out of
 * {@code onRuntimeError} because resilience4j 2.4.0 calls the interval function outside its try block) or waits
 * through the injected {@link RetryClock} and returns 0. Returning 0 matters: resilience4j's synchronous
 * {@code RetryImpl} then sleeps through its static, JVM-global {@code sleepFunction} ({@code Thread::sleep}) for
 * 0 ms, so no wait ever goes through that global, and tests need not touch it. (A negative interval would also
 * stop the retries in 2.4.0, but only because {@code Thread.sleep(-1)} throws; this class does not rely on that.)
 */
public final class RetryingCaller {

    /**
     * One attempt of an operation.
     *
     * @param <T> what the operation returns
     */
    @FunctionalInterface
    public interface Attempt<T> {
        /**
         * Sends the request once.
         *
         * @param options the timeouts of this attempt
         * @return the decoded result
         */
        T run(Request.Options options);
    }

    private final RetryPolicy policy;
    private final RetryClock clock;
    private final Duration callTimeout;
    private final long callTimeoutNanos;
    private final Request.Options options;
    private final long readTimeoutNanos;
    private final Retry idempotentRetry;
    private final Retry createRetry;
    private final Logger log;

    /**
     * A caller.
     *
     * @param policy how often and how long to wait
     * @param clock the time and jitter source
     * @param callTimeout the deadline of each call, all attempts and waits together
     * @param options the connect and read timeouts of each attempt; redirects must be off
     * @param log where retries are logged, or null when logging is off
     */
    public RetryingCaller(
            RetryPolicy policy, RetryClock clock, Duration callTimeout, Request.Options options, Logger log) {
        this.policy = policy;
        this.clock = clock;
        this.callTimeout = callTimeout;
        this.callTimeoutNanos = saturatedNanos(callTimeout);
        this.options = options;
        this.readTimeoutNanos = options.readTimeoutUnit().toNanos(options.readTimeout());
        this.log = log;
        this.idempotentRetry = Retry.of("humanitec-idempotent", config(true));
        this.createRetry = Retry.of("humanitec-not-idempotent", config(false));
    }

    private RetryConfig config(boolean idempotent) {
        return RetryConfig.custom()
                .maxAttempts(policy.maxAttempts())
                .retryOnException(t -> t instanceof Failed failed && isRetryable(failed.failure, idempotent))
                .intervalBiFunction(this::waitBeforeRetry)
                .failAfterMaxAttempts(false)
                .build();
    }

    /**
     * Runs an operation: its first attempt, and as many retries as the policy, the failure and the deadline allow.
     *
     * @param <T> what the operation returns
     * @param operation the operation, which says whether it is idempotent
     * @param attempt one attempt
     * @return the result of the first attempt that succeeds
     * @throws HumanitecException the failure of the last attempt, with the failures of the earlier attempts as
     *     suppressed exceptions; a {@link NetworkTimeoutException} when the call's deadline cut an attempt short
     */
    public <T> T call(Operation operation, Attempt<T> attempt) {
        long deadline = clock.nanoTime() + callTimeoutNanos;
        // resilience4j's context is only needed once an attempt has failed: a call whose first attempt succeeds
        // (nearly all of them) never creates one.
        Retry.Context<T> context = null;
        Failed previous = null;
        for (int number = 1; ; number++) {
            Request.Options attemptOptions = optionsBefore(deadline);
            HumanitecException failure;
            try {
                T result = attempt.run(attemptOptions);
                if (context != null) {
                    context.onComplete();
                }
                return result;
            } catch (RuntimeException e) {
                RuntimeException translated = Failures.translate(operation, e);
                if (!(translated instanceof HumanitecException humanitec)) {
                    throw translated;
                }
                failure = humanitec;
            }
            if (attemptOptions != options && failure instanceof NetworkTimeoutException timeout) {
                failure = new NetworkTimeoutException(
                        operation + " failed: the call timeout of " + callTimeout + " elapsed during attempt " + number,
                        timeout,
                        timeout.mayHaveReachedServer());
            }
            Failed signal = new Failed(operation, failure, number, deadline, previous);
            if (context == null) {
                context = (operation.idempotent() ? idempotentRetry : createRetry).context();
            }
            try {
                context.onRuntimeError(signal);
            } catch (Failed stop) {
                throw stop.withEarlierFailures();
            }
            previous = signal;
        }
    }

    /** The configured timeouts, or, when less than one read timeout is left before the deadline, a shorter one. */
    private Request.Options optionsBefore(long deadline) {
        long remaining = deadline - clock.nanoTime();
        if (remaining >= readTimeoutNanos) {
            return options;
        }
        return new Request.Options(
                options.connectTimeout(),
                options.connectTimeoutUnit(),
                Math.max(1, TimeUnit.NANOSECONDS.toMillis(remaining)),
                TimeUnit.MILLISECONDS,
                options.isFollowRedirects());
    }

    /**
     * Whether a failure is worth another attempt.
     *
     * @param failure what the attempt threw
     * @param idempotent whether the operation is idempotent
     * @return true for network failures and 408, 429, 500, 502, 503, 504 when idempotent; for a non-idempotent
     *     operation only for a network failure before the request could have left
     */
    static boolean isRetryable(HumanitecException failure, boolean idempotent) {
        if (failure instanceof NetworkException network) {
            return idempotent || !network.mayHaveReachedServer();
        }
        if (idempotent && failure instanceof HumanitecApiException api) {
            return switch (api.status()) {
                case 408, 429, 500, 502, 503, 504 -> true;
                default -> false;
            };
        }
        return false;
    }

    /** resilience4j's interval function: computes the wait, stops at the deadline, else waits and returns 0. */
    private long waitBeforeRetry(Integer failedAttempts, Either<Throwable, ?> outcome) {
        Failed failed = (Failed) outcome.getLeft();
        long delay = delayNanos(failed.failure, failedAttempts);
        if (delay >= failed.deadline - clock.nanoTime()) {
            throw failed;
        }
        if (log != null && log.isDebugEnabled()) {
            log.debug(
                    "{} attempt {} failed ({}); retrying in {} ms",
                    failed.operation,
                    failed.number,
                    failed.failure.getMessage(),
                    TimeUnit.NANOSECONDS.toMillis(delay));
        }
        try {
            clock.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed;
        }
        return 0L;
    }

    /**
     * The wait before the next attempt: what {@code Retry-After} asks for, capped; else capped exponential backoff
     * with jitter.
     *
     * @param failure the failure of the last attempt
     * @param failedAttempts how many attempts have failed, at least 1
     * @return the wait in nanoseconds
     */
    long delayNanos(HumanitecException failure, int failedAttempts) {
        if (failure instanceof HumanitecApiException api) {
            Optional<Duration> retryAfter = retryAfter(api.header("Retry-After").orElse(null), clock.now());
            if (retryAfter.isPresent()) {
                Duration capped = retryAfter.get().compareTo(policy.maxRetryAfter()) > 0
                        ? policy.maxRetryAfter()
                        : retryAfter.get();
                return saturatedNanos(capped);
            }
        }
        double base = policy.initialBackoff().toNanos() * Math.pow(policy.backoffMultiplier(), failedAttempts - 1);
        double capped = Math.min(base, (double) saturatedNanos(policy.maxBackoff()));
        return (long) (capped * (1.0 - policy.jitter() * clock.jitter()));
    }

    /**
     * Reads a {@code Retry-After} value: delay-seconds, or an HTTP date measured from {@code now}.
     *
     * @param value the header's value, or null
     * @param now the current wall-clock time
     * @return the wait (zero for a date in the past), or empty when there is no usable value
     */
    static Optional<Duration> retryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String trimmed = value.trim();
        if (isDigits(trimmed)) {
            // More than 9 digits is over 31 years: read it as "very long"; maxRetryAfter caps it anyway.
            long seconds = trimmed.length() > 9 ? 999_999_999L : Long.parseLong(trimmed);
            return Optional.of(Duration.ofSeconds(seconds));
        }
        try {
            Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
            Duration wait = Duration.between(now, at);
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static boolean isDigits(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static long saturatedNanos(Duration duration) {
        try {
            return duration.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE / 2;
        }
    }

    /**
     * One failed attempt, as resilience4j sees it: the failure with the call's deadline. Internal to this class;
     * it never reaches a caller.
     */
    private static final class Failed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final transient Operation operation;
        private final HumanitecException failure;
        private final int number;
        private final long deadline;
        private final transient Failed previous;

        Failed(Operation operation, HumanitecException failure, int number, long deadline, Failed previous) {
            super(null, null, false, false);
            this.operation = operation;
            this.failure = failure;
            this.number = number;
            this.deadline = deadline;
            this.previous = previous;
        }

        /** The last failure, carrying the earlier attempts' failures as suppressed exceptions, oldest first. */
        HumanitecException withEarlierFailures() {
            if (previous != null) {
                java.util.ArrayDeque<HumanitecException> earlier = new java.util.ArrayDeque<>();
                for (Failed f = previous; f != null; f = f.previous) {
                    earlier.push(f.failure);
                }
                earlier.forEach(failure::addSuppressed);
            }
            return failure;
        }
    }
}
