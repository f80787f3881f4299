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

    @org.junit.jupiter.params.ParameterizedTest(name = "stateless: {0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
    void methodsTheTransportDoesNotServe_are405WithAllow_neverAnEcho(boolean stateless) throws Exception {
        Server jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        ServletHolder holder = new ServletHolder(HumanitecMcpServlet.create(
                HumanitecSandbox.create(),
                HumanitecMcpSettings.builder().stateless(stateless).build()));
        holder.setAsyncSupported(true);
        context.addServlet(holder, "/mcp");
        jetty.setHandler(context);
        jetty.start();
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        try {
            java.util.List<String> refused = stateless
                    ? java.util.List.of("TRACE", "PUT", "OPTIONS", "GET", "DELETE", "PATCH")
                    : java.util.List.of("TRACE", "PUT", "OPTIONS", "PATCH");
            for (String method : refused) {
                java.net.http.HttpResponse<String> answer = client.send(
                        java.net.http.HttpRequest.newBuilder(
                                        URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/mcp"))
                                .method(method, java.net.http.HttpRequest.BodyPublishers.noBody())
                                .header("Authorization", "Bearer caller-secret-99")
                                .header("Cookie", "session=cookie-secret")
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());

                assertThat(answer.statusCode()).as(method).isEqualTo(405);
                assertThat(answer.headers().firstValue("Allow")).hasValue(stateless ? "POST" : "GET, POST, DELETE");
                assertThat(answer.body())
                        .startsWith("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":")
                        .doesNotContain("caller-secret-99", "cookie-secret");
            }
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
