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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Times every request into {@value FaceTelemetry#SERVER_REQUESTS}, tagged {@code method}, {@code uri} (the route's
 * template as the face names it, {@code UNKNOWN} for a path no route serves: never a raw path with its ids),
 * {@code status} and {@code outcome}. An asynchronous request (an MCP stream) is timed until it completes. Each
 * timer is built and registered once, on its first request, and kept by its tags' values: a timer's builder and
 * registry lookup cost more per request than the timing itself.
 */
final class RequestMetricsFilter implements Filter {

    private final MeterRegistry registry;
    private final Function<HttpServletRequest, String> route;
    private final Map<TimerKey, Timer> timers = new ConcurrentHashMap<>();

    /** The values of a timer's tags but the outcome, which the status gives. */
    private record TimerKey(String method, String uri, int status) {}

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
        TimerKey key = new TimerKey(request.getMethod(), uri == null ? "UNKNOWN" : uri, response.getStatus());
        Timer timer = timers.get(key);
        sample.stop(timer != null ? timer : timers.computeIfAbsent(key, this::register));
    }

    private Timer register(TimerKey key) {
        return Timer.builder(FaceTelemetry.SERVER_REQUESTS)
                .description("Requests the face answered")
                .tag("method", key.method())
                .tag("uri", key.uri())
                .tag("status", Integer.toString(key.status()))
                .tag("outcome", Outcome.forStatus(key.status()).name())
                .register(registry);
    }
}
