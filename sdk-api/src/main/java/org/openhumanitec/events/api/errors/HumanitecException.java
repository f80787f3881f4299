package org.openhumanitec.events.api.errors;

/** The base of every exception the Humanitec Event API throws. Unchecked; its message never holds a token. */
public class HumanitecException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception with a message and an optional cause.
     *
     * @param message what went wrong
     * @param cause the underlying failure, or null
     */
    public HumanitecException(String message, Throwable cause) {
        super(message, cause);
    }
}
