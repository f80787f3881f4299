package org.openhumanitec.events.samples;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Calling the MCP face from the MCP Java SDK's client, as an agent would: lists the tools, creates a webhook and
 * lists the app's webhooks. Start the demo (or the MCP face) first; the address defaults to the demo's.
 */
public final class McpClientSample {

    private McpClientSample() {}

    /**
     * Calls the MCP face.
     *
     * @param args the MCP endpoint, {@code http://127.0.0.1:9090/mcp} when none is given
     */
    public static void main(String[] args) {
        URI endpoint = URI.create(args.length > 0 ? args[0] : "http://127.0.0.1:9090/mcp");
        run(endpoint);
    }

    /**
     * Lists the tools, creates a webhook and lists the webhooks of {@code my-org/my-app}.
     *
     * @param endpoint the MCP face's endpoint, such as {@code http://127.0.0.1:9090/mcp}
     * @return the structured result of {@code list-webhooks}: {@code {"webhooks": [...]}}
     */
    // BEGIN mcp-client
    static Object run(URI endpoint) {
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(
                        endpoint.resolve("/").toString())
                .endpoint(endpoint.getPath())
                .build();
        try (McpSyncClient client =
                McpClient.sync(transport).requestTimeout(Duration.ofSeconds(10)).build()) {
            client.initialize();
            for (Tool tool : client.listTools().tools()) {
                System.out.println(tool.name() + ": " + tool.title());
            }

            CallToolResult created = client.callTool(CallToolRequest.builder("create-new-webhook")
                    .arguments(Map.of(
                            "orgId", "my-org",
                            "appId", "my-app",
                            "body",
                                    Map.of(
                                            "id", "from-an-agent",
                                            "url", "https://hooks.example.com/agent",
                                            "triggers", List.of(Map.of("scope", "deployment", "type", "finished")))))
                    .build());
            System.out.println("created: "
                    + (Boolean.TRUE.equals(created.isError()) ? created.content() : created.structuredContent()));

            CallToolResult listed = client.callTool(CallToolRequest.builder("list-webhooks")
                    .arguments(Map.of("orgId", "my-org", "appId", "my-app"))
                    .build());
            if (Boolean.TRUE.equals(listed.isError())) { // API failures are results, not exceptions
                throw new IllegalStateException("list-webhooks failed: " + listed.content());
            }
            System.out.println("listed: " + listed.structuredContent());
            return listed.structuredContent();
        }
    }
    // END
}
