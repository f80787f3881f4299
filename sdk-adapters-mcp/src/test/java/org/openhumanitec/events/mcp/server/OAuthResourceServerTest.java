package org.openhumanitec.events.mcp.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openhumanitec.events.api.HumanitecEventApi;
import org.openhumanitec.events.launcher.EmbeddedServer;
import org.openhumanitec.events.launcher.testing.OAuthResourceServerContract;
import org.openhumanitec.events.mcp.HumanitecTool;
import org.openhumanitec.events.mcp.McpTestServers;
import org.openhumanitec.events.mcp.RawMcp;
import org.openhumanitec.events.sandbox.HumanitecSandbox;

/**
 * The MCP face as an OAuth 2.1 resource server ({@code --oauth-issuer}), as the MCP authorization specification asks,
 * against a real authorization server on loopback: beside what every face does ({@link OAuthResourceServerContract}),
 * the MCP Java SDK's client with a token holding both scopes calls all 7 tools; with only the read scope it sees the 3
 * reading tools and a call of another is refused 403; the metadata document is served at its path-specific form.
 */
class OAuthResourceServerTest extends OAuthResourceServerContract {

    private static final String PUBLIC_URL = "https://humanitec-mcp.example.com/mcp";

    private RawMcp raw;

    @Override
    protected String publicUrl() {
        return PUBLIC_URL;
    }

    @Override
    protected HumanitecEventApi openBackend() {
        return HumanitecSandbox.create();
    }

    @Override
    protected EmbeddedServer start(HumanitecEventApi backend, String... args) {
        return McpTestServers.start(backend, args);
    }

    @Override
    protected Answer call(URI base, String authorization) {
        RawMcp.Answer answer = authorization == null
                ? new RawMcp(base).post(RawMcp.INITIALIZE, null)
                : new RawMcp(base).post(RawMcp.INITIALIZE, null, "Authorization", authorization);
        return new Answer(answer.status(), answer.header("WWW-Authenticate"), answer.body());
    }

    @BeforeAll
    void talkRawMcp() {
        raw = new RawMcp(server().uri());
    }

    private static Map<String, Object> arguments(Object... namesAndValues) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            arguments.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return arguments;
    }

    @Test
    void theMcpClient_withBothScopes_callsAllSevenTools() {
        String token = issuer().issue(PUBLIC_URL, "agent-1", READ + " " + WRITE);
        Map<String, Object> hook = arguments("orgId", "o", "appId", "a", "jobId", "hook-1");
        Map<HumanitecTool, Map<String, Object>> calls = new EnumMap<>(HumanitecTool.class);
        calls.put(
                HumanitecTool.CREATE_WEBHOOK,
                arguments(
                        "orgId",
                        "o",
                        "appId",
                        "a",
                        "body",
                        arguments(
                                "id",
                                "hook-1",
                                "url",
                                "https://hooks.example.com/a",
                                "triggers",
                                List.of(arguments("scope", "deployment", "type", "finished")))));
        calls.put(HumanitecTool.LIST_WEBHOOKS, arguments("orgId", "o", "appId", "a"));
        calls.put(HumanitecTool.GET_WEBHOOK, hook);
        calls.put(
                HumanitecTool.UPDATE_WEBHOOK,
                arguments("orgId", "o", "appId", "a", "jobId", "hook-1", "body", arguments("disabled", true)));
        calls.put(HumanitecTool.LIST_EVENTS, arguments("orgId", "o"));
        calls.put(HumanitecTool.DELETE_WEBHOOK, hook);
        calls.put(HumanitecTool.DELETE_ALL_JOBS, arguments("orgId", "o", "appId", "a"));

        try (McpSyncClient client = McpTestServers.connect(server().uri(), token)) {
            assertThat(client.listTools().tools()).hasSize(7);
            // In this order the webhook exists for every call that needs it.
            for (HumanitecTool tool : List.of(
                    HumanitecTool.CREATE_WEBHOOK,
                    HumanitecTool.LIST_WEBHOOKS,
                    HumanitecTool.GET_WEBHOOK,
                    HumanitecTool.UPDATE_WEBHOOK,
                    HumanitecTool.LIST_EVENTS,
                    HumanitecTool.DELETE_WEBHOOK,
                    HumanitecTool.DELETE_ALL_JOBS)) {
                McpSchema.CallToolResult result = McpTestServers.call(client, tool, calls.get(tool));
                assertThat(result.isError()).as(tool + ": " + result.content()).isFalse();
            }
        }
    }

    @Test
    void theMcpClient_withTheReadScopeOnly_seesTheThreeReadingTools() {
        String token = issuer().issue(PUBLIC_URL, "agent-2", READ);

        try (McpSyncClient client = McpTestServers.connect(server().uri(), token)) {
            assertThat(client.listTools().tools())
                    .extracting(McpSchema.Tool::name)
                    .containsExactlyInAnyOrder(
                            HumanitecTool.LIST_WEBHOOKS.toolName(),
                            HumanitecTool.GET_WEBHOOK.toolName(),
                            HumanitecTool.LIST_EVENTS.toolName());
            assertThat(McpTestServers.call(client, HumanitecTool.LIST_EVENTS, arguments("orgId", "o"))
                            .isError())
                    .isFalse();
        }
    }

    @Test
    void withTheWriteScopeOnly_theFourChangingToolsAreListed() {
        String token = issuer().issue(PUBLIC_URL, "agent-3", WRITE);

        try (McpSyncClient client = McpTestServers.connect(server().uri(), token)) {
            assertThat(client.listTools().tools())
                    .hasSize(4)
                    .noneMatch(tool -> tool.annotations().readOnlyHint());
        }
    }

    @Test
    void statelessToo_toolsListShowsOnlyWhatTheScopesAllow() {
        try (HumanitecSandbox backend = HumanitecSandbox.create();
                EmbeddedServer stateless = startWithOAuth(backend, issuer(), "--stateless")) {
            String token = issuer().issue(PUBLIC_URL, "agent-2", READ);

            RawMcp.Answer answer =
                    new RawMcp(stateless.uri()).post(RawMcp.TOOLS_LIST, null, "Authorization", bearer(token));

            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body())
                    .contains(
                            HumanitecTool.LIST_WEBHOOKS.toolName(),
                            HumanitecTool.GET_WEBHOOK.toolName(),
                            HumanitecTool.LIST_EVENTS.toolName())
                    .doesNotContain(
                            HumanitecTool.CREATE_WEBHOOK.toolName(),
                            HumanitecTool.UPDATE_WEBHOOK.toolName(),
                            HumanitecTool.DELETE_WEBHOOK.toolName(),
                            HumanitecTool.DELETE_ALL_JOBS.toolName());
        }
    }

    @Test
    void callingAToolOutsideTheScopes_is403_insufficientScope_andChangesNothing() {
        String token = issuer().issue(PUBLIC_URL, "agent-2", READ);
        String session = raw.initialize("Authorization", bearer(token));

        RawMcp.Answer answer = raw.post(
                "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\""
                        + HumanitecTool.DELETE_ALL_JOBS.toolName()
                        + "\",\"arguments\":{\"orgId\":\"o\",\"appId\":\"a\"}}}",
                session,
                "Authorization",
                bearer(token));

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.header("WWW-Authenticate"))
                .hasValue("Bearer error=\"insufficient_scope\", scope=\"" + WRITE + "\", resource_metadata=\""
                        + metadataUrl() + "\"");
        assertThat(answer.body()).contains("\"id\":7", WRITE).doesNotContain(token);
    }

    @Test
    void aTokenWithNeitherScope_is403_atTheDoor() {
        String token = issuer().issue(PUBLIC_URL, "agent-4", "openid profile");

        RawMcp.Answer answer = raw.post(RawMcp.INITIALIZE, null, "Authorization", bearer(token));

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.header("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer error=\"insufficient_scope\""));
    }

    @Test
    void theMcpClient_withoutAToken_cannotInitialize() {
        McpSyncClient client = McpTestServers.client(server().uri(), null);
        try {
            assertThatThrownBy(client::initialize).isInstanceOf(RuntimeException.class);
        } finally {
            client.close();
        }
    }

    @Test
    void aTokenInTheQueryString_isRefused() {
        String token = issuer().issue(PUBLIC_URL, "agent-1", READ);
        URI withQuery = URI.create(server().uri() + "/mcp?access_token=" + token);

        RawMcp.Answer answer = RawMcp.send(HttpRequest.newBuilder(withQuery)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(RawMcp.INITIALIZE))
                .build());

        assertThat(answer.status()).isEqualTo(400);
    }

    @Test
    void theProtectedResourceMetadata_isServedAtThePathSpecificForm_withoutAToken() {
        for (String path :
                List.of("/.well-known/oauth-protected-resource/mcp", "/.well-known/oauth-protected-resource")) {
            RawMcp.Answer answer = RawMcp.send(HttpRequest.newBuilder(URI.create(server().uri() + path))
                    .GET()
                    .build());

            assertThat(answer.status()).as(path).isEqualTo(200);
            assertThat(answer.body())
                    .contains("\"resource\":\"" + PUBLIC_URL + "\"")
                    .contains("\"authorization_servers\":[\"" + issuer().issuer() + "\"]")
                    .contains("\"scopes_supported\":[\"" + READ + "\",\"" + WRITE + "\"]");
        }
    }
}
