package org.openhumanitec.events.launcher;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.transport.SenderContext;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Continues a caller's W3C trace into the gateway's upstream calls: the {@link #filter()} keeps a request's valid
 * {@code traceparent} (and its {@code tracestate}) for the thread that serves it, and the {@link #handler()}, an
 * observation handler of the client's {@link SenderContext} (feign-micrometer's {@code FeignContext}), sets them on
 * the request to Humanitec through the context's own setter, the seam tracing bridges inject through. The face takes
 * no part in the trace itself (it starts no span): it forwards the context unchanged, as the W3C Trace Context
 * specification lets an intermediary do, so Humanitec's side of the call joins the caller's trace. A malformed
 * {@code traceparent} is not forwarded. Where a request is served on another thread than the filter's (an MCP tool
 * runs on Reactor's scheduler), {@link #continueOn} keeps the context for that thread instead.
 */
final class TraceContextForwarding {

    /** The W3C header naming the caller's trace and span. */
    static final String TRACEPARENT = "traceparent";

    /** The W3C header carrying vendors' trace state. */
    static final String TRACESTATE = "tracestate";

    /** Version 00 and later versions' first four fields; all-zero ids and version ff are invalid. */
    private static final Pattern VALID = Pattern.compile("[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}(-.*)?");

    private final ThreadLocal<Incoming> current = new ThreadLocal<>();

    private record Incoming(String traceparent, String tracestate) {}

    /**
     * Keeps each request's trace context for the thread that serves it.
     *
     * @return the filter
     */
    Filter filter() {
        return new Filter() {
            @Override
            public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                    throws IOException, ServletException {
                HttpServletRequest http = (HttpServletRequest) request;
                String traceparent = http.getHeader(TRACEPARENT);
                if (traceparent == null || !isValid(traceparent)) {
                    chain.doFilter(request, response);
                    return;
                }
                current.set(new Incoming(traceparent, http.getHeader(TRACESTATE)));
                try {
                    chain.doFilter(request, response);
                } finally {
                    current.remove();
                }
            }
        };
    }

    /**
     * Keeps a caller's trace context for the current thread until the returned scope is closed, for a request served
     * on another thread than the one the {@link #filter()} ran on.
     *
     * @param traceparent the caller's {@code traceparent}, or null
     * @param tracestate the caller's {@code tracestate}, or null
     * @return the scope, which restores what the thread kept before
     */
    FaceTelemetry.Scope continueOn(String traceparent, String tracestate) {
        if (traceparent == null || !isValid(traceparent)) {
            return () -> {};
        }
        Incoming before = current.get();
        current.set(new Incoming(traceparent, tracestate));
        return () -> {
            if (before == null) {
                current.remove();
            } else {
                current.set(before);
            }
        };
    }

    /**
     * Sets the kept trace context on every outgoing request observed on the serving thread.
     *
     * @return the handler
     */
    ObservationHandler<SenderContext<Object>> handler() {
        return new ObservationHandler<>() {
            @Override
            public void onStart(SenderContext<Object> context) {
                Incoming incoming = current.get();
                if (incoming == null || context.getCarrier() == null) {
                    return;
                }
                context.getSetter().set(context.getCarrier(), TRACEPARENT, incoming.traceparent());
                if (incoming.tracestate() != null) {
                    context.getSetter().set(context.getCarrier(), TRACESTATE, incoming.tracestate());
                }
            }

            @Override
            public boolean supportsContext(Observation.Context context) {
                return context instanceof SenderContext;
            }
        };
    }

    /** Whether a {@code traceparent} is well formed: lower-case hex fields, non-zero ids, a version other than ff. */
    static boolean isValid(String traceparent) {
        return VALID.matcher(traceparent).matches()
                && !traceparent.startsWith("ff")
                && !traceparent.substring(3, 35).chars().allMatch(c -> c == '0')
                && !traceparent.substring(36, 52).chars().allMatch(c -> c == '0')
                && (!traceparent.startsWith("00") || traceparent.length() == 55);
    }
}
