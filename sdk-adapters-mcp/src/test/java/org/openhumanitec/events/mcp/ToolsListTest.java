package org.openhumanitec.events.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openhumanitec.events.launcher.EmbeddedServer;
import org.openhumanitec.events.sandbox.HumanitecSandbox;

/** initialize and tools/list through the MCP SDK's own client: the 7 tools, their flags and their schemas. */
class ToolsListTest {

    private static EmbeddedServer server;
    private static McpSyncClient client;
    private static Map<String, Tool> tools;

    @BeforeAll
    static void start() {
        server = McpTestServers.start(HumanitecSandbox.create());
        client = McpTestServers.client(server.uri(), null);
        McpSchema.InitializeResult initialized = client.initialize();
        assertThat(initialized.serverInfo().name()).isEqualTo("humanitec-events");
        assertThat(initialized.capabilities().tools()).isNotNull();
        assertThat(initialized.protocolVersion()).isIn(HumanitecMcpServlet.PROTOCOL_VERSIONS);
        tools = client.listTools().tools().stream().collect(Collectors.toMap(Tool::name, tool -> tool));
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @Test
    void exactlyTheSevenToolsOfTheCapability_areListed() {
        assertThat(tools.keySet())
                .containsExactlyInAnyOrder(
                        "deletes-all-jobs-application",
                        "list-webhooks",
                        "create-new-webhook",
                        "get-webhook",
                        "delete-webhook",
                        "update-webhook",
                        "list-events");
    }

    @Test
    void theBehaviourFlags_areTheCapabilitys() {
        assertFlags("deletes-all-jobs-application", false, true, true);
        assertFlags("list-webhooks", true, false, true);
        assertFlags("create-new-webhook", false, false, false);
        assertFlags("get-webhook", true, false, true);
        assertFlags("delete-webhook", false, true, true);
        assertFlags("update-webhook", false, false, true);
        assertFlags("list-events", true, false, true);
    }

    private static void assertFlags(String name, boolean readOnly, boolean destructive, boolean idempotent) {
        McpSchema.ToolAnnotations annotations = tools.get(name).annotations();
        assertThat(annotations.readOnlyHint()).as(name + " readOnlyHint").isEqualTo(readOnly);
        assertThat(annotations.destructiveHint()).as(name + " destructiveHint").isEqualTo(destructive);
        assertThat(annotations.idempotentHint()).as(name + " idempotentHint").isEqualTo(idempotent);
        assertThat(annotations.openWorldHint()).as(name + " openWorldHint").isTrue();
    }

    @ParameterizedTest
    @EnumSource(HumanitecTool.class)
    void everyTool_hasATitleADescriptionAndStrictSchemas(HumanitecTool humanitecTool) {
        Tool tool = tools.get(humanitecTool.toolName());

        assertThat(tool.title()).isEqualTo(humanitecTool.title()).isNotBlank();
        assertThat(tool.description()).isEqualTo(humanitecTool.description()).hasSizeGreaterThan(40);
        assertThat(tool.inputSchema().get("type")).isEqualTo("object");
        assertThat(tool.inputSchema().get("additionalProperties")).isEqualTo(false);
        assertThat(input(tool.name(), "properties")).containsKey("orgId");
        assertThat(required(tool.name())).contains("orgId");
        assertThat(tool.outputSchema()).containsEntry("type", "object").containsKey("properties");
    }

    @Test
    void theIdsEachToolTakes_areRequired_andTheBodyIsStrictToo() {
        assertThat(required("list-events")).containsExactly("orgId");
        assertThat(required("list-webhooks")).containsExactly("orgId", "appId");
        assertThat(required("get-webhook")).containsExactly("orgId", "appId", "jobId");
        assertThat(required("update-webhook")).containsExactly("orgId", "appId", "jobId", "body");
        assertThat(required("create-new-webhook")).containsExactly("orgId", "appId", "body");
        @SuppressWarnings("unchecked")
        Map<String, Object> body =
                (Map<String, Object>) input("create-new-webhook", "properties").get("body");
        assertThat(body).containsEntry("additionalProperties", false);
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = (Map<String, Object>) body.get("properties");
        assertThat(fields.keySet()).containsExactly("id", "url", "disabled", "headers", "payload", "triggers");
    }

    @Test
    void listsAreWrappedInAnObject_andDeletesConfirm() {
        assertThat(properties("list-webhooks")).containsOnlyKeys("webhooks");
        assertThat(properties("list-events")).containsOnlyKeys("events");
        assertThat(properties("delete-webhook")).containsOnlyKeys("deleted", "orgId", "appId", "jobId");
        assertThat(properties("deletes-all-jobs-application")).containsOnlyKeys("deleted", "orgId", "appId", "scope");
        assertThat(properties("get-webhook"))
                .containsOnlyKeys(
                        "id", "url", "disabled", "headers", "payload", "triggers", "created_at", "created_by");
        assertThat(properties("update-webhook")).containsOnlyKeys("url", "disabled", "headers", "payload", "triggers");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> input(String tool, String key) {
        return (Map<String, Object>) tools.get(tool).inputSchema().get(key);
    }

    @SuppressWarnings("unchecked")
    private static List<String> required(String tool) {
        return (List<String>) tools.get(tool).inputSchema().get("required");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(String tool) {
        return (Map<String, Object>) tools.get(tool).outputSchema().get("properties");
    }

    @ParameterizedTest
    @EnumSource(HumanitecTool.class)
    void everySchema_givesEachFieldOneType_soSingleTypeDialectsAcceptIt(HumanitecTool humanitecTool) {
        Tool tool = tools.get(humanitecTool.toolName());

        assertThat(typeArrays(tool.inputSchema(), "input")).isEmpty();
        assertThat(typeArrays(tool.outputSchema(), "output")).isEmpty();
    }

    @Test
    void aFieldThatMayBeNull_isAnyOfItsTypeAndNull() {
        @SuppressWarnings("unchecked")
        Map<String, Object> url =
                (Map<String, Object>) properties("get-webhook").get("url");

        assertThat(url).containsEntry("anyOf", List.of(Map.of("type", "string"), Map.of("type", "null")));
    }

    /** The paths of the nodes of a schema whose {@code type} is an array, such as {@code ["string", "null"]}. */
    private static List<String> typeArrays(Object node, String path) {
        List<String> found = new java.util.ArrayList<>();
        if (node instanceof Map<?, ?> map) {
            if (map.get("type") instanceof List) {
                found.add(path);
            }
            map.forEach((key, value) -> found.addAll(typeArrays(value, path + "/" + key)));
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                found.addAll(typeArrays(list.get(i), path + "/" + i));
            }
        }
        return found;
    }

    @Test
    void theDescriptions_sayWhatCannotBeUndone() {
        assertThat(List.of("deletes-all-jobs-application", "delete-webhook"))
                .allSatisfy(name -> assertThat(tools.get(name).description()).contains("cannot be undone"));
        assertThat(tools.get("create-new-webhook").description()).contains("Not idempotent");
    }
}
