package org.openhumanitec.events.rest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every route the servlet serves, and nothing else: the 7 operations of the Humanitec Event API under {@code /v1},
 * the two health checks, and the API document. The API document ({@code openapi.json}) describes all of them but
 * itself; a test holds the two lists together.
 */
enum Route {
    DELETE_ALL_JOBS("DELETE", "/v1/orgs/{orgId}/apps/{appId}/jobs", "deleteAllJobs", 204),
    LIST_WEBHOOKS("GET", "/v1/orgs/{orgId}/apps/{appId}/webhooks", "listWebhooks", 200),
    CREATE_WEBHOOK("POST", "/v1/orgs/{orgId}/apps/{appId}/webhooks", "createWebhook", 201),
    GET_WEBHOOK("GET", "/v1/orgs/{orgId}/apps/{appId}/webhooks/{jobId}", "getWebhook", 200),
    DELETE_WEBHOOK("DELETE", "/v1/orgs/{orgId}/apps/{appId}/webhooks/{jobId}", "deleteWebhook", 204),
    UPDATE_WEBHOOK("PATCH", "/v1/orgs/{orgId}/apps/{appId}/webhooks/{jobId}", "updateWebhook", 200),
    LIST_EVENTS("GET", "/v1/orgs/{orgId}/events", "listEvents", 200),
    LIVENESS("GET", HumanitecRestServlet.LIVENESS_PATH, "getLiveness", 200),
    READINESS("GET", HumanitecRestServlet.READINESS_PATH, "getReadiness", 200),
    API_DOCUMENT("GET", HumanitecRestServlet.API_DOCUMENT_PATH, null, 200);

    private final String method;
    private final String template;
    private final String operationId;
    private final int successStatus;
    private final List<String> segments;

    Route(String method, String template, String operationId, int successStatus) {
        this.method = method;
        this.template = template;
        this.operationId = operationId;
        this.successStatus = successStatus;
        this.segments = List.of(template.substring(1).split("/", -1));
    }

    /** The HTTP method, upper case. */
    String method() {
        return method;
    }

    /** The path template, as the API document writes it: {@code /v1/orgs/{orgId}/events}. */
    String template() {
        return template;
    }

    /** The API document's {@code operationId}; null for the document itself, which it does not describe. */
    String operationId() {
        return operationId;
    }

    /** The status of a successful answer, as Humanitec sends it: 200, 201 for create, 204 for the deletes. */
    int successStatus() {
        return successStatus;
    }

    /** Whether the route needs a caller's credentials: every route but the health checks and the API document. */
    boolean isApiOperation() {
        return this != LIVENESS && this != READINESS && this != API_DOCUMENT;
    }

    /**
     * The routes whose template matches a path, with the path's raw (still percent-encoded) parameter values.
     *
     * @param segments the path's segments, still percent-encoded, without the leading empty one
     * @return the match, or empty when no route has that path; an empty segment never fills a parameter, so
     *     {@code /webhooks/} is no route
     */
    static Optional<PathMatch> match(List<String> segments) {
        for (Route route : values()) {
            Map<String, String> parameters = route.parameters(segments);
            if (parameters != null) {
                List<Route> sameTemplate = new ArrayList<>();
                for (Route candidate : values()) {
                    if (candidate.template.equals(route.template)) {
                        sameTemplate.add(candidate);
                    }
                }
                return Optional.of(new PathMatch(List.copyOf(sameTemplate), parameters));
            }
        }
        return Optional.empty();
    }

    private Map<String, String> parameters(List<String> path) {
        if (path.size() != segments.size()) {
            return null;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < segments.size(); i++) {
            String expected = segments.get(i);
            if (expected.startsWith("{")) {
                if (path.get(i).isEmpty()) {
                    return null;
                }
                parameters.put(expected.substring(1, expected.length() - 1), path.get(i));
            } else if (!expected.equals(path.get(i))) {
                return null;
            }
        }
        return parameters;
    }

    /**
     * A path that some routes serve.
     *
     * @param routes the routes of that path, one per method
     * @param rawParameters the values of the path's parameters, still percent-encoded, in template order
     */
    record PathMatch(List<Route> routes, Map<String, String> rawParameters) {

        /** The route for a method, or empty when the path does not take that method. */
        Optional<Route> forMethod(String method) {
            return routes.stream().filter(r -> r.method.equals(method)).findFirst();
        }

        /** The {@code Allow} header for the path: its methods, in the routes' order. */
        String allow() {
            return routes.stream().map(Route::method).collect(Collectors.joining(", "));
        }
    }
}
