package org.openhumanitec.events.feign.internal;

import feign.FeignException;
import feign.codec.EncodeException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.Locale;
import javax.net.ssl.SSLHandshakeException;
import org.openhumanitec.events.api.errors.HumanitecException;
import org.openhumanitec.events.api.errors.NetworkException;
import org.openhumanitec.events.api.errors.NetworkTimeoutException;

/**
 * The one place where what Feign and the transports throw becomes an {@code sdk-api} exception. Feign wraps
 * I/O failures ({@code RetryableException}), decoding failures ({@code DecodeException}) and reading failures
 * ({@code FeignException}); none of those types leaves the client.
 *
 * <p>Whether a failed request may have reached the server decides whether create-webhook may be retried, so
 * it is answered conservatively: "certainly not" only when the failure happened while connecting. Those are, per
 * transport: {@link ConnectException} (refused; HC5's {@code HttpHostConnectException} is one),
 * {@link UnknownHostException}, {@link NoRouteToHostException}, {@link SSLHandshakeException}, the JDK client's
 * {@link HttpConnectTimeoutException}, HC5's {@code ConnectTimeoutException}, and the socket's own
 * {@code SocketTimeoutException("Connect timed out")} that OkHttp lets through.
 */
final class Failures {

    private static final String HC5_CONNECT_TIMEOUT = "org.apache.hc.client5.http.ConnectTimeoutException";
    private static final int MAX_CAUSES = 16;

    private Failures() {}

    /**
     * Translates what one attempt threw.
     *
     * @param operation the operation that failed
     * @param failure what Feign or the transport threw
     * @return the {@code sdk-api} exception to throw; any other runtime exception (a bug, not a failure of the
     *     exchange) is returned unchanged
     */
    static RuntimeException translate(Operation operation, RuntimeException failure) {
        if (failure instanceof HumanitecException) {
            return failure;
        }
        if (!(failure instanceof FeignException feign)) {
            return failure;
        }
        Throwable cause = feign.getCause();
        if (cause instanceof HumanitecException humanitec) {
            return humanitec;
        }
        if (cause instanceof IOException io) {
            // A status means a response had started to arrive: the request certainly reached the server.
            return network(operation, io, feign.status() > 0 || mayHaveReachedServer(io));
        }
        if (feign instanceof EncodeException) {
            return new HumanitecException(operation + ": " + feign.getMessage(), null);
        }
        return new HumanitecException(
                operation + " failed: " + feign.getClass().getSimpleName() + " (status " + feign.status() + ")", cause);
    }

    /**
     * The network exception for an I/O failure.
     *
     * @param operation the operation that failed
     * @param failure the I/O failure
     * @param mayHaveReachedServer whether the request may have reached the server
     * @return a {@link NetworkTimeoutException} for timeouts, else a {@link NetworkException}
     */
    static NetworkException network(Operation operation, IOException failure, boolean mayHaveReachedServer) {
        String message = operation + " failed: " + describe(failure);
        return isTimeout(failure)
                ? new NetworkTimeoutException(message, failure, mayHaveReachedServer)
                : new NetworkException(message, failure, mayHaveReachedServer);
    }

    /**
     * Whether the request may have left this process before the failure.
     *
     * @param failure the I/O failure
     * @return false only for failures that happen while connecting
     */
    static boolean mayHaveReachedServer(IOException failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < MAX_CAUSES; depth++, t = t.getCause()) {
            if (t instanceof ConnectException
                    || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException
                    || t instanceof SSLHandshakeException
                    || t instanceof HttpConnectTimeoutException
                    || HC5_CONNECT_TIMEOUT.equals(t.getClass().getName())
                    || (t instanceof SocketTimeoutException && isConnectTimeoutMessage(t.getMessage()))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isTimeout(IOException failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < MAX_CAUSES; depth++, t = t.getCause()) {
            if (t instanceof SocketTimeoutException
                    || t instanceof HttpTimeoutException
                    || HC5_CONNECT_TIMEOUT.equals(t.getClass().getName())
                    // OkHttp's AsyncTimeout reports an elapsed timeout as InterruptedIOException("timeout").
                    || (t instanceof InterruptedIOException && "timeout".equals(t.getMessage()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isConnectTimeoutMessage(String message) {
        return message != null && message.toLowerCase(Locale.ROOT).contains("connect timed out");
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank()
                ? failure.getClass().getSimpleName()
                : failure.getClass().getSimpleName() + ": " + message;
    }
}
