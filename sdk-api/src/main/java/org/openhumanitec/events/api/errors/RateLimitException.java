package org.openhumanitec.events.api.errors;

import java.util.List;
import java.util.Map;

/** 429 Too Many Requests: the caller is rate limited; the {@code Retry-After} header, when present, says how long to wait. */
public class RateLimitException extends HumanitecApiException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception for a 429 response.
     *
     * @param error the decoded error body, or null
     * @param headers the response headers, or null
     * @param body the raw response body, or null
     */
    public RateLimitException(HumanitecError error, Map<String, List<String>> headers, String body) {
        super(429, error, headers, body);
    }

    /**
     * An exception for a 429 response with this error body, as an implementation without HTTP raises it.
     *
     * @param error the error body
     */
    public RateLimitException(HumanitecError error) {
        this(error, null, null);
    }
}
