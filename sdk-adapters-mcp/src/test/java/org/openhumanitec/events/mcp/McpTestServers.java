package org.openhumanitec.events.mcp;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openhumanitec.events.api.HumanitecEventApi;
import org.openhumanitec.events.launcher.EmbeddedServer;
import org.openhumanitec.events.launcher.LaunchOptions;
import org.openhumanitec.events.mcp.server.McpFace;

/** Starts the MCP face on a free loopback port over a given backend, and connects the MCP SDK's own client. */
public final class McpTestServers {

    private McpTestServers() {}

    /**
     * Starts the face.
     *
     * @param backend the backend, owned by the test
     * @param args more options, such as {@code --read-only}
     * @return the running server
     */
    public static EmbeddedServer start(HumanitecEventApi backend, String... args) {
        List<String> all = new ArrayList<>(List.of("--port", "0"));
        all.addAll(List.of(args));
        McpFace face = new McpFace();
        return face.start(LaunchOptions.parse(face.options(), all.toArray(String[]::new), Map.of()), backend);
    }

    /**
     * An initialized client of the MCP Java SDK.
     *
     * @param server the server
     * @return the client; close it
     */
    public static McpSyncClient connect(EmbeddedServer server) {
        return connect(server.uri(), null);
    }

    /**
     * An initialized client of the MCP Java SDK.
     *
     * @param base the server's address, such as {@code http://127.0.0.1:9090}
     * @param token the bearer token to send, or null
     * @return the client; close it
     */
    public static McpSyncClient connect(URI base, String token) {
        McpSyncClient client = client(base, token);
        client.initialize();
        return client;
    }

    /**
     * A client of the MCP Java SDK, not yet initialized.
     *
     * @param base the server's address
     * @param token the bearer token to send, or null
     * @return the client; close it
     */
    public static McpSyncClient client(URI base, String token) {
        HttpClientStreamableHttpTransport.Builder transport =
                HttpClientStreamableHttpTransport.builder(base.toString()).endpoint(HumanitecMcpServlet.ENDPOINT);
        if (token != null) {
            transport.requestBuilder(java.net.http.HttpRequest.newBuilder().header("Authorization", "Bearer " + token));
        }
        return McpClient.sync(transport.build())
                .clientInfo(McpSchema.Implementation.builder("mcp-adapter-tests", "1.0")
                        .build())
                .requestTimeout(Duration.ofSeconds(20))
                .build();
    }

    /**
     * Calls a tool.
     *
     * @param client the client
     * @param tool the tool
     * @param arguments the arguments
     * @return the result
     */
    public static McpSchema.CallToolResult call(
            McpSyncClient client, HumanitecTool tool, Map<String, Object> arguments) {
        return client.callTool(McpSchema.CallToolRequest.builder(tool.toolName())
                .arguments(arguments)
                .build());
    }

    /**
     * The text of a result's only content.
     *
     * @param result the result
     * @return the text
     */
    public static String text(McpSchema.CallToolResult result) {
        return ((McpSchema.TextContent) result.content().get(0)).text();
    }
}
