package org.openhumanitec.events.api.errors;

import java.util.List;
import java.util.Map;

/** An error status with no class of its own, such as 405 or 408, or a status outside the 4xx and 5xx ranges. */
public class UnexpectedStatusException extends HumanitecApiException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception for an error response.
     *
     * @param status the HTTP status
     * @param error the decoded error body, or null
     * @param headers the response headers, or null
     * @param body the raw response body, or null
     */
    public UnexpectedStatusException(int status, HumanitecError error, Map<String, List<String>> headers, String body) {
        super(status, error, headers, body);
    }
}
