package org.openhumanitec.events.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openhumanitec.events.mcp.McpTestServers.call;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openhumanitec.events.launcher.EmbeddedServer;
import org.openhumanitec.events.sandbox.HumanitecSandbox;

/** {@code --read-only}, {@code --tools} and {@code --stateless}: what is listed is exactly what is callable. */
class ModesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<String> listed(McpSyncClient client) {
        return client.listTools().tools().stream().map(Tool::name).toList();
    }

    /** Creates the webhook {@code hook} of app {@code o/a} through the create tool, with the given headers. */
    private static CallToolResult createHook(McpSyncClient client, Map<String, Object> headers) {
        return call(
                client,
                HumanitecTool.CREATE_WEBHOOK,
                Map.of(
                        "orgId",
                        "o",
                        "appId",
                        "a",
                        "body",
                        Map.of(
                                "id",
                                "hook",
                                "url",
                                "https://hooks.example.com/x",
                                "headers",
                                headers,
                                "triggers",
                                List.of(Map.of("scope", "deployment", "type", "started")))));
    }

    private static void assertNotCallable(McpSyncClient client, HumanitecTool tool) {
        assertThatThrownBy(() -> call(client, tool, Map.of("orgId", "o", "appId", "a")))
                .isInstanceOf(McpError.class)
                .hasMessageContaining("Unknown tool: '" + tool.toolName() + "'");
    }

    @Test
    void readOnly_listsAndServesOnlyTheReadOnlyTools() {
        HumanitecSandbox sandbox = HumanitecSandbox.create();
        try (EmbeddedServer server = McpTestServers.start(sandbox, "--read-only");
                McpSyncClient client = McpTestServers.connect(server)) {
            assertThat(listed(client)).containsExactly("list-webhooks", "get-webhook", "list-events");
            assertThat(call(client, HumanitecTool.LIST_EVENTS, Map.of("orgId", "o"))
                            .isError())
                    .isFalse();
            assertNotCallable(client, HumanitecTool.DELETE_ALL_JOBS);
            assertNotCallable(client, HumanitecTool.CREATE_WEBHOOK);
        }
    }

    @Test
    void anAllowList_listsAndServesOnlyTheToolsNamed() {
        HumanitecSandbox sandbox = HumanitecSandbox.create();
        try (EmbeddedServer server = McpTestServers.start(sandbox, "--tools", "list-webhooks, Create-New-Webhook");
                McpSyncClient client = McpTestServers.connect(server)) {
            assertThat(listed(client)).containsExactly("list-webhooks", "create-new-webhook");
            assertThat(call(client, HumanitecTool.LIST_WEBHOOKS, Map.of("orgId", "o", "appId", "a"))
                            .isError())
                    .isFalse();
            assertNotCallable(client, HumanitecTool.LIST_EVENTS);
            assertNotCallable(client, HumanitecTool.DELETE_WEBHOOK);
        }
    }

    @Test
    void readOnlyWithAnAllowList_keepsTheReadOnlyToolsNamed() {
        try (EmbeddedServer server = McpTestServers.start(
                        HumanitecSandbox.create(), "--read-only", "--tools", "list-events,delete-webhook");
                McpSyncClient client = McpTestServers.connect(server)) {
            assertThat(listed(client)).containsExactly("list-events");
        }
    }

    @Test
    void readOnlyWithAnAllowListOfChangingToolsOnly_isRefused_namingTheAllowList() {
        HumanitecMcpSettings.Builder settings = HumanitecMcpSettings.builder()
                .readOnly(true)
                .allowedTools(List.of(HumanitecTool.DELETE_WEBHOOK, HumanitecTool.CREATE_WEBHOOK));

        assertThatThrownBy(settings::build)
                .isInstanceOfSatisfying(
                        NoToolLeftException.class,
                        e -> assertThat(e.allowedTools())
                                .containsExactlyInAnyOrder(HumanitecTool.DELETE_WEBHOOK, HumanitecTool.CREATE_WEBHOOK));
    }

    @Test
    void stateless_servesEveryToolWithoutASession() {
        HumanitecSandbox sandbox = HumanitecSandbox.create();
        try (EmbeddedServer server = McpTestServers.start(sandbox, "--stateless");
                McpSyncClient client = McpTestServers.connect(server)) {
            assertThat(listed(client)).hasSize(7);
            assertThat(createHook(client, Map.of()).isError()).isFalse();
            assertThat(sandbox.webhooks().list("o", "a")).hasSize(1);

            RawMcp.Answer answer = new RawMcp(server.uri()).post(RawMcp.TOOLS_LIST, null);
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.header("Mcp-Session-Id")).isEmpty();
            assertThat(answer.body()).contains("\"list-webhooks\"");
        }
    }

    @Test
    void stateless_sendsItsAnswerWhole_withItsLength() {
        try (EmbeddedServer server = McpTestServers.start(HumanitecSandbox.create(), "--stateless")) {
            RawMcp.Answer answer = new RawMcp(server.uri()).post(RawMcp.TOOLS_LIST, null);

            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.header("Transfer-Encoding")).isEmpty();
            assertThat(answer.header("Content-Length"))
                    .contains(Integer.toString(answer.body().getBytes(StandardCharsets.UTF_8).length));
        }
    }

    @Test
    void stateless_sendsAnAnswerBeyondAsciiInUtf8_withItsLength() throws Exception {
        HumanitecSandbox sandbox = HumanitecSandbox.create();
        String greeting = "Grüße aus Zürich \uD83D\uDE80 — 東京";
        try (EmbeddedServer server = McpTestServers.start(sandbox, "--stateless");
                McpSyncClient client = McpTestServers.connect(server)) {
            assertThat(createHook(client, Map.of("X-Greeting", greeting)).isError())
                    .isFalse();

            RawMcp.Answer answer = new RawMcp(server.uri())
                    .post(
                            "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":"
                                    + "\"list-webhooks\",\"arguments\":{\"orgId\":\"o\",\"appId\":\"a\"}}}",
                            null);

            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.header("Content-Length"))
                    .contains(Integer.toString(answer.body().getBytes(StandardCharsets.UTF_8).length));
            JsonNode result = JSON.readTree(answer.body()).get("result");
            JsonNode structured = result.get("structuredContent");
            assertThat(structured.at("/webhooks/0/headers/X-Greeting").asText()).isEqualTo(greeting);
            assertThat(JSON.readTree(result.at("/content/0/text").asText())).isEqualTo(structured);
        }
    }
}
