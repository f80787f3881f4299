package org.openhumanitec.events.feign.internal;

import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import org.openhumanitec.events.api.errors.HumanitecApiException;
import org.openhumanitec.events.api.errors.HumanitecException;
import org.openhumanitec.events.api.errors.NetworkException;
import org.openhumanitec.events.api.errors.NetworkTimeoutException;
import org.openhumanitec.events.feign.RetryPolicy;
import org.slf4j.Logger;

/**
 * The client's one retry layer: a resilience4j {@link Retry} per kind of operation, built once from a
 * {@link RetryConfig} and applied with {@link Retry#executeSupplier} around each call of the Feign proxy. Feign's own
 * {@code Retryer} is off, and so are the transports' hidden retries.
 *
 * <p>What is retried: a {@link NetworkException}, and the statuses 408, 429, 500, 502, 503 and 504, for an
 * idempotent operation; for create-webhook only a {@link NetworkException} raised before the request could have
 * left ({@link NetworkException#mayHaveReachedServer()} false). No retry starts whose wait would end after the
 * call's deadline.
 *
 * <p>How resilience4j sees a call. Each attempt returns an {@link Outcome}, a value holding either the decoded
 * result or the failure, so that the config's {@code retryOnResult} predicate and {@code IntervalBiFunction} can
 * read the call's deadline and attempt number from it; anything thrown instead (a bug, not a failed exchange) is
 * never retried. The wait an outcome asks for ({@code Retry-After}, capped, else backoff with jitter) is computed
 * once, so the predicate (does it fit before the deadline?) and the interval function (how long?) agree whatever
 * order they are asked in. Waiting: resilience4j 2.4.0's synchronous {@code Retry} has no per-instance way to wait,
 * only the JVM-global {@code RetryImpl.setSleepFunction}; rather than touch that, the interval function waits
 * through the client's {@link RetryClock} and returns 0, so tests inject the clock and never sleep. An interrupt
 * during that wait ends the call with the last attempt's failure, the thread's interrupt flag left set.
 */
final class RetryingCalls {

    /**
     * One attempt of an operation: sends the request once through the Feign proxy.
     *
     * @param <T> what the operation returns
     */
    @FunctionalInterface
    interface Attempt<T> {
        /**
         * Sends the request once.
         *
         * @param options the timeouts and deadline of this attempt
         * @return the decoded result
         */
        T send(AttemptOptions options);
    }

    /** Told of every retry, before its wait: how the client's metrics count retries. */
    @FunctionalInterface
    interface RetryListener {
        /** Listens to nothing. */
        RetryListener NONE = operation -> {};

        /**
         * An attempt of the operation failed and another one follows.
         *
         * @param operation the operation being retried
         */
        void retrying(Operation operation);
    }

    private final RetryPolicy policy;
    private final RetryClock clock;
    private final Duration callTimeout;
    private final long callTimeoutNanos;
    private final long connectTimeoutMillis;
    private final long readTimeoutMillis;
    private final Logger log;
    private final RetryListener retryListener;
    private final Retry idempotent;
    private final Retry notIdempotent;
    private volatile boolean closed;

    /**
     * The retry layer of one client.
     *
     * @param policy how often and how long to wait
     * @param clock the time, sleep and jitter source
     * @param callTimeout the deadline of each call, all attempts and waits together
     * @param connectTimeout the connect timeout of each attempt
     * @param readTimeout the read timeout of each attempt, shortened when the deadline is nearer
     * @param log where retries are logged, or null when logging is off
     * @param retryListener told of each retry
     */
    RetryingCalls(
            RetryPolicy policy,
            RetryClock clock,
            Duration callTimeout,
            Duration connectTimeout,
            Duration readTimeout,
            Logger log,
            RetryListener retryListener) {
        this.policy = policy;
        this.clock = clock;
        this.callTimeout = callTimeout;
        this.callTimeoutNanos = saturatedNanos(callTimeout);
        this.connectTimeoutMillis = connectTimeout.toMillis();
        this.readTimeoutMillis = readTimeout.toMillis();
        this.log = log;
        this.retryListener = retryListener;
        this.idempotent = Retry.of("humanitec-idempotent", config(true));
        this.notIdempotent = Retry.of("humanitec-create-webhook", config(false));
    }

    private RetryConfig config(boolean idempotentOperation) {
        return RetryConfig.<Outcome<?>>custom()
                .maxAttempts(policy.maxAttempts())
                .retryOnResult(outcome -> outcome.worthRetrying(idempotentOperation))
                .retryOnException(thrown -> false)
                .intervalBiFunction(RetryingCalls::waitBeforeRetry)
                .failAfterMaxAttempts(false)
                .build();
    }

    private static long waitBeforeRetry(Integer failedAttempts, Either<Throwable, Outcome<?>> outcome) {
        return outcome.get().waitBeforeRetry();
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
     * @throws IllegalStateException if the client is closed
     */
    <T> T call(Operation operation, Attempt<T> attempt) {
        if (closed) {
            throw new IllegalStateException("the HumanitecClient is closed");
        }
        Call<T> call = new Call<>(operation, attempt, clock.nanoTime() + callTimeoutNanos);
        Retry retry = operation.idempotent() ? idempotent : notIdempotent;
        try {
            return retry.executeSupplier(call::attempt).result();
        } catch (CancellationException e) {
            // resilience4j's answer to an interrupt during the wait between attempts; it keeps the flag set.
            if (call.failures.isEmpty() || !Thread.currentThread().isInterrupted()) {
                throw e;
            }
            throw call.withEarlierFailures(call.failures.get(call.failures.size() - 1));
        }
    }

    /** Makes every later call fail with {@link IllegalStateException}. */
    void close() {
        closed = true;
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
        if (trimmed.chars().allMatch(c -> c >= '0' && c <= '9')) {
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

    private static long saturatedNanos(Duration duration) {
        try {
            return duration.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE / 2;
        }
    }

    /** One call: its deadline, its attempts so far and their failures. Confined to the calling thread. */
    private final class Call<T> {
        private final Operation operation;
        private final Attempt<T> attempt;
        private final long deadline;
        private final List<HumanitecException> failures = new ArrayList<>(0);

        Call(Operation operation, Attempt<T> attempt, long deadline) {
            this.operation = operation;
            this.attempt = attempt;
            this.deadline = deadline;
        }

        /** The failure that ends the call, with the earlier attempts' failures as suppressed, oldest first. */
        HumanitecException withEarlierFailures(HumanitecException last) {
            failures.stream().filter(earlier -> earlier != last).forEach(last::addSuppressed);
            return last;
        }

        /** Sends the request once, with a read timeout no longer than what is left of the call. */
        Outcome<T> attempt() {
            int number = failures.size() + 1;
            if (number > 1 && Thread.currentThread().isInterrupted()) {
                return new Outcome<>(this, null, failures.remove(failures.size() - 1), true);
            }
            long remainingMillis = TimeUnit.NANOSECONDS.toMillis(deadline - clock.nanoTime());
            boolean shortened = remainingMillis < readTimeoutMillis;
            AttemptOptions options = new AttemptOptions(
                    connectTimeoutMillis, shortened ? Math.max(1, remainingMillis) : readTimeoutMillis, deadline);
            try {
                return new Outcome<>(this, attempt.send(options), null, false);
            } catch (RuntimeException e) {
                RuntimeException translated = Failures.translate(operation, e);
                if (!(translated instanceof HumanitecException failure)) {
                    throw translated;
                }
                if (failure instanceof NetworkTimeoutException timeout
                        && (shortened
                                || clock.nanoTime() - deadline >= 0
                                || timeout.getCause() instanceof DeadlineClient.DeadlinePassed)) {
                    failure = new NetworkTimeoutException(
                            operation + " failed: the call timeout of " + callTimeout + " elapsed during attempt "
                                    + number,
                            timeout,
                            timeout.mayHaveReachedServer());
                }
                failures.add(failure);
                return new Outcome<>(this, null, failure, false);
            }
        }
    }

    /**
     * What one attempt came to, as resilience4j sees it: a result, or a failure with the wait it asks for.
     *
     * @param <T> what the operation returns
     */
    private final class Outcome<T> {
        private final Call<T> call;
        private final T value;
        private final HumanitecException failure;
        private final boolean interrupted;
        private long waitNanos = -1;

        Outcome(Call<T> call, T value, HumanitecException failure, boolean interrupted) {
            this.call = call;
            this.value = value;
            this.failure = failure;
            this.interrupted = interrupted;
        }

        /** The config's result predicate: a retryable failure whose wait ends before the call's deadline. */
        boolean worthRetrying(boolean idempotentOperation) {
            return failure != null
                    && !interrupted
                    && isRetryable(failure, idempotentOperation)
                    && waitNanos() < call.deadline - clock.nanoTime();
        }

        /** The wait this failure asks for, drawn once. */
        long waitNanos() {
            if (waitNanos < 0) {
                waitNanos = delayNanos(failure, call.failures.size());
            }
            return waitNanos;
        }

        /** The config's interval function: waits through the client's clock, and leaves resilience4j nothing. */
        long waitBeforeRetry() {
            long wait = waitNanos();
            if (log != null && log.isDebugEnabled()) {
                log.debug(
                        "{} attempt {} failed ({}); retrying in {} ms",
                        call.operation,
                        call.failures.size(),
                        failure.getMessage(),
                        TimeUnit.NANOSECONDS.toMillis(wait));
            }
            retryListener.retrying(call.operation);
            try {
                clock.sleep(wait);
            } catch (InterruptedException e) {
                // With the flag set again, resilience4j ends the retries with a CancellationException, which call()
                // turns back into this failure; should it start another attempt, that attempt sees the flag.
                Thread.currentThread().interrupt();
            }
            return 0L;
        }

        /** The value, or the failure thrown with the earlier attempts' failures as suppressed, oldest first. */
        T result() {
            if (failure == null) {
                return value;
            }
            throw call.withEarlierFailures(failure);
        }
    }
}
