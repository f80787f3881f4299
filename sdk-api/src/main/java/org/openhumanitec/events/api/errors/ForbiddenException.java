package org.openhumanitec.events.api.errors;

import java.util.List;
import java.util.Map;

/** 403 Forbidden: the token is valid but lacks the role (creating or updating a webhook needs the organization's Administrator or the application's Owner role). */
public class ForbiddenException extends HumanitecApiException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception for a 403 response.
     *
     * @param error the decoded error body, or null
     * @param headers the response headers, or null
     * @param body the raw response body, or null
     */
    public ForbiddenException(HumanitecError error, Map<String, List<String>> headers, String body) {
        super(403, error, headers, body);
    }

    /**
     * An exception for a 403 response with this error body, as an implementation without HTTP raises it.
     *
     * @param error the error body
     */
    public ForbiddenException(HumanitecError error) {
        this(error, null, null);
    }
}
