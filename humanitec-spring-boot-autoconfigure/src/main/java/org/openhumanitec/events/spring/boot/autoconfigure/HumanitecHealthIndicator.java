package org.openhumanitec.events.spring.boot.autoconfigure;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.openhumanitec.events.api.HumanitecEventApi;
import org.openhumanitec.events.api.errors.HumanitecApiException;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * UP while list-events answers for one organization, else DOWN with the HTTP status and Humanitec error code (or the
 * error's type when no answer came). Humanitec is called at most once per interval: every probe in between gets the
 * kept result, and probes that arrive during a call wait for its result. The details never hold the token: the SDK's
 * exceptions do not carry it, and only their status, code and type are shown.
 */
final class HumanitecHealthIndicator implements HealthIndicator {

    private final HumanitecEventApi api;
    private final String org;
    private final Duration interval;
    private final Clock clock;

    private Health last;
    private Instant checkedAt;

    HumanitecHealthIndicator(HumanitecEventApi api, String org, Duration interval, Clock clock) {
        if (interval == null || interval.compareTo(Duration.ofMillis(1)) < 0) {
            throw new IllegalArgumentException("interval must be at least 1 ms, was " + interval);
        }
        this.api = api;
        this.org = org;
        this.interval = interval;
        this.clock = clock;
    }

    @Override
    public synchronized Health health() {
        Instant now = clock.instant();
        if (last == null || !now.isBefore(checkedAt.plus(interval))) {
            last = check();
            checkedAt = now;
        }
        return last;
    }

    private Health check() {
        Health.Builder health = new Health.Builder().withDetail("org", org);
        try {
            api.events().list(org);
            return health.up().build();
        } catch (HumanitecApiException e) {
            health.down()
                    .withDetail("status", e.status())
                    .withDetail("error", e.getClass().getSimpleName());
            if (e.errorCode() != null) {
                health.withDetail("errorCode", e.errorCode());
            }
            return health.build();
        } catch (RuntimeException e) {
            return health.down()
                    .withDetail("error", e.getClass().getSimpleName())
                    .build();
        }
    }
}
