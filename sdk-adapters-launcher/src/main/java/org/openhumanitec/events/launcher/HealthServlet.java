package org.openhumanitec.events.launcher;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The health checks of a face whose servlet has none of its own (the MCP face), with the REST face's meaning:
 * {@value #LIVENESS_PATH} answers 200 {@code {"status":"ok"}} while the process serves at all;
 * {@value #READINESS_PATH} answers 200 {@code {"status":"ready"}} until the server starts to stop, then 503 with an
 * {@code ADAPTER-503} body, so a load balancer stops sending requests while those in flight drain. Mount it at both
 * paths; neither needs a token.
 */
public final class HealthServlet extends HttpServlet {

    /** The liveness check: {@value}. */
    public static final String LIVENESS_PATH = "/healthz";

    /** The readiness check: {@value}. */
    public static final String READINESS_PATH = "/readyz";

    private static final long serialVersionUID = 1L;
    private static final byte[] LIVE = "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] READY = "{\"status\":\"ready\"}".getBytes(StandardCharsets.UTF_8);

    private volatile boolean inService = true;

    /** A health servlet, in service. */
    public HealthServlet() {}

    /**
     * Whether a request is a health check, which needs no token.
     *
     * @param request a request
     * @return true for {@code GET} {@value #LIVENESS_PATH} and {@value #READINESS_PATH}
     */
    public static boolean isHealthCheck(HttpServletRequest request) {
        String path = request.getRequestURI();
        return "GET".equals(request.getMethod()) && (LIVENESS_PATH.equals(path) || READINESS_PATH.equals(path));
    }

    /** Marks the face as going out of service: {@value #READINESS_PATH} answers 503 from now on. */
    @Override
    public void destroy() {
        inService = false;
        super.destroy();
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        boolean readiness = READINESS_PATH.equals(request.getServletPath());
        byte[] body;
        if (!readiness) {
            body = LIVE;
        } else if (inService) {
            body = READY;
        } else {
            response.setStatus(503);
            body = AdapterErrors.body(503, "The adapter is shutting down.");
        }
        response.setContentType("application/json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
