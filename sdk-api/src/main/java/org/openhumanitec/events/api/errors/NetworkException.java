package org.openhumanitec.events.api.errors;

/**
 * No answer came from the server: the connection was refused or reset, or an I/O operation failed. Whether the
 * request may have reached the server decides whether a non-idempotent call may be retried.
 */
public class NetworkException extends HumanitecException {

    private static final long serialVersionUID = 1L;

    private final boolean mayHaveReachedServer;

    /**
     * An exception for a failed exchange.
     *
     * @param message what failed, without secrets
     * @param cause the I/O failure
     * @param mayHaveReachedServer false only when the request certainly never left (for example the connection
     *     was refused), so even a non-idempotent request may be sent again
     */
    public NetworkException(String message, Throwable cause, boolean mayHaveReachedServer) {
        super(message, cause);
        this.mayHaveReachedServer = mayHaveReachedServer;
    }

    /**
     * Whether the server may have received the request.
     *
     * @return false only when the request certainly never left this process
     */
    public boolean mayHaveReachedServer() {
        return mayHaveReachedServer;
    }
}
