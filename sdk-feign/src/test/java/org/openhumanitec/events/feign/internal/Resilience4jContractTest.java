package org.openhumanitec.events.feign.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The behaviour of resilience4j-retry 2.4.0 that {@link RetryingCaller} relies on, pinned so that an upgrade that
 * changes it fails here rather than in production.
 */
class Resilience4jContractTest {

    private static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    private static Retry retry(int maxAttempts, Predicate<Throwable> retryOn, IntervalBiFunction<Object> interval) {
        return Retry.of(
                "t",
                RetryConfig.custom()
                        .maxAttempts(maxAttempts)
                        .retryOnException(retryOn)
                        .intervalBiFunction(interval)
                        .build());
    }

    @Test
    void anExceptionFromTheIntervalFunctionLeavesOnRuntimeErrorAndEndsTheRetries() {
        Stop stop = new Stop();
        Retry retry = retry(5, t -> true, (attempt, either) -> {
            throw stop;
        });
        Retry.Context<Object> context = retry.context();

        assertThatThrownBy(() -> context.onRuntimeError(new IllegalStateException("first")))
                .isSameAs(stop);
    }

    @Test
    void aZeroIntervalRetriesAtOnceAndThePassedExceptionIsRethrownWhenAttemptsRunOut() {
        AtomicInteger intervals = new AtomicInteger();
        Retry retry = retry(3, t -> true, (attempt, either) -> {
            assertThat(attempt).isEqualTo(intervals.incrementAndGet());
            return 0L;
        });
        Retry.Context<Object> context = retry.context();
        IllegalStateException failure = new IllegalStateException("each attempt");

        context.onRuntimeError(failure);
        context.onRuntimeError(failure);
        assertThatThrownBy(() -> context.onRuntimeError(failure)).isSameAs(failure);
        assertThat(intervals).hasValue(2);
    }

    @Test
    void anExceptionThePredicateRejectsIsRethrownAsItIs() {
        Retry retry = retry(3, t -> false, (attempt, either) -> 0L);
        IllegalStateException failure = new IllegalStateException("not retryable");

        assertThatThrownBy(() -> retry.context().onRuntimeError(failure)).isSameAs(failure);
    }

    @Test
    void aNegativeIntervalAlsoStopsButOnlyBecauseThreadSleepRejectsIt() {
        Retry retry = retry(5, t -> true, (attempt, either) -> -1L);
        IllegalStateException failure = new IllegalStateException("first");

        // RetryImpl passes -1 to its global sleep function (Thread::sleep), which throws; RetryImpl then rethrows
        // the last failure. RetryingCaller throws from the interval function instead, so it does not depend on this.
        assertThatThrownBy(() -> retry.context().onRuntimeError(failure)).isSameAs(failure);
    }
}
