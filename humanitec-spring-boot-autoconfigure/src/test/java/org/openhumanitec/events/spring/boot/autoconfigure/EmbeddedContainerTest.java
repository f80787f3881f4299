package org.openhumanitec.events.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openhumanitec.events.api.model.CreateWebhookRequest;
import org.openhumanitec.events.feign.HumanitecClient;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A real Spring Boot web application in the servlet container Boot picks (Tomcat, as spring-boot-starter-web
 * brings), on 127.0.0.1 and a random port: the REST and MCP faces answer HTTP calls over the one sandbox bean.
 */
@SpringBootTest(
        classes = EmbeddedContainerTest.App.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "server.address=127.0.0.1",
            // Spring Security is on the test class path for FacesSecurityTest: this application has none.
            "spring.autoconfigure.exclude=org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration,"
                    + "org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration",
            "humanitec.sandbox.enabled=true",
            "humanitec.rest.enabled=true",
            "humanitec.mcp.enabled=true",
            "humanitec.mcp.read-only=true"
        })
class EmbeddedContainerTest {

    @LocalServerPort
    int port;

    @Test
    void theRestFace_servesThisSdksClient_andTheMcpFaceSeesTheSameSandbox() {
        String app = "http://127.0.0.1:" + port;
        try (HumanitecClient client = HumanitecClient.builder()
                .token("any-token")
                .baseUrl(app + "/humanitec/v1")
                .build()) {
            client.webhooks()
                    .create(
                            "o",
                            "a",
                            CreateWebhookRequest.builder()
                                    .id("deploy-hook")
                                    .url("https://example.com/hook")
                                    .build());
            assertThat(client.webhooks().list("o", "a")).extracting("id").containsExactly("deploy-hook");
        }

        HttpClientStreamableHttpTransport transport =
                HttpClientStreamableHttpTransport.builder(app).endpoint("/mcp").build();
        try (McpSyncClient mcp = McpClient.sync(transport).build()) {
            mcp.initialize();
            assertThat(mcp.listTools().tools())
                    .extracting(McpSchema.Tool::name)
                    .as("humanitec.mcp.read-only")
                    .containsExactlyInAnyOrder("list-webhooks", "get-webhook", "list-events");
            McpSchema.CallToolResult webhooks = mcp.callTool(McpSchema.CallToolRequest.builder("list-webhooks")
                    .arguments(Map.of("orgId", "o", "appId", "a"))
                    .build());
            assertThat(webhooks.isError()).isFalse();
            assertThat(webhooks.structuredContent().toString()).contains("deploy-hook");
        }
    }

    @Test
    void theRestFace_answersItsOwnRoutes_andAForeignHostIsRefusedByTheMcpFace() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> health = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/humanitec/healthz"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);

        HttpResponse<String> foreign = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/mcp"))
                        .header("Origin", "https://evil.example")
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json, text/event-stream")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(foreign.statusCode()).as(foreign.body()).isEqualTo(403);
        assertThat(List.of(foreign.body())).allMatch(body -> body.startsWith("{\"jsonrpc\":\"2.0\""));
    }

    /** An application with nothing of its own. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {}
}
