package org.openhumanitec.events.api.errors;

import java.util.List;
import java.util.Map;

/** 400 Bad Request: a value in the request is invalid. The message says which. */
public class BadRequestException extends HumanitecApiException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception for a 400 response.
     *
     * @param error the decoded error body, or null
     * @param headers the response headers, or null
     * @param body the raw response body, or null
     */
    public BadRequestException(HumanitecError error, Map<String, List<String>> headers, String body) {
        super(400, error, headers, body);
    }

    /**
     * An exception for a 400 response with this error body, as an implementation without HTTP raises it.
     *
     * @param error the error body
     */
    public BadRequestException(HumanitecError error) {
        this(error, null, null);
    }
}
