package org.openhumanitec.events.api.errors;

import java.util.List;
import java.util.Map;

/** 422 Unprocessable Entity: the request is well-formed but cannot be applied. */
public class UnprocessableEntityException extends HumanitecApiException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception for a 422 response.
     *
     * @param error the decoded error body, or null
     * @param headers the response headers, or null
     * @param body the raw response body, or null
     */
    public UnprocessableEntityException(HumanitecError error, Map<String, List<String>> headers, String body) {
        super(422, error, headers, body);
    }

    /**
     * An exception for a 422 response with this error body, as an implementation without HTTP raises it.
     *
     * @param error the error body
     */
    public UnprocessableEntityException(HumanitecError error) {
        this(error, null, null);
    }
}
