package org.openhumanitec.events.api.errors;

import java.util.List;
import java.util.Map;

/** 409 Conflict: the webhook id is already used by a job of the organization. */
public class ConflictException extends HumanitecApiException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception for a 409 response.
     *
     * @param error the decoded error body, or null
     * @param headers the response headers, or null
     * @param body the raw response body, or null
     */
    public ConflictException(HumanitecError error, Map<String, List<String>> headers, String body) {
        super(409, error, headers, body);
    }

    /**
     * An exception for a 409 response with this error body, as an implementation without HTTP raises it.
     *
     * @param error the error body
     */
    public ConflictException(HumanitecError error) {
        this(error, null, null);
    }
}
