package org.openhumanitec.events.feign.internal;

import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The time and chance the retry layer uses: a monotonic clock for deadlines, the wall clock for HTTP-date
 * {@code Retry-After} values, a way to wait, and the jitter source. Tests pass a fake that records the waits and
 * returns at once, so retry delays are asserted without sleeping.
 */
public interface RetryClock {

    /**
     * A monotonic time, for deadlines.
     *
     * @return nanoseconds from an arbitrary origin, like {@link System#nanoTime()}
     */
    long nanoTime();

    /**
     * The wall-clock time, against which an HTTP-date {@code Retry-After} is measured.
     *
     * @return now
     */
    Instant now();

    /**
     * Waits.
     *
     * @param nanos how long, at least 0
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    void sleep(long nanos) throws InterruptedException;

    /**
     * A uniformly distributed random number for jitter.
     *
     * @return a number in {@code [0, 1)}
     */
    double jitter();

    /**
     * The real clock: {@link System#nanoTime()}, {@link Instant#now()}, a real sleep and
     * {@link ThreadLocalRandom}.
     *
     * @return the system clock
     */
    static RetryClock system() {
        return SystemRetryClock.INSTANCE;
    }

    /** The real clock. */
    enum SystemRetryClock implements RetryClock {
        /** The one instance. */
        INSTANCE;

        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public Instant now() {
            return Instant.now();
        }

        @Override
        public void sleep(long nanos) throws InterruptedException {
            TimeUnit.NANOSECONDS.sleep(nanos);
        }

        @Override
        public double jitter() {
            return ThreadLocalRandom.current().nextDouble();
        }
    }
}
