package org.openhumanitec.events.feign;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.openhumanitec.events.feign.internal.RetryClock;

/** A retry clock that never sleeps: it records each wait and moves its time forward by it. */
final class FakeRetryClock implements RetryClock {

    /** The wall-clock time the fake starts at. */
    static final Instant START = Instant.parse("2026-03-02T10:00:00Z");

    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private volatile long nanos = 1_000_000_000L;
    private volatile Instant wall = START;
    private volatile double jitter;

    @Override
    public long nanoTime() {
        return nanos;
    }

    @Override
    public Instant now() {
        return wall;
    }

    @Override
    public synchronized void sleep(long nanos) {
        sleeps.add(Duration.ofNanos(nanos));
        this.nanos += nanos;
        this.wall = wall.plusNanos(nanos);
    }

    @Override
    public double jitter() {
        return jitter;
    }

    /** Makes every jitter draw return this value (0 by default: every backoff wait is the full wait). */
    FakeRetryClock jitter(double value) {
        this.jitter = value;
        return this;
    }

    /** The waits so far, in order. */
    List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }
}
