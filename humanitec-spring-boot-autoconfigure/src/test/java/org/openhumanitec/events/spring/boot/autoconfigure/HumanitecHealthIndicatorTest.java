package org.openhumanitec.events.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.openhumanitec.events.api.EventsApi;
import org.openhumanitec.events.api.HumanitecEventApi;
import org.openhumanitec.events.api.JobsApi;
import org.openhumanitec.events.api.WebhooksApi;
import org.openhumanitec.events.api.errors.NetworkException;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/** The health indicator calls Humanitec at most once per interval, on a clock the test moves. */
class HumanitecHealthIndicatorTest {

    private final AtomicInteger calls = new AtomicInteger();
    private final MovableClock clock = new MovableClock();
    private RuntimeException failure;

    private final HumanitecEventApi api = new HumanitecEventApi() {
        @Override
        public WebhooksApi webhooks() {
            throw new UnsupportedOperationException();
        }

        @Override
        public JobsApi jobs() {
            throw new UnsupportedOperationException();
        }

        @Override
        public EventsApi events() {
            return org -> {
                calls.incrementAndGet();
                if (failure != null) {
                    throw failure;
                }
                return List.of();
            };
        }
    };

    private final HumanitecHealthIndicator indicator =
            new HumanitecHealthIndicator(api, "my-org", Duration.ofSeconds(60), clock);

    @Test
    void probesWithinTheInterval_getTheKeptResult_withoutACall() {
        assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
        clock.advance(Duration.ofSeconds(59));
        failure = new NetworkException("connection refused", null, false);

        for (int probe = 0; probe < 10; probe++) {
            assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
        }
        assertThat(calls).hasValue(1);
    }

    @Test
    void aProbeAfterTheInterval_callsAgain() {
        indicator.health();
        clock.advance(Duration.ofSeconds(60));
        failure = new NetworkException("connection refused", null, false);

        Health health = indicator.health();

        assertThat(calls).hasValue(2);
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("org", "my-org").containsEntry("error", "NetworkException");
    }

    @Test
    void intervalShorterThanAMillisecond_isRefused() {
        assertThatThrownBy(() -> new HumanitecHealthIndicator(api, "my-org", Duration.ZERO, clock))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("interval must be at least 1 ms");
    }

    /** A clock that stands still until told to move. */
    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
