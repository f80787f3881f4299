package org.openhumanitec.events.api.errors;

/** No answer came in time: connecting, reading, or the whole call (all attempts together) took too long. */
public class NetworkTimeoutException extends NetworkException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception for a timeout.
     *
     * @param message which timeout elapsed, and after how long
     * @param cause the underlying failure, or null
     * @param mayHaveReachedServer false only when the request certainly never left (a connect timeout)
     */
    public NetworkTimeoutException(String message, Throwable cause, boolean mayHaveReachedServer) {
        super(message, cause, mayHaveReachedServer);
    }
}
