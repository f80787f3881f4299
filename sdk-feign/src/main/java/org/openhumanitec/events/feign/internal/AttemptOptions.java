package org.openhumanitec.events.feign.internal;

import feign.Request;
import java.util.concurrent.TimeUnit;

/**
 * The options Feign passes to the transport for one attempt: the connect and read timeouts, redirects off, and the
 * call's deadline. Feign takes a resource method's {@link Request.Options} argument as the attempt's options, so
 * this is how the deadline reaches the client.
 */
final class AttemptOptions extends Request.Options {

    private final long deadlineNanos;

    /**
     * Options for one attempt.
     *
     * @param connectTimeoutMillis the connect timeout
     * @param readTimeoutMillis the read timeout
     * @param deadlineNanos when the call ends, on the retry clock's {@link RetryClock#nanoTime()} scale
     */
    AttemptOptions(long connectTimeoutMillis, long readTimeoutMillis, long deadlineNanos) {
        super(connectTimeoutMillis, TimeUnit.MILLISECONDS, readTimeoutMillis, TimeUnit.MILLISECONDS, false);
        this.deadlineNanos = deadlineNanos;
    }

    /**
     * When the call ends.
     *
     * @return the deadline on the retry clock's scale
     */
    long deadlineNanos() {
        return deadlineNanos;
    }
}
