package org.openhumanitec.events.api.errors;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The error body Humanitec sends with every error status ({@code HumanitecErrorResponse}), for example
 * {@code {"error":"API-000","message":"Could not validate token."}}.
 *
 * @param error a short code identifying the error, such as {@code API-000}; the schema requires it, so it is null
 *     only when a server breaks the schema
 * @param message a human-readable message; the schema requires it, so it is null only when a server breaks the
 *     schema
 * @param details additional information; unmodifiable, empty when the body has none
 */
public record HumanitecError(String error, String message, Map<String, Object> details) {

    /**
     * Copies the details.
     *
     * @param error the short code
     * @param message the message
     * @param details additional information; null is taken as empty
     */
    public HumanitecError {
        details = details == null || details.isEmpty()
                ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    /**
     * An error body without details.
     *
     * @param error the short code
     * @param message the message
     */
    public HumanitecError(String error, String message) {
        this(error, message, Map.of());
    }

    /**
     * The code of an error that a face serving the API (the REST or MCP adapter, their standalone servers) answers
     * itself rather than passing on one of Humanitec's, in Humanitec's code shape.
     *
     * @param status the HTTP status of the answer
     * @return {@code ADAPTER-<status>}, for example {@code ADAPTER-415}
     */
    public static String adapterCode(int status) {
        return "ADAPTER-" + status;
    }
}
