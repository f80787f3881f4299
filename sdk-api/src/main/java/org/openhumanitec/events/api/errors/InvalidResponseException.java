package org.openhumanitec.events.api.errors;

/**
 * The server answered with a success status, but its body cannot be read as the API's schema (not JSON, a
 * required field missing, a value of the wrong type).
 */
public class InvalidResponseException extends HumanitecException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String body;

    /**
     * An exception for an unreadable response.
     *
     * @param message what could not be read
     * @param status the HTTP status
     * @param body the raw body, or null; it is kept up to {@link HumanitecApiException#MAX_BODY_CHARS} characters
     * @param cause the parsing failure, or null
     */
    public InvalidResponseException(String message, int status, String body, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.body = HumanitecApiException.truncate(body);
    }

    /**
     * The HTTP status of the response.
     *
     * @return the status
     */
    public int status() {
        return status;
    }

    /**
     * The raw body, cut after {@link HumanitecApiException#MAX_BODY_CHARS} characters.
     *
     * @return the body, or null
     */
    public String body() {
        return body;
    }
}
