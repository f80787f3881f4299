package org.openhumanitec.events.rest;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.MappingMatch;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.openhumanitec.events.api.BearerTokens;
import org.openhumanitec.events.api.HumanitecEventApi;
import org.openhumanitec.events.api.errors.HumanitecApiException;
import org.openhumanitec.events.api.errors.InvalidResponseException;
import org.openhumanitec.events.api.errors.NetworkException;
import org.openhumanitec.events.api.model.CreateWebhookRequest;
import org.openhumanitec.events.api.model.Event;
import org.openhumanitec.events.api.model.UpdateWebhookRequest;
import org.openhumanitec.events.api.model.UpdatedWebhook;
import org.openhumanitec.events.api.model.Webhook;
import org.openhumanitec.events.jackson.HumanitecJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes any implementation of {@link HumanitecEventApi} as Humanitec's own REST API under {@code /v1}: the same
 * paths, bodies, statuses and error bodies, so Humanitec's clients (this SDK's {@code HumanitecClient} among
 * them) work against it unchanged when pointed at {@code http://host:port/v1}. A Jakarta Servlet 6 servlet: mount it
 * at {@code /*} (or below a prefix, such as {@code /humanitec/*}) in any container.
 *
 * <p>Routes: the 7 operations ({@code DELETE /v1/orgs/{orgId}/apps/{appId}/jobs}, {@code GET} and {@code POST
 * /v1/orgs/{orgId}/apps/{appId}/webhooks}, {@code GET}, {@code DELETE} and {@code PATCH
 * /v1/orgs/{orgId}/apps/{appId}/webhooks/{jobId}}, {@code GET /v1/orgs/{orgId}/events}), {@code GET /healthz},
 * {@code GET /readyz}, and the OpenAPI document at {@code GET /v1/openapi.json}.
 *
 * <p>Errors are all Humanitec's error body {@code {error, message, details}}. The backend's API errors keep their
 * status and body ({@code Retry-After} passes through); its network failures become 502 or 504. The servlet's own
 * refusals use codes {@code ADAPTER-<status>}: 400 for a body of the wrong shape (naming the field) or a bad path
 * parameter, 401 for a missing token in pass-through mode, 404 for an unknown path, 405 with {@code Allow}, 413 for a
 * body over the limit, 415 for a body that is not {@code application/json}. No answer ever holds a stack trace, a
 * class name or a token; an unexpected failure is a plain 500, logged here.
 *
 * <p>Path segments are percent-decoded exactly once, after the path is split, so {@code a%2Fb} is the id {@code a/b};
 * a container must let encoded slashes and other characters through for such ids (Jetty 12: {@code UriCompliance}
 * allowing {@code AMBIGUOUS_PATH_SEPARATOR}, {@code SUSPICIOUS_PATH_CHARACTERS} and the others the standalone
 * launcher allows).
 *
 * <pre>{@code
 * HumanitecRestServlet servlet = HumanitecRestServlet.builder(HumanitecSandbox.create()).build();
 * context.addServlet(new ServletHolder(servlet), "/*");
 * }</pre>
 *
 * <p>The servlet does not check callers' tokens (put a filter such as the launcher's {@code BearerTokenFilter} in
 * front, letting {@link #isPublicRequest} through) and does not close the backend: its owner does.
 */
public final class HumanitecRestServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(HumanitecRestServlet.class);

    /** The largest request body accepted by default: {@value} bytes (1 MiB). */
    public static final int DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

    /** The most {@link Builder#maxBodyBytes(int)} may be set to: {@value} bytes (64 MiB). */
    public static final int MAX_BODY_BYTES_CEILING = 64 * 1024 * 1024;

    /** Where the OpenAPI document is served: {@value}. */
    public static final String API_DOCUMENT_PATH = "/v1/openapi.json";

    /**
     * The request attribute in which the servlet leaves the template of the route a request matched, such as
     * {@code /v1/orgs/{orgId}/events}, for metrics that must not tag by the ids in the path: {@value}. Absent when
     * no route has the path.
     */
    public static final String ROUTE_ATTRIBUTE = "org.openhumanitec.events.rest.route";

    /** The liveness check: {@value}. */
    public static final String LIVENESS_PATH = "/healthz";

    /** The readiness check: {@value}. */
    public static final String READINESS_PATH = "/readyz";

    /** The OpenAPI document on the classpath, next to this class. */
    static final String API_DOCUMENT_RESOURCE = "openapi.json";

    private static final String BEARER_CHALLENGE = "Bearer realm=\"humanitec-events\"";
    private static final byte[] LIVE = "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] READY = "{\"status\":\"ready\"}".getBytes(StandardCharsets.UTF_8);

    private static final ObjectReader CREATE_READER = RequestBodies.readerFor(CreateWebhookRequest.class);
    private static final ObjectReader UPDATE_READER = RequestBodies.readerFor(UpdateWebhookRequest.class);
    /**
     * Writes answers into the response's stream, neither closing nor flushing it: the container completes the
     * response, with a {@code Content-Length} when the answer fits its buffer (a flush would commit it first, and
     * send it chunked).
     */
    private static final ObjectMapper ANSWERS = HumanitecJson.newMapper()
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET, JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);

    private static final ObjectWriter WEBHOOK_WRITER = ANSWERS.writerFor(Webhook.class);
    private static final ObjectWriter WEBHOOKS_WRITER = ANSWERS.writerFor(new TypeReference<List<Webhook>>() {});
    private static final ObjectWriter UPDATED_WRITER = ANSWERS.writerFor(UpdatedWebhook.class);
    private static final ObjectWriter EVENTS_WRITER = ANSWERS.writerFor(new TypeReference<List<Event>>() {});

    private final transient Backend backend;
    private final int maxBodyBytes;
    private final byte[] apiDocument;
    private volatile boolean inService = true;

    private HumanitecRestServlet(Builder builder) {
        this.backend = builder.backend;
        this.maxBodyBytes = builder.maxBodyBytes;
        this.apiDocument = readApiDocument();
    }

    /**
     * A servlet publishing one backend to every caller.
     *
     * @param api the implementation to publish, such as the sandbox or a {@code HumanitecClient} holding the
     *     server's token; the servlet never closes it
     * @return a builder
     */
    public static Builder builder(HumanitecEventApi api) {
        Objects.requireNonNull(api, "api must not be null");
        return new Builder(request -> api);
    }

    /**
     * A servlet that acts with each caller's own token: every API request must carry {@code Authorization: Bearer
     * <token>} (else 401), and is served by the backend this function gives for that token, such as
     * {@code client::withToken} of a {@code HumanitecClient} built without a token of its own.
     *
     * @param apiForToken the backend for a caller's token; it may reject a token it cannot send with an
     *     {@link IllegalArgumentException}, which becomes a 401
     * @return a builder
     */
    public static Builder passThroughBuilder(Function<String, ? extends HumanitecEventApi> apiForToken) {
        Objects.requireNonNull(apiForToken, "apiForToken must not be null");
        return new Builder(request -> forCallerToken(request, apiForToken));
    }

    /**
     * Whether a request needs no credentials: the health checks and the API document. A token check in front of the
     * servlet lets these through.
     *
     * @param request a request to this servlet
     * @return true for {@code GET /healthz}, {@code /readyz} and {@code /v1/openapi.json}
     */
    public static boolean isPublicRequest(HttpServletRequest request) {
        return Route.match(RawPath.segments(rawPath(request)))
                .flatMap(match -> match.forMethod(request.getMethod()))
                .map(route -> !route.isApiOperation())
                .orElse(false);
    }

    /** Marks the servlet as going out of service: {@code /readyz} answers 503 from now on. */
    @Override
    public void destroy() {
        inService = false;
        super.destroy();
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        try {
            Route.PathMatch match = Route.match(RawPath.segments(rawPath(request)))
                    .orElseThrow(() -> new RestProblem(
                            404,
                            "No route matches this path. The API document (" + API_DOCUMENT_PATH
                                    + ") lists the routes."));
            request.setAttribute(ROUTE_ATTRIBUTE, match.routes().get(0).template());
            Optional<Route> route = match.forMethod(request.getMethod());
            if (route.isEmpty()) {
                throw new RestProblem(
                        405, "This path takes " + match.allow() + " only.", Map.of(), Map.of("Allow", match.allow()));
            }
            serve(route.get(), match.rawParameters(), request, response);
        } catch (RestProblem problem) {
            send(response, ErrorReplies.of(problem));
        } catch (RuntimeException e) {
            LOG.error("{} {} failed unexpectedly", request.getMethod(), rawPath(request), e);
            send(response, ErrorReplies.adapterError(500, ErrorReplies.INTERNAL_ERROR_MESSAGE));
        }
    }

    private void serve(
            Route route, Map<String, String> rawParameters, HttpServletRequest request, HttpServletResponse response)
            throws RestProblem, IOException {
        switch (route) {
            case LIVENESS -> sendJson(response, route.successStatus(), LIVE);
            case READINESS -> {
                if (!inService) {
                    throw new RestProblem(503, "The adapter is shutting down.");
                }
                sendJson(response, route.successStatus(), READY);
            }
            case API_DOCUMENT -> sendJson(response, route.successStatus(), apiDocument);
            default -> serveOperation(route, rawParameters, request, response);
        }
    }

    private void serveOperation(
            Route route, Map<String, String> rawParameters, HttpServletRequest request, HttpServletResponse response)
            throws RestProblem, IOException {
        HumanitecEventApi api = backend.forRequest(request);
        String orgId = RawPath.parameter(rawParameters.get("orgId"), "orgId");
        String appId =
                rawParameters.containsKey("appId") ? RawPath.parameter(rawParameters.get("appId"), "appId") : null;
        String jobId =
                rawParameters.containsKey("jobId") ? RawPath.parameter(rawParameters.get("jobId"), "jobId") : null;
        CreateWebhookRequest create = route == Route.CREATE_WEBHOOK
                ? RequestBodies.parse(RequestBodies.read(request, maxBodyBytes), CREATE_READER)
                : null;
        UpdateWebhookRequest update = route == Route.UPDATE_WEBHOOK
                ? RequestBodies.parse(RequestBodies.read(request, maxBodyBytes), UPDATE_READER)
                : null;
        Object answer;
        try {
            answer = switch (route) {
                case DELETE_ALL_JOBS -> {
                    api.jobs().deleteAll(orgId, appId);
                    yield null;
                }
                case LIST_WEBHOOKS -> api.webhooks().list(orgId, appId);
                case CREATE_WEBHOOK -> api.webhooks().create(orgId, appId, create);
                case GET_WEBHOOK -> api.webhooks().get(orgId, appId, jobId);
                case DELETE_WEBHOOK -> {
                    api.webhooks().delete(orgId, appId, jobId);
                    yield null;
                }
                case UPDATE_WEBHOOK -> api.webhooks().update(orgId, appId, jobId, update);
                case LIST_EVENTS -> api.events().list(orgId);
                default -> throw new IllegalStateException("not an API operation: " + route);
            };
        } catch (RuntimeException e) {
            ErrorReplies.Reply reply = ErrorReplies.ofBackendFailure(e);
            if (e instanceof NetworkException || e instanceof InvalidResponseException) {
                LOG.warn("{} failed: {}", route.operationId(), e.getMessage());
            } else if (!(e instanceof HumanitecApiException)) {
                LOG.error("{} failed unexpectedly", route.operationId(), e);
            }
            send(response, reply);
            return;
        }
        response.setStatus(route.successStatus());
        if (answer != null) {
            response.setContentType("application/json");
            // Straight into the response's buffer, not through an intermediate array: Jetty adds the
            // Content-Length itself when the whole answer fits in its buffer, as nearly every answer does.
            try {
                writerFor(route).writeValue(response.getOutputStream(), answer);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("the answer of " + route.operationId() + " could not be written", e);
            }
        }
    }

    /** The writer of an operation's answer. */
    private static ObjectWriter writerFor(Route route) {
        return switch (route) {
            case LIST_WEBHOOKS -> WEBHOOKS_WRITER;
            case CREATE_WEBHOOK, GET_WEBHOOK -> WEBHOOK_WRITER;
            case UPDATE_WEBHOOK -> UPDATED_WRITER;
            case LIST_EVENTS -> EVENTS_WRITER;
            default -> throw new IllegalStateException(route + " answers without a body");
        };
    }

    private static HumanitecEventApi forCallerToken(
            HttpServletRequest request, Function<String, ? extends HumanitecEventApi> apiForToken) throws RestProblem {
        String token = BearerTokens.fromAuthorization(request.getHeader("Authorization"))
                .orElse(null);
        if (token == null) {
            throw new RestProblem(
                    401,
                    "Send your Humanitec token as Authorization: Bearer <token>; this adapter acts with it.",
                    Map.of(),
                    Map.of("WWW-Authenticate", BEARER_CHALLENGE));
        }
        try {
            return Objects.requireNonNull(apiForToken.apply(token), "the backend for a token must not be null");
        } catch (IllegalArgumentException e) {
            throw new RestProblem(
                    401,
                    "The bearer token cannot be forwarded: it holds characters an HTTP header cannot carry.",
                    Map.of(),
                    Map.of("WWW-Authenticate", BEARER_CHALLENGE));
        }
    }

    /**
     * The request's path below the servlet, still percent-encoded: the raw request URI without the context path
     * and, for a servlet mapped below a prefix ({@code /humanitec/*}), without that prefix.
     */
    static String rawPath(HttpServletRequest request) {
        String path = request.getRequestURI();
        String context = request.getContextPath();
        if (context != null && !context.isEmpty() && path.startsWith(context)) {
            path = path.substring(context.length());
        }
        HttpServletMapping mapping = request.getHttpServletMapping();
        String servletPath = request.getServletPath();
        if (mapping != null
                && mapping.getMappingMatch() == MappingMatch.PATH
                && servletPath != null
                && !servletPath.isEmpty()
                && path.startsWith(servletPath)) {
            path = path.substring(servletPath.length());
        }
        return path.isEmpty() ? "/" : path;
    }

    private static void send(HttpServletResponse response, ErrorReplies.Reply reply) throws IOException {
        reply.headers().forEach(response::setHeader);
        sendJson(response, reply.status(), reply.body());
    }

    private static void sendJson(HttpServletResponse response, int status, byte[] body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static byte[] readApiDocument() {
        try (InputStream in = HumanitecRestServlet.class.getResourceAsStream(API_DOCUMENT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(
                        "the API document " + API_DOCUMENT_RESOURCE + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("the API document could not be read", e);
        }
    }

    /** Serves the API through one backend, or through the backend of each caller's token. */
    @FunctionalInterface
    private interface Backend {
        HumanitecEventApi forRequest(HttpServletRequest request) throws RestProblem;
    }

    /** Builds a {@link HumanitecRestServlet}. */
    public static final class Builder {
        private final Backend backend;
        private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;

        private Builder(Backend backend) {
            this.backend = backend;
        }

        /**
         * The largest request body accepted; a larger one is answered 413.
         *
         * @param maxBodyBytes 1 to {@value #MAX_BODY_BYTES_CEILING}; default {@value #DEFAULT_MAX_BODY_BYTES}
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder maxBodyBytes(int maxBodyBytes) {
            if (maxBodyBytes < 1 || maxBodyBytes > MAX_BODY_BYTES_CEILING) {
                throw new IllegalArgumentException(
                        "maxBodyBytes must be from 1 to " + MAX_BODY_BYTES_CEILING + ", not " + maxBodyBytes);
            }
            this.maxBodyBytes = maxBodyBytes;
            return this;
        }

        /**
         * Builds the servlet.
         *
         * @return the servlet, ready to mount
         */
        public HumanitecRestServlet build() {
            return new HumanitecRestServlet(this);
        }
    }
}
