package org.openhumanitec.events.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator.ValidationResponse;
import io.modelcontextprotocol.json.schema.jackson2.DefaultJsonSchemaValidator;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.openhumanitec.events.jackson.HumanitecJson;
import org.openhumanitec.events.sandbox.HumanitecSandbox;

/**
 * The check of structured content while it is written: the same verdicts as networknt (the SDK's default validator)
 * on the tools' results and on every one-step change of them, the same text as the mapper writes, findings that
 * name the place, and networknt left to decide what the check cannot follow.
 */
class OutputSchemaCheckTest {

    private static final ObjectMapper WIRE = HumanitecJson.newMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonSchemaValidator NETWORKNT = new DefaultJsonSchemaValidator();
    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {};

    private final HumanitecMcpTools tools = HumanitecMcpTools.over(HumanitecSandbox.create());

    @Test
    void everyToolsOutputSchema_compiles() {
        for (HumanitecTool tool : HumanitecTool.values()) {
            assertThat(OutputSchemaCheck.compile(outputSchema(tool)))
                    .as(tool.toolName())
                    .isPresent();
        }
    }

    @Test
    void theToolsResults_areWrittenAsTheMapperWritesThem_andPass() throws Exception {
        for (Map.Entry<HumanitecTool, Object> result : results().entrySet()) {
            OutputSchemaCheck check = check(result.getKey());

            OutputSchemaCheck.Written written = check.write(WIRE, result.getValue());

            assertThat(written.json())
                    .as(result.getKey().toolName())
                    .isEqualTo(WIRE.writeValueAsString(result.getValue()));
            assertThat(written.findings()).as(result.getKey().toolName()).isEmpty();
            assertThat(written.checked()).isTrue();
        }
    }

    @Test
    void everyOneStepChangeOfTheResults_getsNetworkntsVerdict() {
        int changes = 0;
        int refused = 0;
        for (Map.Entry<HumanitecTool, Object> result : results().entrySet()) {
            Map<String, Object> schema = outputSchema(result.getKey());
            OutputSchemaCheck check = check(result.getKey());
            JsonNode tree = WIRE.valueToTree(result.getValue());
            for (JsonNode changed : oneStepChanges(tree)) {
                boolean valid = NETWORKNT.validate(schema, changed).valid();
                OutputSchemaCheck.Written written = check.write(WIRE, changed);
                assertThat(written.findings().isEmpty())
                        .as(
                                "%s: %s (networknt: %s, check: %s)",
                                result.getKey().toolName(), changed, valid, written.findings())
                        .isEqualTo(valid);
                changes++;
                refused += valid ? 0 : 1;
            }
        }
        // Enough changes, and both verdicts among them, for the comparison to mean something.
        assertThat(changes).isGreaterThan(300);
        assertThat(refused).isBetween(changes / 10, changes - changes / 10);
    }

    @Test
    void findings_nameThePlaceAsAJsonPointer() throws Exception {
        OutputSchemaCheck check = check(HumanitecTool.LIST_WEBHOOKS);
        JsonNode content = WIRE.readTree("{\"webhooks\":[{\"id\":\"w\",\"url\":null,\"disabled\":false,\"headers\":{},"
                + "\"payload\":{},\"triggers\":[]},{\"id\":\"v\",\"disabled\":\"no\",\"headers\":{},\"payload\":[],"
                + "\"triggers\":[{\"scope\":\"deployment\"}]}]}");

        assertThat(check.write(WIRE, content).findings())
                .containsExactly(
                        "/webhooks/1/disabled: boolean or null expected, string found",
                        "/webhooks/1/payload: object expected, array found",
                        "/webhooks/1/triggers/0: required property 'type' not found",
                        "/webhooks/1: required property 'url' not found");
    }

    @Test
    void aConstant_mustBeMet() {
        OutputSchemaCheck check = check(HumanitecTool.DELETE_ALL_JOBS);
        ObjectNode content = NODES.objectNode()
                .put("deleted", true)
                .put("orgId", "o")
                .put("appId", "a")
                .put("scope", "some-jobs");

        assertThat(check.write(WIRE, content).findings()).containsExactly("/scope: must be the constant all-jobs");
    }

    @Test
    void rawJson_isNotFollowed_soNetworkntDecides() throws Exception {
        ToolSchemaValidator validator = (ToolSchemaValidator) tools.schemaValidator();
        Map<String, Object> schema = outputSchema(HumanitecTool.GET_WEBHOOK);
        Consumer<ObjectNode> webhook = node -> node.put("id", "w")
                .put("url", "https://h.example.com/")
                .<ObjectNode>set("headers", NODES.objectNode())
                .<ObjectNode>set("payload", NODES.objectNode())
                .set("triggers", NODES.arrayNode());
        ObjectNode valid = NODES.objectNode();
        webhook.accept(valid);
        valid.set("disabled", NODES.rawValueNode(new RawValue("false")));
        ObjectNode invalid = valid.deepCopy();
        invalid.set("disabled", NODES.rawValueNode(new RawValue("\"no\"")));

        assertThat(check(HumanitecTool.GET_WEBHOOK).write(WIRE, valid).checked())
                .isFalse();
        ValidationResponse accepted = validator.validate(schema, new ToolOutput(WIRE, valid));
        assertThat(accepted.valid()).isTrue();
        assertThat(accepted.jsonStructuredOutput()).isEqualTo(WIRE.writeValueAsString(valid));
        assertThat(validator.validate(schema, new ToolOutput(WIRE, invalid)).errorMessage())
                .startsWith("Validation failed: JSON schema validation errors: ")
                .contains("disabled");
    }

    @Test
    void schemasWithWhatIsNotCompiled_areLeftToAFullValidator() throws Exception {
        for (String schema : List.of(
                "{\"type\":\"object\",\"minProperties\":1}",
                "{\"type\":\"number\"}",
                "{\"type\":[\"string\",\"null\"]}",
                "{\"anyOf\":[{\"type\":\"string\"},{\"type\":\"string\",\"minLength\":1}]}",
                "{\"anyOf\":[{\"type\":\"string\"},{\"const\":null}]}",
                "{\"type\":\"object\",\"additionalProperties\":{\"type\":\"string\"}}",
                "{\"type\":\"array\",\"items\":[{\"type\":\"string\"}]}",
                "{\"const\":{\"a\":1}}",
                "{\"$ref\":\"#/$defs/x\"}")) {
            assertThat(OutputSchemaCheck.compile(WIRE.readValue(schema, JSON_OBJECT)))
                    .as(schema)
                    .isEmpty();
        }
    }

    @Test
    void theValidator_givesTheTextItWroteWhileChecking() throws Exception {
        JsonSchemaValidator validator = tools.schemaValidator();
        Object webhooks = results().get(HumanitecTool.LIST_WEBHOOKS);
        ToolOutput output = new ToolOutput(WIRE, webhooks);

        ValidationResponse response = validator.validate(outputSchema(HumanitecTool.LIST_WEBHOOKS), output);

        assertThat(response.valid()).as(response.errorMessage()).isTrue();
        assertThat(response.jsonStructuredOutput()).isEqualTo(WIRE.writeValueAsString(webhooks));
        assertThat(output.json()).isSameAs(response.jsonStructuredOutput());
    }

    @Test
    void theCheckingGenerator_overridesEveryWriteOfJacksonsDelegate_butThoseRoutedBackThroughIt() throws Exception {
        Class<?> checking = Class.forName(OutputSchemaCheck.class.getName() + "$CheckingGenerator");
        Set<String> routedBack =
                Set.of("writeObject", "writePOJO", "writeTree", "copyCurrentEvent", "copyCurrentStructure");
        List<String> missing = new ArrayList<>();
        for (Method method : JsonGeneratorDelegate.class.getDeclaredMethods()) {
            boolean writes =
                    method.getName().startsWith("write") || method.getName().startsWith("copy");
            if (!writes || !Modifier.isPublic(method.getModifiers()) || routedBack.contains(method.getName())) {
                continue;
            }
            try {
                checking.getDeclaredMethod(method.getName(), method.getParameterTypes());
            } catch (NoSuchMethodException e) {
                missing.add(method.toString());
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void contentWrittenThroughTheGeneratorsCopyMethods_isCheckedToo() throws Exception {
        OutputSchemaCheck check = check(HumanitecTool.LIST_EVENTS);
        Map<String, Object> events = Map.of(
                "events", List.of(NODES.objectNode().put("scope", "environment").put("type", 1)));

        assertThat(check.write(WIRE, events).findings())
                .containsExactly(
                        "/events/0/type: string expected, number found",
                        "/events/0: required property 'properties' not found");
    }

    /**
     * The tools' results, as the tools make them (records of the API, maps of them, trees), from the sandbox: a
     * webhook is created, listed, read, changed and deleted, then the events listed and the app's jobs deleted.
     */
    private Map<HumanitecTool, Object> results() {
        Map<HumanitecTool, Object> results = new EnumMap<>(HumanitecTool.class);
        Map<String, Object> app = Map.of("orgId", "acme-corp", "appId", "billing-api");
        Map<String, Object> webhook = Map.of("orgId", "acme-corp", "appId", "billing-api", "jobId", "checked");
        Map<HumanitecTool, Map<String, Object>> calls = new LinkedHashMap<>();
        calls.put(
                HumanitecTool.CREATE_WEBHOOK,
                Map.of(
                        "orgId",
                        "acme-corp",
                        "appId",
                        "billing-api",
                        "body",
                        Map.of(
                                "id",
                                "checked",
                                "url",
                                "https://hooks.example.com/caf\u00e9?q=1",
                                "headers",
                                Map.of("X-Token", "t\\n\"quoted\""),
                                "triggers",
                                List.of())));
        calls.put(HumanitecTool.LIST_WEBHOOKS, app);
        calls.put(HumanitecTool.GET_WEBHOOK, webhook);
        calls.put(
                HumanitecTool.UPDATE_WEBHOOK,
                Map.of(
                        "orgId",
                        "acme-corp",
                        "appId",
                        "billing-api",
                        "jobId",
                        "checked",
                        "body",
                        Map.of("disabled", true)));
        calls.put(HumanitecTool.DELETE_WEBHOOK, webhook);
        calls.put(HumanitecTool.LIST_EVENTS, Map.of("orgId", "acme-corp"));
        calls.put(HumanitecTool.DELETE_ALL_JOBS, app);
        calls.forEach((tool, arguments) -> {
            CallToolResult result = statelessResult(tool, arguments);
            assertThat(result.isError())
                    .as(tool.toolName() + ": " + result.content())
                    .isFalse();
            results.put(tool, ((ToolOutput) result.structuredContent()).value());
        });
        assertThat(results).hasSize(HumanitecTool.values().length);
        return results;
    }

    private CallToolResult statelessResult(HumanitecTool tool, Map<String, Object> arguments) {
        return ToolResultsTest.statelessCall(tools, tool, arguments);
    }

    /**
     * Every tree one step away from the given one: each member left out, each value replaced by one of each JSON
     * type (and by a string that is not the original), each object given an unknown member, each array emptied.
     */
    private static List<JsonNode> oneStepChanges(JsonNode tree) {
        List<JsonNode> changes = new ArrayList<>();
        List<JsonNode> replacements = List.of(
                NODES.nullNode(),
                NODES.textNode("x"),
                NODES.booleanNode(true),
                NODES.numberNode(1),
                NODES.objectNode(),
                NODES.arrayNode().add("x"));
        collect(tree, tree, new ArrayList<>(), replacements, changes);
        return changes;
    }

    private static void collect(
            JsonNode root, JsonNode node, List<Object> path, List<JsonNode> replacements, List<JsonNode> changes) {
        if (node.isObject()) {
            changes.add(changed(root, path, n -> ((ObjectNode) n).put("unknown-member", 1)));
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                changes.add(changed(root, path, n -> ((ObjectNode) n).remove(name)));
                for (JsonNode replacement : replacements) {
                    changes.add(changed(root, path, n -> ((ObjectNode) n).set(name, replacement.deepCopy())));
                }
                List<Object> below = new ArrayList<>(path);
                below.add(name);
                collect(root, node.get(name), below, replacements, changes);
            }
        } else if (node.isArray() && !node.isEmpty()) {
            changes.add(changed(root, path, n -> ((ArrayNode) n).removeAll()));
            for (int i = 0; i < Math.min(node.size(), 2); i++) {
                int index = i;
                for (JsonNode replacement : replacements) {
                    changes.add(changed(root, path, n -> ((ArrayNode) n).set(index, replacement.deepCopy())));
                }
                List<Object> below = new ArrayList<>(path);
                below.add(i);
                collect(root, node.get(i), below, replacements, changes);
            }
        }
    }

    private static JsonNode changed(JsonNode root, List<Object> path, Consumer<JsonNode> change) {
        JsonNode copy = root.deepCopy();
        JsonNode at = copy;
        for (Object step : path) {
            at = step instanceof String name ? at.get(name) : at.get((Integer) step);
        }
        change.accept(at);
        return copy;
    }

    private Map<String, Object> outputSchema(HumanitecTool tool) {
        return tools.definition(tool).outputSchema();
    }

    private OutputSchemaCheck check(HumanitecTool tool) {
        return OutputSchemaCheck.compile(outputSchema(tool)).orElseThrow();
    }
}
