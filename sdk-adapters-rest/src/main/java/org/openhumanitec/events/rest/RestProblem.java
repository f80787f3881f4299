package org.openhumanitec.events.rest;

import java.util.Map;

/**
 * A request the adapter itself turns away, before or instead of calling the backend: the status, a message for the
 * caller (never a class name, a stack trace or a secret), optional details and response headers. It becomes an
 * {@code ADAPTER-<status>} error body. It carries no stack trace: it is an answer, not a failure.
 */
final class RestProblem extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient Map<String, Object> details;
    private final transient Map<String, String> headers;

    RestProblem(int status, String message, Map<String, Object> details, Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.details = Map.copyOf(details);
        this.headers = Map.copyOf(headers);
    }

    RestProblem(int status, String message) {
        this(status, message, Map.of(), Map.of());
    }

    /** A 400 naming the field that is wrong, in the message and in {@code details.field}. */
    static RestProblem badField(String field, String message) {
        return new RestProblem(400, message, Map.of("field", field), Map.of());
    }

    int status() {
        return status;
    }

    Map<String, Object> details() {
        return details;
    }

    Map<String, String> headers() {
        return headers;
    }
}
