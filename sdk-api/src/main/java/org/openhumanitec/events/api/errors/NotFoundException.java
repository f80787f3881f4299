package org.openhumanitec.events.api.errors;

import java.util.List;
import java.util.Map;

/** 404 Not Found: the organization, application or webhook does not exist. */
public class NotFoundException extends HumanitecApiException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception for a 404 response.
     *
     * @param error the decoded error body, or null
     * @param headers the response headers, or null
     * @param body the raw response body, or null
     */
    public NotFoundException(HumanitecError error, Map<String, List<String>> headers, String body) {
        super(404, error, headers, body);
    }

    /**
     * An exception for a 404 response with this error body, as an implementation without HTTP raises it.
     *
     * @param error the error body
     */
    public NotFoundException(HumanitecError error) {
        this(error, null, null);
    }
}
