package org.openhumanitec.events.mcp.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.McpSyncClient;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openhumanitec.events.launcher.testing.RunnableJar;
import org.openhumanitec.events.launcher.testing.RunnableJarContract;
import org.openhumanitec.events.mcp.HumanitecTool;
import org.openhumanitec.events.mcp.McpTestServers;
import org.openhumanitec.events.mcp.RawMcp;

/**
 * The runnable jar ({@code target/sdk-adapters-mcp-<version>-runnable.jar}) starts with {@code java -jar} and nothing else,
 * serves MCP clients, and exits 0 on SIGTERM; with {@code --log-format json} every line it logs is JSON, a tool's
 * own included, though tools run on the MCP SDK's threads.
 */
class RunnableJarIT extends RunnableJarContract {

    RunnableJarIT() {
        super(new McpFace(), "MCP", "/mcp", "POST /mcp 200");
    }

    @Override
    protected void exerciseTheSandbox(URI base) {
        try (McpSyncClient client = McpTestServers.connect(base, null)) {
            assertThat(client.listTools().tools()).hasSize(7);
            assertThat(McpTestServers.call(client, HumanitecTool.LIST_EVENTS, Map.of("orgId", "o"))
                            .isError())
                    .isFalse();
        }
    }

    @Override
    protected List<String> argumentsOfTheFailingCall() {
        return List.of("--stateless");
    }

    @Override
    protected LoggedFailure failure() {
        // A tool's failure is a result of the call (isError), not an HTTP error: the access log says 200.
        return new LoggedFailure(
                "/orgs/acme-corp/apps/billing-api/webhooks", "HumanitecMcpTools", "list-webhooks failed: ", 200);
    }

    @Override
    protected void makeTheFailingCall(URI base, String authorization, String requestId) {
        // An answer that is not JSON: the tool logs the failure at WARN, on a thread of the SDK's.
        assertThat(new RawMcp(base)
                        .post(
                                "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":"
                                        + "{\"name\":\"list-webhooks\",\"arguments\":"
                                        + "{\"orgId\":\"acme-corp\",\"appId\":\"billing-api\"}}}",
                                null,
                                "Authorization",
                                authorization,
                                "X-Request-Id",
                                requestId)
                        .body())
                .contains("\"isError\":true");
    }

    @Test
    void theJar_packsTheSdksJacksonMapper() throws IOException {
        assertThat(RunnableJar.entryText("META-INF/services/io.modelcontextprotocol.json.McpJsonMapperSupplier")
                        .strip())
                .isEqualTo("io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapperSupplier");
    }
}
