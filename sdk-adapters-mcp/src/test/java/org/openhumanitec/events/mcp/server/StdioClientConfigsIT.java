package org.openhumanitec.events.mcp.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openhumanitec.events.launcher.testing.RunnableJar;
import org.openhumanitec.events.mcp.HumanitecTool;

/**
 * The stdio configurations of desktop clients in {@code docs/mcp-adapter.md}, each parsed from the doc and run as the
 * client would: the command it names, with the runnable jar this build made, driven through the MCP Java SDK's stdio
 * client, calling all 7 tools on the sandbox.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class StdioClientConfigsIT {

    private static final Path DOC = Path.of("..", "docs", "mcp-adapter.md");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern BLOCK = Pattern.compile("```(json|bash)\\n(.*?)```", Pattern.DOTALL);
    private static final String CLAUDE_MCP_ADD = "claude mcp add humanitec -- ";

    /** How a client starts the server: the command, its arguments, and the environment the file adds. */
    record Launch(String command, List<String> args, Map<String, String> env) {}

    @BeforeAll
    static void onlyOnceTheJarIsBuilt() {
        RunnableJar.assumeBuilt();
    }

    static List<Arguments> stdioConfigurations() throws IOException {
        List<Arguments> found = new ArrayList<>();
        Matcher block = BLOCK.matcher(Files.readString(DOC));
        while (block.find()) {
            String text = block.group(2);
            if (block.group(1).equals("bash") && text.startsWith(CLAUDE_MCP_ADD)) {
                List<String> words = Arrays.asList(
                        text.substring(CLAUDE_MCP_ADD.length()).strip().split("\\s+"));
                found.add(Arguments.of(
                        Named.of(text.strip(), new Launch(words.get(0), words.subList(1, words.size()), Map.of()))));
            } else if (block.group(1).equals("json")) {
                JsonNode root = JSON.readTree(text);
                JsonNode servers = root.has("mcpServers") ? root.get("mcpServers") : root.get("servers");
                JsonNode server = servers == null ? null : servers.get("humanitec");
                if (server != null && server.has("command")) {
                    List<String> args = new ArrayList<>();
                    server.get("args").forEach(arg -> args.add(arg.asText()));
                    Map<String, String> env = new HashMap<>();
                    if (server.has("env")) {
                        server.get("env")
                                .properties()
                                .forEach(e -> env.put(e.getKey(), e.getValue().asText()));
                    }
                    found.add(Arguments.of(Named.of(
                            text.strip().replaceAll("\\s+", " "),
                            new Launch(server.get("command").asText(), args, env))));
                }
            }
        }
        return found;
    }

    @Test
    void theDocGivesAStdioConfigurationForEachClient() throws IOException {
        // Claude Desktop, Claude Code (command line and .mcp.json), Cursor, VS Code.
        assertThat(stdioConfigurations()).hasSize(5);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stdioConfigurations")
    void eachConfiguration_startsTheJar_andServesAllSevenTools(Launch launch) {
        String command = launch.command().equals("java")
                ? Path.of(System.getProperty("java.home"), "bin", "java").toString()
                : launch.command();
        List<String> args = launch.args().stream()
                .map(arg -> arg.endsWith("-runnable.jar") ? RunnableJar.path().toString() : arg)
                .toList();
        Map<String, String> env = new HashMap<>();
        // What the client expands ${HUMANITEC_API_KEY} or ${env:HUMANITEC_API_KEY} to; unused by the sandbox.
        launch.env().forEach((name, value) -> env.put(name, value.replaceAll("\\$\\{[^}]*}", "not-a-real-token")));
        env.put("HUMANITEC_MCP_SANDBOX", "true");
        StdioClientTransport transport = new StdioClientTransport(
                ServerParameters.builder(command).args(args).env(env).build(),
                new JacksonMcpJsonMapper(new ObjectMapper()));

        try (McpSyncClient client = McpClient.sync(transport)
                .requestTimeout(Duration.ofSeconds(30))
                .initializationTimeout(Duration.ofSeconds(60))
                .build()) {
            assertThat(client.initialize().serverInfo().name()).isEqualTo("humanitec-events");
            assertThat(client.listTools().tools()).hasSize(7);

            Map<String, Object> app = Map.of("orgId", "o", "appId", "a");
            Map<String, Object> hook = with(app, "jobId", "hook");
            assertSucceeds(
                    client,
                    HumanitecTool.CREATE_WEBHOOK,
                    with(
                            app,
                            "body",
                            Map.of(
                                    "id",
                                    "hook",
                                    "url",
                                    "https://hooks.example.com/x",
                                    "triggers",
                                    List.of(Map.of("scope", "deployment", "type", "started")))));
            assertSucceeds(client, HumanitecTool.LIST_WEBHOOKS, app);
            assertSucceeds(client, HumanitecTool.GET_WEBHOOK, hook);
            assertSucceeds(client, HumanitecTool.UPDATE_WEBHOOK, with(hook, "body", Map.of("disabled", true)));
            assertSucceeds(client, HumanitecTool.DELETE_WEBHOOK, hook);
            assertSucceeds(client, HumanitecTool.DELETE_ALL_JOBS, app);
            assertSucceeds(client, HumanitecTool.LIST_EVENTS, Map.of("orgId", "o"));
        }
    }

    @Test
    void theHttpOptions_areRefusedWithStdio_namingThem() throws Exception {
        RunnableJar.Finished finished = RunnableJar.run(
                "--stdio", "--sandbox", "--port", "1", "--stateless", "--oauth-issuer", "https://idp.example.com");

        assertThat(finished.status()).isEqualTo(2);
        assertThat(finished.out()).isEmpty();
        assertThat(finished.errors()).contains("--stdio", "--port", "--stateless", "--oauth-issuer");
    }

    private static Map<String, Object> with(Map<String, Object> arguments, String name, Object value) {
        Map<String, Object> more = new HashMap<>(arguments);
        more.put(name, value);
        return more;
    }

    private static void assertSucceeds(McpSyncClient client, HumanitecTool tool, Map<String, Object> arguments) {
        McpSchema.CallToolResult result = client.callTool(McpSchema.CallToolRequest.builder(tool.toolName())
                .arguments(arguments)
                .build());
        assertThat(result.isError())
                .as(tool.toolName() + ": " + result.content())
                .isFalse();
    }
}
