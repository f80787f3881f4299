package org.openhumanitec.events.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openhumanitec.events.mcp.McpTestServers.call;
import static org.openhumanitec.events.mcp.McpTestServers.text;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openhumanitec.events.launcher.EmbeddedServer;
import org.openhumanitec.events.sandbox.HumanitecSandbox;

/**
 * Arguments that are not what a tool takes never reach the backend: the input schema (checked by the SDK) and the
 * tools' own checks answer an {@code isError} result naming the argument or field. An unknown tool is a protocol
 * fault: a JSON-RPC error.
 */
class ArgumentsTest {

    private static final FailingApi BACKEND = new FailingApi();
    private static EmbeddedServer server;
    private static McpSyncClient client;

    @BeforeAll
    static void start() {
        server = McpTestServers.start(BACKEND);
        client = McpTestServers.connect(server);
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
        assertThat(BACKEND.calls())
                .as("no call with bad arguments reaches the backend")
                .isEmpty();
    }

    private static String rejected(HumanitecTool tool, Map<String, Object> arguments) {
        CallToolResult result = call(client, tool, arguments);
        assertThat(result.isError()).as(String.valueOf(result.content())).isTrue();
        return text(result);
    }

    private static Map<String, Object> args(Object... namesAndValues) {
        Map<String, Object> arguments = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            arguments.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return arguments;
    }

    @Test
    void aMissingId_isRejectedNamingIt() {
        assertThat(rejected(HumanitecTool.GET_WEBHOOK, args("orgId", "o", "appId", "a")))
                .contains("jobId");
        assertThat(rejected(HumanitecTool.LIST_EVENTS, args())).contains("orgId");
    }

    @Test
    void anUnknownArgument_isRejectedNamingIt() {
        assertThat(rejected(HumanitecTool.LIST_EVENTS, args("orgId", "o", "appId", "a")))
                .contains("appId");
        assertThat(rejected(HumanitecTool.LIST_WEBHOOKS, args("orgId", "o", "appId", "a", "limit", 10)))
                .contains("limit");
    }

    @Test
    void anEmptyOrNonStringId_isRejected() {
        assertThat(rejected(HumanitecTool.LIST_EVENTS, args("orgId", ""))).contains("orgId");
        assertThat(rejected(HumanitecTool.LIST_EVENTS, args("orgId", "   "))).contains("orgId");
        assertThat(rejected(HumanitecTool.LIST_EVENTS, args("orgId", 42))).contains("orgId");
        assertThat(rejected(HumanitecTool.LIST_WEBHOOKS, args("orgId", "o", "appId", "..")))
                .contains("appId");
    }

    @Test
    void aBodyWithAnUnknownFieldOrAWrongType_isRejectedNamingTheField() {
        assertThat(rejected(
                        HumanitecTool.CREATE_WEBHOOK, args("orgId", "o", "appId", "a", "body", Map.of("name", "x"))))
                .contains("name");
        assertThat(rejected(
                        HumanitecTool.CREATE_WEBHOOK,
                        args(
                                "orgId",
                                "o",
                                "appId",
                                "a",
                                "body",
                                Map.of("triggers", List.of(Map.of("scope", 1, "type", "x"))))))
                .contains("scope");
        assertThat(rejected(HumanitecTool.UPDATE_WEBHOOK, args("orgId", "o", "appId", "a", "jobId", "j", "body", "{}")))
                .contains("body");
        assertThat(rejected(HumanitecTool.CREATE_WEBHOOK, args("orgId", "o", "appId", "a")))
                .contains("body");
    }

    @Test
    void aTriggerWithoutAType_isRejected() {
        assertThat(rejected(
                        HumanitecTool.CREATE_WEBHOOK,
                        args(
                                "orgId",
                                "o",
                                "appId",
                                "a",
                                "body",
                                Map.of("triggers", List.of(Map.of("scope", "deployment"))))))
                .contains("type");
    }

    @Test
    void theToolsOwnChecks_holdWithoutTheSdksSchemaCheck() {
        HumanitecMcpTools tools = HumanitecMcpTools.over(HumanitecSandbox.create());

        assertThat(text(tools.call(HumanitecTool.LIST_EVENTS, args("orgId", " "))))
                .isEqualTo("list-events: invalid arguments: orgId must not be blank");
        assertThat(text(tools.call(HumanitecTool.LIST_EVENTS, args("orgId", "o", "x", 1))))
                .isEqualTo("list-events: invalid arguments: unknown argument 'x': list-events takes [orgId]");
        assertThat(text(tools.call(
                        HumanitecTool.CREATE_WEBHOOK,
                        args("orgId", "o", "appId", "a", "body", Map.of("triggers", List.of(Map.of("scope", 1)))))))
                .startsWith("create-new-webhook: invalid arguments: body is invalid: ")
                .contains("triggers[0].scope");
        assertThat(text(tools.call(
                        HumanitecTool.UPDATE_WEBHOOK,
                        args("orgId", "o", "appId", "a", "jobId", "j", "body", List.of()))))
                .isEqualTo("update-webhook: invalid arguments: body must be a JSON object");
        assertThat(tools.call(HumanitecTool.LIST_EVENTS, args("orgId", "o")).isError())
                .isFalse();
    }

    @Test
    void anUnknownTool_isAJsonRpcError() {
        assertThatThrownBy(() -> client.callTool(McpSchema.CallToolRequest.builder("drop-database")
                        .arguments(Map.of())
                        .build()))
                .isInstanceOfSatisfying(McpError.class, e -> {
                    assertThat(e.getJsonRpcError().code()).isEqualTo(McpSchema.ErrorCodes.INVALID_PARAMS);
                    assertThat(e.getJsonRpcError().message()).contains("Unknown tool: 'drop-database'");
                });
    }
}
