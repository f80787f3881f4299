package org.openhumanitec.events.launcher;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code GET /metrics}: the registry's scrape in Prometheus text format 0.0.4. */
final class MetricsServlet extends HttpServlet {

    /** The content type of the Prometheus text format, version 0.0.4, which every Prometheus scrapes. */
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private static final long serialVersionUID = 1L;

    private final transient PrometheusMeterRegistry registry;

    MetricsServlet(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(200);
        response.setContentType(CONTENT_TYPE);
        registry.scrape(response.getOutputStream(), CONTENT_TYPE);
    }
}
