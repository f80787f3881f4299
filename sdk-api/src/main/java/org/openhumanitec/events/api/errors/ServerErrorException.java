package org.openhumanitec.events.api.errors;

import java.util.List;
import java.util.Map;

/** A 5xx status: the server failed. 500, 502, 503 and 504 are worth retrying; 501 and 505 are not. */
public class ServerErrorException extends HumanitecApiException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception for an error response.
     *
     * @param status the HTTP status, 500 to 599
     * @param error the decoded error body, or null
     * @param headers the response headers, or null
     * @param body the raw response body, or null
     */
    public ServerErrorException(int status, HumanitecError error, Map<String, List<String>> headers, String body) {
        super(status, error, headers, body);
    }
}
