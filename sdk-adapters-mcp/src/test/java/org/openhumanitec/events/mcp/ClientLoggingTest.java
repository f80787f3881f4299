package org.openhumanitec.events.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.openhumanitec.events.api.errors.HumanitecApiException;
import org.openhumanitec.events.api.errors.HumanitecError;
import org.openhumanitec.events.launcher.EmbeddedServer;
import org.openhumanitec.events.sandbox.HumanitecSandbox;

/** The {@code logging} capability the SDK advertises is used: each failure of the backend is logged to the client. */
class ClientLoggingTest {

    private static McpSyncClient client(EmbeddedServer server, List<McpSchema.LoggingMessageNotification> logged) {
        McpSyncClient client = McpClient.sync(
                        HttpClientStreamableHttpTransport.builder(server.uri().toString())
                                .endpoint(HumanitecMcpServlet.ENDPOINT)
                                .build())
                .requestTimeout(Duration.ofSeconds(20))
                .loggingConsumer(logged::add)
                .build();
        client.initialize();
        return client;
    }

    @Test
    void aFailureOfTheBackend_isLoggedToTheClientAtWarning() {
        FailingApi api = new FailingApi();
        api.failWith(() -> HumanitecApiException.of(503, new HumanitecError("API-503", "Try later."), null, null));
        List<McpSchema.LoggingMessageNotification> logged = new CopyOnWriteArrayList<>();
        try (EmbeddedServer server = McpTestServers.start(api);
                McpSyncClient client = client(server, logged)) {
            assertThat(client.getServerCapabilities().logging()).isNotNull();

            McpSchema.CallToolResult result =
                    McpTestServers.call(client, HumanitecTool.LIST_EVENTS, Map.of("orgId", "o"));

            assertThat(result.isError()).isTrue();
            assertThat(logged).singleElement().satisfies(log -> {
                assertThat(log.level()).isEqualTo(McpSchema.LoggingLevel.WARNING);
                assertThat(log.logger()).isEqualTo(HumanitecMcpTools.CLIENT_LOGGER);
                assertThat(log.data()).isEqualTo(McpTestServers.text(result));
            });
        }
    }

    @Test
    void aCallThatSucceeds_orHasBadArguments_logsNothing() {
        List<McpSchema.LoggingMessageNotification> logged = new CopyOnWriteArrayList<>();
        try (EmbeddedServer server = McpTestServers.start(HumanitecSandbox.create());
                McpSyncClient client = client(server, logged)) {
            McpTestServers.call(client, HumanitecTool.LIST_EVENTS, Map.of("orgId", "o"));
            McpTestServers.call(client, HumanitecTool.LIST_EVENTS, Map.of("orgId", " "));

            assertThat(logged).isEmpty();
        }
    }
}
