package org.openhumanitec.events.api.errors;

import java.util.List;
import java.util.Map;

/** 401 Unauthorized: the token is missing, malformed or no longer valid. */
public class UnauthorizedException extends HumanitecApiException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception for a 401 response.
     *
     * @param error the decoded error body, or null
     * @param headers the response headers, or null
     * @param body the raw response body, or null
     */
    public UnauthorizedException(HumanitecError error, Map<String, List<String>> headers, String body) {
        super(401, error, headers, body);
    }

    /**
     * An exception for a 401 response with this error body, as an implementation without HTTP raises it.
     *
     * @param error the error body
     */
    public UnauthorizedException(HumanitecError error) {
        this(error, null, null);
    }
}
