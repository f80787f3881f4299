package org.openhumanitec.events.feign.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openhumanitec.events.api.errors.HumanitecApiException;
import org.openhumanitec.events.api.errors.InvalidResponseException;
import org.openhumanitec.events.api.errors.NetworkException;
import org.openhumanitec.events.api.errors.NetworkTimeoutException;
import org.openhumanitec.events.feign.RetryPolicy;

/** The retry rules and delay arithmetic, without HTTP. */
class RetryingCallsTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    @ParameterizedTest(name = "HTTP {0}: idempotent {1}, create {2}")
    @CsvSource({
        "408, true, false", "429, true, false", "500, true, false", "502, true, false", "503, true, false",
        "504, true, false", "501, false, false", "505, false, false", "400, false, false", "401, false, false",
        "403, false, false", "404, false, false", "405, false, false", "409, false, false", "422, false, false"
    })
    void statuses_areRetriedOnlyWhenIdempotentAndTransient(int status, boolean idempotent, boolean create) {
        HumanitecApiException failure = HumanitecApiException.of(status, null, null, null);
        assertThat(RetryingCalls.isRetryable(failure, true)).isEqualTo(idempotent);
        assertThat(RetryingCalls.isRetryable(failure, false)).isEqualTo(create);
    }

    @Test
    void networkFailures_areRetriedForCreateOnlyWhenNothingCanHaveLeft() {
        NetworkException refused = new NetworkException("refused", null, false);
        NetworkException reset = new NetworkException("reset", null, true);
        NetworkTimeoutException readTimeout = new NetworkTimeoutException("read", null, true);

        assertThat(RetryingCalls.isRetryable(refused, true)).isTrue();
        assertThat(RetryingCalls.isRetryable(reset, true)).isTrue();
        assertThat(RetryingCalls.isRetryable(readTimeout, true)).isTrue();
        assertThat(RetryingCalls.isRetryable(refused, false)).isTrue();
        assertThat(RetryingCalls.isRetryable(reset, false)).isFalse();
        assertThat(RetryingCalls.isRetryable(readTimeout, false)).isFalse();
        assertThat(RetryingCalls.isRetryable(new InvalidResponseException("x", 200, null, null), true))
                .isFalse();
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "1                             | PT1S",
                "' 120 '                       | PT2M",
                "0                             | PT0S",
                "Mon, 02 Mar 2026 10:00:05 GMT | PT5S",
                "Mon, 02 Mar 2026 09:59:00 GMT | PT0S",
                "99999999999999999999          | PT277777H46M39S"
            })
    void retryAfter_readsSecondsAndHttpDates(String value, Duration expected) {
        assertThat(RetryingCalls.retryAfter(value, NOW)).contains(expected);
    }

    @ParameterizedTest
    @CsvSource({"soon", "-1", "1.5", "2026-03-02T10:00:05Z", "''"})
    void retryAfter_ignoresWhatItCannotRead(String value) {
        assertThat(RetryingCalls.retryAfter(value, NOW)).isEmpty();
    }

    @Test
    void backoff_withRealJitterStaysWithinItsBounds() {
        RetryingCalls caller = caller(RetryPolicy.defaults(), new RandomJitterClock());
        NetworkException failure = new NetworkException("reset", null, true);
        for (int i = 0; i < 1000; i++) {
            for (int retry = 1; retry <= 6; retry++) {
                long base = Math.min(500L << (retry - 1), 8000L);
                long millis = TimeUnit.NANOSECONDS.toMillis(caller.delayNanos(failure, retry));
                assertThat(millis).as("retry %d", retry).isBetween(base * 3 / 4, base);
            }
        }
    }

    @Test
    void retryAfter_isCappedByThePolicy() {
        RetryingCalls caller = caller(
                RetryPolicy.builder().maxRetryAfter(Duration.ofSeconds(2)).build(), new RandomJitterClock());
        HumanitecApiException failure = HumanitecApiException.of(429, null, Map.of("Retry-After", List.of("10")), null);

        assertThat(caller.delayNanos(failure, 1))
                .isEqualTo(Duration.ofSeconds(2).toNanos());
    }

    @Test
    void anInterruptWhileWaitingBetweenAttempts_endsTheCallWithTheLastFailureAndKeepsTheFlag() {
        InterruptedWait clock = new InterruptedWait();
        RetryingCalls caller = caller(RetryPolicy.defaults(), clock);
        NetworkException failure = new NetworkException("reset", null, true);
        AtomicInteger attempts = new AtomicInteger();

        Throwable thrown;
        boolean interrupted;
        try {
            thrown = catchThrowable(() -> caller.call(Operation.LIST_EVENTS, options -> {
                attempts.incrementAndGet();
                throw failure;
            }));
        } finally {
            interrupted = Thread.interrupted(); // read and clear, so no other test runs interrupted
        }

        assertThat(thrown).isSameAs(failure);
        assertThat(failure.getSuppressed()).isEmpty();
        assertThat(attempts).hasValue(1);
        assertThat(clock.sleeps).hasValue(1);
        assertThat(interrupted).isTrue();
    }

    @ParameterizedTest(name = "timed out {0} s into a 10 s call -> call timeout {1}")
    @CsvSource({"10, true", "11, true", "5, false"})
    void aReadTimeout_isTheCallTimeout_onlyWhenTheCallsDeadlineHasPassed(int elapsedSeconds, boolean callTimeout) {
        SettableClock clock = new SettableClock();
        RetryingCalls caller = new RetryingCalls(
                RetryPolicy.none(),
                clock,
                Duration.ofSeconds(10),
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                null,
                RetryingCalls.RetryListener.NONE);
        NetworkTimeoutException readTimeout = new NetworkTimeoutException("read timed out", null, true);

        Throwable thrown = catchThrowable(() -> caller.call(Operation.LIST_EVENTS, options -> {
            clock.nanos += TimeUnit.SECONDS.toNanos(elapsedSeconds);
            throw readTimeout;
        }));

        if (callTimeout) {
            assertThat(thrown)
                    .isInstanceOf(NetworkTimeoutException.class)
                    .hasMessage("GET /orgs/{orgId}/events failed: the call timeout of PT10S elapsed during attempt 1")
                    .hasCause(readTimeout);
            assertThat(((NetworkTimeoutException) thrown).mayHaveReachedServer())
                    .isTrue();
        } else {
            assertThat(thrown).isSameAs(readTimeout);
        }
    }

    @Test
    void aCallTimeoutTooLongToCountInNanoseconds_leavesEveryAttemptItsReadTimeoutAndItsRetries() {
        RetryingCalls caller = new RetryingCalls(
                RetryPolicy.defaults(),
                new SettableClock(),
                Duration.ofSeconds(Long.MAX_VALUE),
                Duration.ofSeconds(1),
                Duration.ofSeconds(3),
                null,
                RetryingCalls.RetryListener.NONE);
        List<Integer> readTimeouts = new java.util.ArrayList<>();

        String result = caller.call(Operation.LIST_EVENTS, options -> {
            readTimeouts.add(options.readTimeoutMillis());
            if (readTimeouts.size() == 1) {
                throw new NetworkException("reset", null, true);
            }
            return "answer";
        });

        assertThat(result).isEqualTo("answer");
        assertThat(readTimeouts).containsExactly(3000, 3000);
    }

    private static RetryingCalls caller(RetryPolicy policy, RetryClock clock) {
        return new RetryingCalls(
                policy,
                clock,
                Duration.ofMinutes(1),
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                null,
                RetryingCalls.RetryListener.NONE);
    }

    /** Fixed time; every wait is interrupted, as {@code Thread.sleep} is: the flag cleared and the exception thrown. */
    private static final class InterruptedWait implements RetryClock {
        final AtomicInteger sleeps = new AtomicInteger();

        @Override
        public long nanoTime() {
            return 0;
        }

        @Override
        public Instant now() {
            return NOW;
        }

        @Override
        public void sleep(long nanos) throws InterruptedException {
            sleeps.incrementAndGet();
            throw new InterruptedException("interrupted while waiting");
        }

        @Override
        public double jitter() {
            return 0;
        }
    }

    /** Real random jitter, fixed time. */
    private static final class RandomJitterClock implements RetryClock {
        @Override
        public long nanoTime() {
            return 0;
        }

        @Override
        public Instant now() {
            return NOW;
        }

        @Override
        public void sleep(long nanos) {}

        @Override
        public double jitter() {
            return ThreadLocalRandom.current().nextDouble();
        }
    }

    /** Time that a test moves; waits pass at once. */
    private static final class SettableClock implements RetryClock {
        volatile long nanos = 1_000_000_000L;

        @Override
        public long nanoTime() {
            return nanos;
        }

        @Override
        public Instant now() {
            return NOW;
        }

        @Override
        public void sleep(long nanos) {
            this.nanos += nanos;
        }

        @Override
        public double jitter() {
            return 0;
        }
    }
}
