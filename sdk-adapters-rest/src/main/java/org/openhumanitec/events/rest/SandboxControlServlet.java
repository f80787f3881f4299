package org.openhumanitec.events.rest;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.openhumanitec.events.api.errors.HumanitecApiException;
import org.openhumanitec.events.api.model.Trigger;
import org.openhumanitec.events.jackson.HumanitecJson;
import org.openhumanitec.events.sandbox.Delivery;
import org.openhumanitec.events.sandbox.HumanitecSandbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sandbox's control routes, for tests outside the JVM: fire an event at an app's webhooks and read a webhook's
 * deliveries. They are not Humanitec's API and exist only where a {@link HumanitecSandbox} is served: mount this
 * servlet at {@code /sandbox/*} next to the {@link HumanitecRestServlet} (the standalone REST face does so in
 * sandbox mode, and in gateway mode these paths answer 404).
 *
 * <ul>
 *   <li>{@code POST /sandbox/v1/orgs/{orgId}/apps/{appId}/events} with {@code {"scope", "type", "values"}}: fires
 *       the event and waits for its deliveries (at most the sandbox's delivery timeout); answers 200
 *       {@code {"deliveries": [...]}}.
 *   <li>{@code GET /sandbox/v1/orgs/{orgId}/apps/{appId}/webhooks/{jobId}/deliveries}: the webhook's last
 *       deliveries, oldest first; 404 for an unknown webhook.
 * </ul>
 *
 * <p>Errors are Humanitec's error body, as on {@code /v1}: 400 naming the field, 404, 405, 413, 415.
 */
public final class SandboxControlServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(SandboxControlServlet.class);

    /** Where the servlet is mounted by the standalone face: {@value}. */
    public static final String MOUNT_PATH = "/sandbox";

    private static final ObjectReader TREE_READER = RequestBodies.readerFor(JsonNode.class);
    private static final ObjectMapper ANSWERS = HumanitecJson.newMapper()
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET, JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);

    /** The largest firing body accepted, as on {@code /v1} by default; a firing is a small object. */
    private static final int MAX_BODY_BYTES = HumanitecRestServlet.DEFAULT_MAX_BODY_BYTES;

    private final transient HumanitecSandbox sandbox;

    /**
     * A servlet controlling one sandbox, taking bodies up to {@link HumanitecRestServlet#DEFAULT_MAX_BODY_BYTES}.
     *
     * @param sandbox the sandbox, the one the REST servlet next to it serves
     */
    public SandboxControlServlet(HumanitecSandbox sandbox) {
        this.sandbox = Objects.requireNonNull(sandbox, "sandbox must not be null");
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        try {
            List<String> path = RawPath.segments(HumanitecRestServlet.rawPath(request));
            if (isFire(path)) {
                requireMethod(request, "POST");
                fire(path, request, response);
            } else if (isDeliveries(path)) {
                requireMethod(request, "GET");
                deliveries(path, response);
            } else {
                throw new RestProblem(
                        404,
                        "No sandbox route matches this path. The API document ("
                                + HumanitecRestServlet.API_DOCUMENT_PATH + ") lists the routes.");
            }
        } catch (RestProblem problem) {
            send(response, ErrorReplies.of(problem));
        } catch (HumanitecApiException e) {
            send(response, ErrorReplies.ofBackendFailure(e));
        } catch (RuntimeException e) {
            LOG.error("{} {} failed unexpectedly", request.getMethod(), request.getRequestURI(), e);
            send(response, ErrorReplies.adapterError(500, ErrorReplies.INTERNAL_ERROR_MESSAGE));
        }
    }

    /** {@code /v1/orgs/{orgId}/apps/{appId}/events} below the mount. */
    private static boolean isFire(List<String> path) {
        return path.size() == 6 && matchesAppPrefix(path) && path.get(5).equals("events");
    }

    /** {@code /v1/orgs/{orgId}/apps/{appId}/webhooks/{jobId}/deliveries} below the mount. */
    private static boolean isDeliveries(List<String> path) {
        return path.size() == 8
                && matchesAppPrefix(path)
                && path.get(5).equals("webhooks")
                && !path.get(6).isEmpty()
                && path.get(7).equals("deliveries");
    }

    private static boolean matchesAppPrefix(List<String> path) {
        return path.get(0).equals("v1")
                && path.get(1).equals("orgs")
                && !path.get(2).isEmpty()
                && path.get(3).equals("apps")
                && !path.get(4).isEmpty();
    }

    private static void requireMethod(HttpServletRequest request, String method) throws RestProblem {
        if (!method.equals(request.getMethod())) {
            throw new RestProblem(405, "This path takes " + method + " only.", Map.of(), Map.of("Allow", method));
        }
    }

    private void fire(List<String> path, HttpServletRequest request, HttpServletResponse response)
            throws RestProblem, IOException {
        String orgId = RawPath.parameter(path.get(2), "orgId");
        String appId = RawPath.parameter(path.get(4), "appId");
        JsonNode fire = RequestBodies.parse(RequestBodies.read(request, MAX_BODY_BYTES), TREE_READER);
        String scope = requireText(fire, "scope");
        String type = requireText(fire, "type");
        Map<String, String> values = values(fire.get("values"));
        List<Delivery> deliveries = sandbox.fire(orgId, appId, Trigger.of(scope, type), values);
        sendAnswer(
                response,
                Map.of(
                        "deliveries",
                        deliveries.stream().map(SandboxControlServlet::wire).toList()));
    }

    private void deliveries(List<String> path, HttpServletResponse response) throws RestProblem, IOException {
        String orgId = RawPath.parameter(path.get(2), "orgId");
        String appId = RawPath.parameter(path.get(4), "appId");
        String jobId = RawPath.parameter(path.get(6), "jobId");
        List<Delivery> deliveries = sandbox.deliveries(orgId, appId, jobId);
        sendAnswer(
                response, deliveries.stream().map(SandboxControlServlet::wire).toList());
    }

    private static String requireText(JsonNode body, String field) throws RestProblem {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual() || value.textValue().isBlank()) {
            throw RestProblem.badField(field, field + " is required: a non-blank string.");
        }
        return value.textValue();
    }

    /** The placeholder values: absent or null for none, else an object of strings. */
    private static Map<String, String> values(JsonNode values) throws RestProblem {
        if (values == null || values.isNull()) {
            return Map.of();
        }
        if (!values.isObject()) {
            throw RestProblem.badField("values", "values must be an object of strings.");
        }
        Map<String, String> strings = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> value : values.properties()) {
            if (!value.getValue().isTextual()) {
                throw RestProblem.badField(
                        "values." + value.getKey(), "values." + value.getKey() + " must be a string.");
            }
            strings.put(value.getKey(), value.getValue().textValue());
        }
        return strings;
    }

    /** A delivery on the wire, in the snake case of Humanitec's bodies; {@code status} and {@code error} may be null. */
    private static Map<String, Object> wire(Delivery delivery) {
        Map<String, Object> wire = new LinkedHashMap<>();
        wire.put("job_id", delivery.jobId());
        wire.put(
                "event",
                Map.of(
                        "scope", delivery.event().scope().value(),
                        "type", delivery.event().type().value()));
        wire.put("started_at", delivery.startedAt().toString());
        wire.put("duration_ms", delivery.duration().toMillis());
        wire.put("outcome", delivery.outcome().name());
        wire.put("status", delivery.status().isPresent() ? delivery.status().getAsInt() : null);
        wire.put("error", delivery.error().orElse(null));
        return wire;
    }

    private static void sendAnswer(HttpServletResponse response, Object answer) throws IOException {
        response.setStatus(200);
        response.setContentType("application/json");
        try {
            ANSWERS.writeValue(response.getOutputStream(), answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a sandbox answer could not be written", e);
        }
    }

    private static void send(HttpServletResponse response, ErrorReplies.Reply reply) throws IOException {
        reply.headers().forEach(response::setHeader);
        response.setStatus(reply.status());
        response.setContentType("application/json");
        response.setContentLength(reply.body().length);
        response.getOutputStream().write(reply.body());
    }
}
