package org.openhumanitec.events.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document ({@code openapi.json}, served at {@code /v1/openapi.json}) describes exactly the routes the
 * servlet serves, and {@code docs/rest-adapter-openapi.json} is the same file. Spectral's {@code spectral:oas}
 * lint of it runs in {@code .ci/run}.
 */
class ApiDocumentTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS =
            Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private static JsonNode document() throws IOException {
        return JSON.readTree(ApiDocuments.adapterDocument());
    }

    /** Each operation of the document, keyed {@code METHOD /path}. */
    private static Map<String, JsonNode> operations(JsonNode document) {
        Map<String, JsonNode> operations = new TreeMap<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> item : path.getValue().properties()) {
                if (METHODS.contains(item.getKey())) {
                    operations.put(item.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(), item.getValue());
                }
            }
        }
        return operations;
    }

    /** What the document must say of a route: its operation id, its success status, whether it needs a token. */
    private record Described(String operationId, int successStatus, boolean isApiOperation) {}

    /**
     * The servlet's routes but the document itself, and the sandbox's control routes ({@link SandboxControlServlet},
     * served beside it in sandbox mode), keyed like {@link #operations}.
     */
    private static Map<String, Described> describedRoutes() {
        Map<String, Described> described = Arrays.stream(Route.values())
                .filter(route -> route != Route.API_DOCUMENT)
                .collect(Collectors.toMap(
                        r -> r.method() + " " + r.template(),
                        r -> new Described(r.operationId(), r.successStatus(), r.isApiOperation()),
                        (a, b) -> a,
                        TreeMap::new));
        described.put(
                "POST /sandbox/v1/orgs/{orgId}/apps/{appId}/events", new Described("fireSandboxEvent", 200, true));
        described.put(
                "GET /sandbox/v1/orgs/{orgId}/apps/{appId}/webhooks/{jobId}/deliveries",
                new Described("listSandboxDeliveries", 200, true));
        return described;
    }

    @Test
    void theDocument_describesExactlyTheRoutesServed() throws IOException {
        Map<String, JsonNode> documented = operations(document());
        Map<String, Described> served = describedRoutes();

        assertThat(documented.keySet()).containsExactlyElementsOf(served.keySet());
        assertThat(served.keySet().stream().filter(r -> r.contains(" /v1/orgs/")))
                .as("the 7 operations of Humanitec's Event API")
                .hasSize(7);
        served.forEach((key, route) -> {
            JsonNode operation = documented.get(key);
            assertThat(operation.path("operationId").asText()).as(key).isEqualTo(route.operationId());
            assertThat(operation.path("responses").has(Integer.toString(route.successStatus())))
                    .as("%s documents its success status %s", key, route.successStatus())
                    .isTrue();
        });
    }

    @Test
    void theDocument_saysWhichRoutesNeedAToken() throws IOException {
        JsonNode document = document();
        assertThat(document.path("security").get(0).has("bearerAuth")).isTrue();

        operations(document).forEach((key, operation) -> {
            Described route = describedRoutes().get(key);
            if (route.isApiOperation()) {
                assertThat(operation.has("security"))
                        .as(key + " uses the global bearer scheme")
                        .isFalse();
                assertThat(operation.path("responses").has("401"))
                        .as(key + " documents 401")
                        .isTrue();
            } else {
                assertThat(operation.path("security").isArray()
                                && operation.path("security").isEmpty())
                        .as(key + " needs no token")
                        .isTrue();
            }
        });
    }

    @Test
    void theDocument_isValidOpenApi3() {
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(ApiDocuments.adapterDocument());

        assertThat(parsed.getMessages()).isEmpty();
        assertThat(parsed.getOpenAPI().getOpenapi()).startsWith("3.0.");
    }

    @Test
    void theDocument_keepsHumanitecsSchemas() throws IOException {
        JsonNode ours = document().path("components").path("schemas");
        JsonNode humanitecs = JSON.readTree(ApiDocuments.humanitecDocument())
                .path("components")
                .path("schemas");

        for (Map.Entry<String, JsonNode> schema : humanitecs.properties()) {
            JsonNode mine = ours.path(schema.getKey());
            assertThat(mine.isObject()).as(schema.getKey()).isTrue();
            assertThat(names(mine.path("properties")))
                    .as("properties of " + schema.getKey())
                    .isEqualTo(names(schema.getValue().path("properties")));
            assertThat(mine.path("required"))
                    .as("required of " + schema.getKey())
                    .isEqualTo(schema.getValue().path("required"));
        }
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void theCopyInDocs_isTheServedDocument() throws IOException {
        assertThat(Files.readString(Path.of("../docs/rest-adapter-openapi.json")))
                .as(
                        "docs/rest-adapter-openapi.json: copy src/main/resources/org/openhumanitec/events/rest/openapi.json")
                .isEqualTo(ApiDocuments.adapterDocument());
    }

    @Test
    void theExchangeCheck_catchesAnAnswerThatBreaksTheDocuments() {
        Http.Answer noId = new Http.Answer(
                200, Map.of("Content-Type", List.of("application/json")), "{\"url\":null,\"disabled\":false}");
        Http.Answer undocumentedStatus =
                new Http.Answer(200, Map.of("Content-Type", List.of("application/json")), "{}");

        assertThat(ApiDocuments.problems("GET", "/v1/orgs/o/apps/a/webhooks/h", null, noId))
                .anySatisfy(p -> assertThat(p).startsWith("adapter document").contains("id"))
                .anySatisfy(
                        p -> assertThat(p).startsWith("Humanitec's document").contains("id"));
        assertThat(ApiDocuments.problems("DELETE", "/v1/orgs/o/apps/a/jobs", null, undocumentedStatus))
                .anySatisfy(p -> assertThat(p).startsWith("adapter document"));
    }
}
