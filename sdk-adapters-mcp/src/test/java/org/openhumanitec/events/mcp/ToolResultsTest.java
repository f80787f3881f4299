package org.openhumanitec.events.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator.ValidationResponse;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.openhumanitec.events.api.HumanitecEventApi;
import org.openhumanitec.events.api.WebhooksApi;
import org.openhumanitec.events.sandbox.HumanitecSandbox;

/**
 * How the tools hand their results to the MCP SDK: structured content turned into JSON once (a tree the server
 * validates and writes as text), the tools' schemas compiled once for the SDK's validation, and a stateless call run
 * on the thread that asks for it.
 */
class ToolResultsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Object> LIST_ARGUMENTS = Map.of("orgId", "o", "appId", "a");
    private static final String WEBHOOKS = "{\"webhooks\":[{\"id\":\"w\",\"url\":\"https://h.example.com/\u00e9\","
            + "\"disabled\":false,\"headers\":{\"X-Quote\":\"say \\\"hi\\\"\"},\"payload\":{\"n\":1.50,\"big\":12345678901234567890},"
            + "\"triggers\":[{\"scope\":\"deployment\",\"type\":\"finished\"}]}]}";

    private final HumanitecMcpTools tools = HumanitecMcpTools.over(HumanitecSandbox.create());

    @Test
    void schemaValidator_knowsEveryToolsSchemas() {
        ToolSchemaValidator validator = (ToolSchemaValidator) tools.schemaValidator();

        for (HumanitecTool tool : HumanitecTool.values()) {
            McpSchema.Tool definition = tools.definition(tool);
            assertThat(validator.isToolSchema(definition.inputSchema()))
                    .as(tool + " input")
                    .isTrue();
            assertThat(validator.isToolSchema(definition.outputSchema()))
                    .as(tool + " output")
                    .isTrue();
        }
    }

    @Test
    void schemaValidator_validatesATreeAsItIs_andGivesItsJsonAsText() throws Exception {
        JsonSchemaValidator validator = tools.schemaValidator();
        JsonNode webhooks = JSON.readTree("{\"webhooks\":[{\"id\":\"w\",\"url\":null,\"disabled\":false,"
                + "\"headers\":{},\"payload\":{},\"triggers\":[{\"scope\":\"deployment\",\"type\":\"finished\"}]}]}");

        ValidationResponse response =
                validator.validate(tools.definition(HumanitecTool.LIST_WEBHOOKS).outputSchema(), webhooks);

        assertThat(response.valid()).as(response.errorMessage()).isTrue();
        assertThat(JSON.readTree(response.jsonStructuredOutput())).isEqualTo(webhooks);
    }

    @Test
    void schemaValidator_refusesContentOutsideTheSchema_withTheSdksMessage() throws Exception {
        JsonSchemaValidator validator = tools.schemaValidator();
        JsonNode missingUrl = JSON.readTree("{\"webhooks\":[{\"id\":\"w\",\"disabled\":false,\"headers\":{},"
                + "\"payload\":{},\"triggers\":[]}]}");

        ValidationResponse response =
                validator.validate(tools.definition(HumanitecTool.LIST_WEBHOOKS).outputSchema(), missingUrl);

        assertThat(response.valid()).isFalse();
        assertThat(response.errorMessage())
                .startsWith("Validation failed: JSON schema validation errors: ")
                .contains("url");
    }

    @Test
    void schemaValidator_checksArgumentsAgainstTheInputSchema() {
        JsonSchemaValidator validator = tools.schemaValidator();
        Map<String, Object> input =
                tools.definition(HumanitecTool.LIST_WEBHOOKS).inputSchema();

        assertThat(validator.validate(input, LIST_ARGUMENTS).valid()).isTrue();
        assertThat(validator
                        .validate(input, Map.of("orgId", "o", "appId", "a", "extra", 1))
                        .valid())
                .isFalse();
    }

    @Test
    void schemaValidator_leavesAnyOtherSchemaToTheSdksDefault() {
        ToolSchemaValidator validator = (ToolSchemaValidator) tools.schemaValidator();
        Map<String, Object> copy =
                new HashMap<>(tools.definition(HumanitecTool.LIST_WEBHOOKS).inputSchema());

        assertThat(validator.isToolSchema(copy)).isFalse();
        assertThat(validator.validate(copy, LIST_ARGUMENTS).valid()).isTrue();
        assertThat(validator.validate(copy, Map.of("orgId", "o")).valid()).isFalse();
    }

    @Test
    void statelessSpecification_givesStructuredContentUnwritten_andLeavesTheTextToTheServer() {
        CallToolResult result = statelessCall(tools, HumanitecTool.LIST_WEBHOOKS);

        assertThat(result.isError()).isFalse();
        assertThat(result.structuredContent()).isInstanceOf(ToolOutput.class);
        assertThat(JSON.<JsonNode>valueToTree(result.structuredContent())
                        .get("webhooks")
                        .isArray())
                .isTrue();
        assertThat(result.content()).isEmpty();
    }

    @Test
    void call_givesTheStructuredContentsJsonAsTextToo() throws Exception {
        CallToolResult result = tools.call(HumanitecTool.LIST_WEBHOOKS, LIST_ARGUMENTS);

        assertThat(result.content()).hasSize(1);
        String text = ((McpSchema.TextContent) result.content().get(0)).text();
        assertThat(JSON.readTree(text)).isEqualTo(result.structuredContent());
    }

    @Test
    void structuredContent_isWrittenIntoTheAnswerAsTheTreeIs() throws Exception {
        JsonNode tree = JSON.readTree(WEBHOOKS);
        CallToolResult result = CallToolResult.builder()
                .structuredContent(new ToolOutput(JSON, tree))
                .isError(false)
                .build();

        String answer = TransportJson.mapper().writeValueAsString(result);

        assertThat(JSON.readTree(answer).get("structuredContent")).isEqualTo(tree);
        assertThat(answer).contains("\"structuredContent\":" + tree);
    }

    @Test
    void structuredContent_convertedByAMapper_isTheTreeNotItsText() throws Exception {
        JsonNode tree = JSON.readTree(WEBHOOKS);

        Map<?, ?> converted = JSON.convertValue(new ToolOutput(JSON, tree), Map.class);

        assertThat(converted).isEqualTo(JSON.convertValue(tree, Map.class));
        assertThat(JSON.<JsonNode>valueToTree(new ToolOutput(JSON, tree))).isEqualTo(tree);
    }

    @Test
    void statelessCall_runsOnTheThreadThatAsksForIt() {
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        HumanitecEventApi sandbox = HumanitecSandbox.create();
        WebhooksApi recording = (WebhooksApi) Proxy.newProxyInstance(
                WebhooksApi.class.getClassLoader(), new Class<?>[] {WebhooksApi.class}, (proxy, method, args) -> {
                    ranOn.set(Thread.currentThread());
                    return method.invoke(sandbox.webhooks(), args);
                });
        HumanitecEventApi api = (HumanitecEventApi) Proxy.newProxyInstance(
                HumanitecEventApi.class.getClassLoader(),
                new Class<?>[] {HumanitecEventApi.class},
                (proxy, method, args) ->
                        method.getName().equals("webhooks") ? recording : method.invoke(sandbox, args));

        statelessCall(HumanitecMcpTools.over(api), HumanitecTool.LIST_WEBHOOKS);

        assertThat(ranOn.get()).isSameAs(Thread.currentThread());
    }

    private static CallToolResult statelessCall(HumanitecMcpTools tools, HumanitecTool tool) {
        return statelessCall(tools, tool, LIST_ARGUMENTS);
    }

    /** A call through the tool's stateless specification, as the SDK's stateless server makes it. */
    static CallToolResult statelessCall(HumanitecMcpTools tools, HumanitecTool tool, Map<String, Object> arguments) {
        return tools.statelessSpecifications(List.of(tool))
                .get(0)
                .callHandler()
                .apply(
                        McpTransportContext.EMPTY,
                        McpSchema.CallToolRequest.builder(tool.toolName())
                                .arguments(arguments)
                                .build())
                .block();
    }
}
