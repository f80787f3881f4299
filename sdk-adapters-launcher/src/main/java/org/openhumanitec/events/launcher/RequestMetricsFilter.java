package org.openhumanitec.events.launcher;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.http.Outcome;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.Function;

/**
 * Times every request into {@value FaceTelemetry#SERVER_REQUESTS}, tagged {@code method}, {@code uri} (the route's
 * template as the face names it, {@code UNKNOWN} for a path no route serves: never a raw path with its ids),
 * {@code status} and {@code outcome}. An asynchronous request (an MCP stream) is timed until it completes.
 */
final class RequestMetricsFilter implements Filter {

    private final MeterRegistry registry;
    private final Function<HttpServletRequest, String> route;

    RequestMetricsFilter(MeterRegistry registry, Function<HttpServletRequest, String> route) {
        this.registry = registry;
        this.route = route;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        HttpServletResponse answer = (HttpServletResponse) response;
        Timer.Sample sample = Timer.start(registry);
        try {
            chain.doFilter(request, response);
        } finally {
            if (request.isAsyncStarted()) {
                request.getAsyncContext().addListener(new AsyncListener() {
                    @Override
                    public void onComplete(AsyncEvent event) {
                        record(sample, http, answer);
                    }

                    @Override
                    public void onTimeout(AsyncEvent event) {}

                    @Override
                    public void onError(AsyncEvent event) {}

                    @Override
                    public void onStartAsync(AsyncEvent event) {}
                });
            } else {
                record(sample, http, answer);
            }
        }
    }

    private void record(Timer.Sample sample, HttpServletRequest request, HttpServletResponse response) {
        String uri = route.apply(request);
        int status = response.getStatus();
        sample.stop(Timer.builder(FaceTelemetry.SERVER_REQUESTS)
                .description("Requests the face answered")
                .tag("method", request.getMethod())
                .tag("uri", uri == null ? "UNKNOWN" : uri)
                .tag("status", Integer.toString(status))
                .tag("outcome", Outcome.forStatus(status).name())
                .register(registry));
    }
}
