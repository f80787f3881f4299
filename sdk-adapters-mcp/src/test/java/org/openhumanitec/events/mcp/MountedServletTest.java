package org.openhumanitec.events.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;
import org.openhumanitec.events.api.HumanitecEventApi;
import org.openhumanitec.events.sandbox.HumanitecSandbox;

/**
 * The servlet mounted in a plain Jetty of the caller's, without the launcher; and the MCP Java SDK's client code the
 * documentation quotes.
 */
class MountedServletTest {

    @Test
    void theServlet_servesInAnyServletContainer() throws Exception {
        HumanitecEventApi api = HumanitecSandbox.create();
        Server jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        // BEGIN mount-mcp-servlet
        HumanitecMcpServlet servlet = HumanitecMcpServlet.create(
                api, // any HumanitecEventApi: the sandbox, or a HumanitecClient
                HumanitecMcpSettings.builder().readOnly(true).build());
        ServletHolder holder = new ServletHolder(servlet);
        holder.setAsyncSupported(true); // the MCP transport answers asynchronously
        context.addServlet(holder, "/mcp");
        // END mount-mcp-servlet
        jetty.setHandler(context);
        jetty.start();
        try {
            String url = "http://127.0.0.1:" + connector.getLocalPort();
            McpSchema.CallToolResult result = listEvents(url);

            assertThat(result.isError()).isFalse();
            assertThat(result.structuredContent()).isInstanceOf(Map.class);
            RawMcp.Answer create = new RawMcp(URI.create(url)).post(RawMcp.TOOLS_LIST, null);
            assertThat(create.status())
                    .as("stateful by default: a session is required")
                    .isEqualTo(400);
        } finally {
            jetty.stop();
        }
    }

    private static McpSchema.CallToolResult listEvents(String url) {
        McpSchema.CallToolResult events;
        // BEGIN mcp-java-client
        // url: the server's address, such as http://127.0.0.1:9090
        HttpClientStreamableHttpTransport transport =
                HttpClientStreamableHttpTransport.builder(url).endpoint("/mcp").build();
        try (McpSyncClient client = McpClient.sync(transport).build()) {
            client.initialize();
            client.listTools().tools().forEach(tool -> System.out.println(tool.name() + ": " + tool.title()));
            events = client.callTool(McpSchema.CallToolRequest.builder("list-events")
                    .arguments(Map.of("orgId", "my-org"))
                    .build());
            System.out.println(events.structuredContent()); // {events=[{scope=environment, type=created, ...
        }
        // END mcp-java-client
        return events;
    }
}
