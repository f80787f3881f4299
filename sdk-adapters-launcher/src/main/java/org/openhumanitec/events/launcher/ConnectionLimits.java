package org.openhumanitec.events.launcher;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a client may take to send a request, and how many connections a server holds at once.
 *
 * @param requestReadTimeout the longest a request's headers and body may take to arrive, counted from the
 *     connection's opening or from the end of its previous exchange; a connection that overruns it is closed
 * @param maxConnections the most connections open at once; beyond it, new ones wait in the operating system's
 *     backlog until one closes
 */
public record ConnectionLimits(Duration requestReadTimeout, int maxConnections) {

    /** The default of {@code --request-read-timeout}, in seconds: {@value}. */
    public static final int DEFAULT_REQUEST_READ_TIMEOUT_SECONDS = 30;

    /** The default of {@code --max-connections}: {@value}, well below a common limit of 1024 open files. */
    public static final int DEFAULT_MAX_CONNECTIONS = 512;

    /** The defaults: 30 seconds to send a request, 512 connections. */
    public static final ConnectionLimits DEFAULTS =
            new ConnectionLimits(Duration.ofSeconds(DEFAULT_REQUEST_READ_TIMEOUT_SECONDS), DEFAULT_MAX_CONNECTIONS);

    /**
     * Checks the limits.
     *
     * @param requestReadTimeout positive
     * @param maxConnections at least 1
     */
    public ConnectionLimits {
        Objects.requireNonNull(requestReadTimeout, "requestReadTimeout must not be null");
        if (requestReadTimeout.isNegative() || requestReadTimeout.isZero()) {
            throw new IllegalArgumentException("requestReadTimeout must be positive, not " + requestReadTimeout);
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1, not " + maxConnections);
        }
    }
}
