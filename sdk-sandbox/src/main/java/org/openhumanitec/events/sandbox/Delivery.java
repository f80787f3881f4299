package org.openhumanitec.events.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.openhumanitec.events.api.model.Trigger;

/**
 * The outcome of one POST of an event to one webhook's URL, as {@link HumanitecSandbox#fire} records it.
 *
 * @param jobId the webhook's id
 * @param event the event that was fired
 * @param startedAt when the request was started, by the sandbox's clock
 * @param duration how long the attempt took, from the start to its outcome
 * @param outcome what happened
 * @param status the receiver's HTTP status; empty when no answer came (timed out or failed)
 * @param error why the delivery did not succeed, in words that never hold the URL, a header value or the body;
 *     empty when it was {@link Outcome#DELIVERED}
 */
public record Delivery(
        String jobId,
        Trigger event,
        Instant startedAt,
        Duration duration,
        Outcome outcome,
        OptionalInt status,
        Optional<String> error) {

    /**
     * Checks that every component is present.
     *
     * @param jobId the webhook's id
     * @param event the event
     * @param startedAt the start
     * @param duration the duration
     * @param outcome the outcome
     * @param status the status, or empty
     * @param error the error, or empty
     */
    public Delivery {
        Objects.requireNonNull(jobId, "jobId must not be null");
        Objects.requireNonNull(event, "event must not be null");
        Objects.requireNonNull(startedAt, "startedAt must not be null");
        Objects.requireNonNull(duration, "duration must not be null");
        Objects.requireNonNull(outcome, "outcome must not be null");
        Objects.requireNonNull(status, "status must not be null");
        Objects.requireNonNull(error, "error must not be null");
    }

    /**
     * Whether the receiver took the event: it answered with a 2xx status.
     *
     * @return true for {@link Outcome#DELIVERED}
     */
    public boolean delivered() {
        return outcome == Outcome.DELIVERED;
    }

    /** What became of a delivery. The sandbox never retries, whatever the outcome. */
    public enum Outcome {
        /** The receiver answered with a 2xx status. */
        DELIVERED,
        /** The receiver answered with a status outside 2xx; {@link Delivery#status()} holds it. */
        REJECTED,
        /** No complete answer came within the sandbox's delivery timeout. */
        TIMED_OUT,
        /**
         * The request could not be sent or answered: connection refused, an unknown host, a broken connection, or a
         * header that HTTP cannot carry.
         */
        FAILED
    }
}
