package org.openhumanitec.events.webhooks;

/**
 * A request body that is not a webhook delivery: not JSON, or not a JSON object. The message says what is wrong
 * and where, and never quotes the body, which may carry secrets.
 */
public final class InvalidDeliveryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * A failure with a message safe to show the sender.
     *
     * @param message what is wrong with the body
     * @param cause the parser's failure, or null
     */
    public InvalidDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
