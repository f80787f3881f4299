package org.openhumanitec.events.mcp;

import java.util.Locale;
import org.openhumanitec.events.api.errors.HumanitecApiException;
import org.openhumanitec.events.api.errors.InvalidResponseException;
import org.openhumanitec.events.api.errors.NetworkException;
import org.openhumanitec.events.api.errors.NetworkTimeoutException;

/**
 * Told of every tool call once its result is ready, for metrics: the MCP face times each tool with it. Called on
 * the thread that ran the tool; it must be quick and must not throw. It may also hold something open on that thread
 * while the call runs ({@link #starting}): the MCP face continues the caller's W3C trace context with it.
 */
@FunctionalInterface
public interface ToolCallListener {

    /** Listens to nothing. */
    ToolCallListener NONE = (tool, status, nanos) -> {};

    /**
     * A tool call ended.
     *
     * @param tool the tool
     * @param status how it ended
     * @param nanos how long it took, arguments' check included
     */
    void called(HumanitecTool tool, Status status, long nanos);

    /**
     * A tool call is about to run, on the thread that runs it, for an HTTP request that carried the given W3C trace
     * context headers; the scope returned is closed on that thread once the call ended. Nothing by default.
     *
     * @param traceparent the request's {@code traceparent} header as sent, or null (stdio, or none sent)
     * @param tracestate the request's {@code tracestate} header as sent, or null
     * @return what to close after the call
     */
    default Scope starting(String traceparent, String tracestate) {
        return Scope.NONE;
    }

    /** What a listener holds open on a tool's thread while the call runs. */
    @FunctionalInterface
    interface Scope extends AutoCloseable {

        /** Holds nothing. */
        Scope NONE = () -> {};

        /** Releases it, on the thread that ran the call. */
        @Override
        void close();
    }

    /**
     * How a tool call ended: a few values, so that metrics stay bounded.
     *
     * @param value {@code ok}, {@code invalid_arguments}, Humanitec's HTTP status ({@code 404}, …),
     *     {@code network_error}, {@code network_timeout}, {@code invalid_response} or {@code internal_error}
     * @param outcome {@code SUCCESS}; {@code CLIENT_ERROR} for invalid arguments and Humanitec's 4xx;
     *     {@code SERVER_ERROR} for everything else that failed
     */
    record Status(String value, String outcome) {

        /** The call succeeded. */
        public static final Status OK = new Status("ok", "SUCCESS");

        /** The arguments were refused before any call. */
        public static final Status INVALID_ARGUMENTS = new Status("invalid_arguments", "CLIENT_ERROR");

        /**
         * The status of a failed call.
         *
         * @param failure what the backend threw
         * @return the status naming the failure's kind
         */
        static Status of(RuntimeException failure) {
            if (failure instanceof HumanitecApiException api) {
                return new Status(Integer.toString(api.status()), api.status() < 500 ? "CLIENT_ERROR" : "SERVER_ERROR");
            }
            String kind = failure instanceof NetworkTimeoutException
                    ? "network_timeout"
                    : failure instanceof NetworkException
                            ? "network_error"
                            : failure instanceof InvalidResponseException ? "invalid_response" : "internal_error";
            return new Status(kind.toLowerCase(Locale.ROOT), "SERVER_ERROR");
        }
    }
}
