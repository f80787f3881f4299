package org.openhumanitec.events.feign;

/**
 * How much of each HTTP exchange the client logs, through SLF4J at {@code DEBUG} under the logger
 * {@code org.openhumanitec.events.feign.http}. Off by default. At every level the {@code Authorization} header
 * shows as {@code Bearer <redacted>}, and webhook {@code headers} and {@code payload} values as
 * {@code <redacted>}.
 */
public enum HttpLogLevel {
    /** Nothing is logged, and no logging work is done. The default. */
    NONE,
    /** The request line, the response status and the time taken, and each retry. */
    BASIC,
    /** As {@link #BASIC}, with the request and response headers. */
    HEADERS,
    /** As {@link #HEADERS}, with the bodies: JSON with webhook header and payload values redacted. */
    FULL
}
