package org.openhumanitec.events.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openhumanitec.events.mcp.McpTestServers.call;
import static org.openhumanitec.events.mcp.McpTestServers.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhumanitec.events.launcher.EmbeddedServer;
import org.openhumanitec.events.sandbox.HumanitecSandbox;
import org.openhumanitec.events.testkit.RealClientRequests;

/**
 * Every tool's success on the sandbox through the MCP SDK's own client: the structured content is Humanitec's JSON,
 * it conforms to the tool's output schema, and the text holds the same JSON. Then the sandbox's API errors (404, 409,
 * 400) as {@code isError} results naming the status, the code and the message.
 */
class SandboxToolsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaValidator SCHEMAS = McpJsonDefaults.getSchemaValidator();
    private static final String CREATED_AT = "2026-01-15T09:37:23.523Z";

    private static final HumanitecSandbox SANDBOX = HumanitecSandbox.builder()
            .clock(Clock.fixed(Instant.parse(CREATED_AT), ZoneOffset.UTC))
            .createdBy("ci-bot")
            .build();

    private static EmbeddedServer server;
    private static McpSyncClient client;
    private static Map<String, Tool> tools;

    @BeforeAll
    static void start() {
        server = McpTestServers.start(SANDBOX);
        client = McpTestServers.connect(server);
        tools = client.listTools().tools().stream().collect(Collectors.toMap(Tool::name, tool -> tool));
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @BeforeEach
    void emptySandbox() {
        SANDBOX.reset();
    }

    private static Map<String, Object> ids(String... namesAndValues) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            arguments.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return arguments;
    }

    private static Map<String, Object> withBody(Map<String, Object> arguments, String bodyJson) throws Exception {
        arguments.put("body", JSON.readValue(bodyJson, Map.class));
        return arguments;
    }

    private static final String HOOK =
            "{\"id\":\"deploy-notifier\",\"url\":\"https://hooks.example.com/humanitec\",\"headers\":{\"X-Token\":\"s3cret\"},"
                    + "\"payload\":{\"app\":\"${app_id}\",\"retries\":3},\"triggers\":[{\"scope\":\"deployment\",\"type\":\"finished\"}]}";

    private static final String STORED_HOOK =
            "{\"id\":\"deploy-notifier\",\"url\":\"https://hooks.example.com/humanitec\","
                    + "\"disabled\":false,\"headers\":{\"X-Token\":\"s3cret\"},\"payload\":{\"app\":\"${app_id}\",\"retries\":3},"
                    + "\"triggers\":[{\"scope\":\"deployment\",\"type\":\"finished\"}],\"created_at\":\"" + CREATED_AT
                    + "\",\"created_by\":\"ci-bot\"}";

    /** Asserts success, conformance to the output schema, and that the text is the same JSON; returns the JSON. */
    private static JsonNode succeeded(HumanitecTool tool, CallToolResult result) throws Exception {
        assertThat(result.isError()).as(tool + ": " + result.content()).isFalse();
        JsonSchemaValidator.ValidationResponse conforms =
                SCHEMAS.validate(tools.get(tool.toolName()).outputSchema(), result.structuredContent());
        assertThat(conforms.valid()).as(conforms.errorMessage()).isTrue();
        JsonNode structured = JSON.valueToTree(result.structuredContent());
        assertThat(result.content()).hasSize(1);
        assertThat(JSON.readTree(text(result))).isEqualTo(structured);
        return structured;
    }

    private static CallToolResult create() throws Exception {
        return call(client, HumanitecTool.CREATE_WEBHOOK, withBody(ids("orgId", "my-org", "appId", "my-app"), HOOK));
    }

    @Test
    void createNewWebhook_returnsTheStoredWebhook() throws Exception {
        assertThat(succeeded(HumanitecTool.CREATE_WEBHOOK, create())).isEqualTo(JSON.readTree(STORED_HOOK));
    }

    @Test
    void getWebhook_returnsIt() throws Exception {
        create();
        CallToolResult result = call(
                client,
                HumanitecTool.GET_WEBHOOK,
                ids("orgId", "my-org", "appId", "my-app", "jobId", "deploy-notifier"));

        assertThat(succeeded(HumanitecTool.GET_WEBHOOK, result)).isEqualTo(JSON.readTree(STORED_HOOK));
    }

    @Test
    void listWebhooks_wrapsTheListInAnObject() throws Exception {
        assertThat(succeeded(
                        HumanitecTool.LIST_WEBHOOKS,
                        call(client, HumanitecTool.LIST_WEBHOOKS, ids("orgId", "my-org", "appId", "my-app"))))
                .isEqualTo(JSON.readTree("{\"webhooks\":[]}"));
        create();

        JsonNode listed = succeeded(
                HumanitecTool.LIST_WEBHOOKS,
                call(client, HumanitecTool.LIST_WEBHOOKS, ids("orgId", "my-org", "appId", "my-app")));

        assertThat(listed).isEqualTo(JSON.readTree("{\"webhooks\":[" + STORED_HOOK + "]}"));
    }

    @Test
    void updateWebhook_changesOnlyTheFieldsGiven_andNullKeepsTheField() throws Exception {
        create();
        CallToolResult result = call(
                client,
                HumanitecTool.UPDATE_WEBHOOK,
                withBody(ids("orgId", "my-org", "appId", "my-app", "jobId", "deploy-notifier"), "{\"disabled\":true}"));

        assertThat(succeeded(HumanitecTool.UPDATE_WEBHOOK, result))
                .isEqualTo(JSON.readTree("{\"url\":\"https://hooks.example.com/humanitec\",\"disabled\":true,"
                        + "\"headers\":{\"X-Token\":\"s3cret\"},\"payload\":{\"app\":\"${app_id}\",\"retries\":3},"
                        + "\"triggers\":[{\"scope\":\"deployment\",\"type\":\"finished\"}]}"));

        JsonNode kept = succeeded(
                HumanitecTool.UPDATE_WEBHOOK,
                call(
                        client,
                        HumanitecTool.UPDATE_WEBHOOK,
                        withBody(
                                ids("orgId", "my-org", "appId", "my-app", "jobId", "deploy-notifier"),
                                "{\"disabled\":null,\"url\":null}")));
        assertThat(kept.get("disabled").asBoolean()).isTrue();
        assertThat(kept.get("url").asText()).isEqualTo("https://hooks.example.com/humanitec");
    }

    // ---- bodies as Humanitec's own clients build them (docs/sandbox.md has the rules) -----------------------------

    private static JsonNode tool(HumanitecTool tool, String jobId, String body) throws Exception {
        Map<String, Object> arguments = jobId == null
                ? ids("orgId", "my-org", "appId", "my-app")
                : ids("orgId", "my-org", "appId", "my-app", "jobId", jobId);
        return succeeded(tool, call(client, tool, withBody(arguments, body)));
    }

    @Test
    void terraformBasic_createThenUpdate_withNullPayload_keepsTheDefaults() throws Exception {
        JsonNode created = tool(HumanitecTool.CREATE_WEBHOOK, null, RealClientRequests.TERRAFORM_BASIC_CREATE);
        JsonNode updated = tool(HumanitecTool.UPDATE_WEBHOOK, "my-hook", RealClientRequests.TERRAFORM_BASIC_UPDATE);

        assertThat(created.get("payload")).isEqualTo(JSON.readTree("{}"));
        assertThat(created.get("url").asText()).isEqualTo("https://example.com");
        assertThat(updated.get("payload")).isEqualTo(JSON.readTree("{}"));
        assertThat(updated.get("url").asText()).isEqualTo("https://example2.com");
    }

    @Test
    void terraformFull_create_storesEveryField() throws Exception {
        JsonNode created = tool(HumanitecTool.CREATE_WEBHOOK, null, RealClientRequests.TERRAFORM_FULL_CREATE);

        assertThat(created.get("disabled").asBoolean()).isTrue();
        assertThat(created.get("headers")).isEqualTo(JSON.readTree("{\"custom-header\":\"humanitec\"}"));
        assertThat(created.get("payload")).isEqualTo(JSON.readTree("{\"custom-payload\":\"humanitec\"}"));
    }

    @Test
    void goClient_createThenPartialUpdates_neverEraseWhatTheyDoNotSet() throws Exception {
        JsonNode created = tool(HumanitecTool.CREATE_WEBHOOK, null, RealClientRequests.GO_CLIENT_CREATE);
        JsonNode disabled = tool(HumanitecTool.UPDATE_WEBHOOK, "my-hook", RealClientRequests.GO_CLIENT_DISABLE);
        JsonNode moved = tool(HumanitecTool.UPDATE_WEBHOOK, "my-hook", RealClientRequests.GO_CLIENT_NEW_URL);

        assertThat(created.get("disabled").asBoolean(true)).isFalse();
        assertThat(disabled.get("url").asText()).isEqualTo("https://example.com");
        assertThat(disabled.get("disabled").asBoolean()).isTrue();
        assertThat(moved.get("url").asText()).isEqualTo("https://example2.com");
        assertThat(moved.get("disabled").asBoolean()).isTrue();
    }

    @Test
    void deleteWebhook_confirms_andTheWebhookIsGone() throws Exception {
        create();
        Map<String, Object> ids = ids("orgId", "my-org", "appId", "my-app", "jobId", "deploy-notifier");

        assertThat(succeeded(HumanitecTool.DELETE_WEBHOOK, call(client, HumanitecTool.DELETE_WEBHOOK, ids)))
                .isEqualTo(JSON.readTree(
                        "{\"deleted\":true,\"orgId\":\"my-org\",\"appId\":\"my-app\",\"jobId\":\"deploy-notifier\"}"));
        assertThat(call(client, HumanitecTool.GET_WEBHOOK, ids).isError()).isTrue();
    }

    @Test
    void deletesAllJobsApplication_confirms_andEmptiesTheApp() throws Exception {
        create();
        Map<String, Object> ids = ids("orgId", "my-org", "appId", "my-app");

        assertThat(succeeded(HumanitecTool.DELETE_ALL_JOBS, call(client, HumanitecTool.DELETE_ALL_JOBS, ids)))
                .isEqualTo(JSON.readTree(
                        "{\"deleted\":true,\"orgId\":\"my-org\",\"appId\":\"my-app\",\"scope\":\"all-jobs\"}"));
        assertThat(SANDBOX.webhooks().list("my-org", "my-app")).isEmpty();
    }

    @Test
    void listEvents_wrapsTheEventsWithTheirPlaceholders() throws Exception {
        JsonNode events =
                succeeded(HumanitecTool.LIST_EVENTS, call(client, HumanitecTool.LIST_EVENTS, ids("orgId", "my-org")));

        assertThat(events.get("events")).hasSize(SANDBOX.events().list("my-org").size());
        assertThat(events.get("events").get(0).fieldNames())
                .toIterable()
                .containsExactly("scope", "type", "properties");
        assertThat(events.toString()).contains("{\"scope\":\"deployment\",\"type\":\"finished\",\"properties\":[");
    }

    @Test
    void getWebhook_unknown_isAn404ErrorResult() {
        CallToolResult result =
                call(client, HumanitecTool.GET_WEBHOOK, ids("orgId", "my-org", "appId", "my-app", "jobId", "nope"));

        assertThat(result.isError()).isTrue();
        assertThat(result.structuredContent()).isNull();
        assertThat(text(result))
                .isEqualTo("get-webhook failed: Humanitec answered HTTP 404 Not Found, error code HUM-404:"
                        + " Webhook 'nope' not found in app 'my-app'.");
    }

    @Test
    void createNewWebhook_twice_isA409ErrorResult() throws Exception {
        create();
        CallToolResult again = create();

        assertThat(again.isError()).isTrue();
        assertThat(text(again))
                .startsWith("create-new-webhook failed: Humanitec answered HTTP 409 Conflict, error code HUM-409:")
                .contains("clashes with an existing Job");
    }

    @Test
    void createNewWebhook_withoutUrl_isA400ErrorResultNamingTheField() throws Exception {
        CallToolResult result = call(
                client,
                HumanitecTool.CREATE_WEBHOOK,
                withBody(ids("orgId", "my-org", "appId", "my-app"), "{\"id\":\"no-url\",\"triggers\":[]}"));

        assertThat(result.isError()).isTrue();
        assertThat(text(result))
                .isEqualTo("create-new-webhook failed: Humanitec answered HTTP 400 Bad Request, error code HUM-400:"
                        + " url is required");
        assertThat(SANDBOX.webhooks().list("my-org", "my-app")).isEmpty();
    }

    @Test
    void deleteWebhook_unknown_isA404ErrorResult() {
        CallToolResult result =
                call(client, HumanitecTool.DELETE_WEBHOOK, ids("orgId", "my-org", "appId", "my-app", "jobId", "nope"));

        assertThat(result.isError()).isTrue();
        assertThat(text(result)).startsWith("delete-webhook failed: Humanitec answered HTTP 404 Not Found");
    }

    @Test
    void updateWebhook_unknown_isA404ErrorResult() throws Exception {
        CallToolResult result = call(
                client,
                HumanitecTool.UPDATE_WEBHOOK,
                withBody(ids("orgId", "my-org", "appId", "my-app", "jobId", "nope"), "{\"disabled\":true}"));

        assertThat(result.isError()).isTrue();
        assertThat(text(result)).startsWith("update-webhook failed: Humanitec answered HTTP 404 Not Found");
        assertThat(List.of(result.content())).hasSize(1);
    }
}
