package org.openhumanitec.events.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openhumanitec.events.api.errors.HumanitecApiException;
import org.openhumanitec.events.api.errors.HumanitecError;
import org.openhumanitec.events.launcher.EmbeddedServer;
import org.openhumanitec.events.sandbox.HumanitecSandbox;

/** The {@code logging} capability the SDK advertises is used: each failure of the backend is logged to the client. */
class ClientLoggingTest {

    private static McpSyncClient client(
            EmbeddedServer server, BlockingQueue<McpSchema.LoggingMessageNotification> logged) {
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
    void aFailureOfTheBackend_isLoggedToTheClientAtWarning() throws InterruptedException {
        FailingApi api = new FailingApi();
        api.failWith(() -> HumanitecApiException.of(503, new HumanitecError("API-503", "Try later."), null, null));
        BlockingQueue<McpSchema.LoggingMessageNotification> logged = new LinkedBlockingQueue<>();
        try (EmbeddedServer server = McpTestServers.start(api);
                McpSyncClient client = client(server, logged)) {
            assertThat(client.getServerCapabilities().logging()).isNotNull();

            McpSchema.CallToolResult result =
                    McpTestServers.call(client, HumanitecTool.LIST_EVENTS, Map.of("orgId", "o"));

            assertThat(result.isError()).isTrue();
            McpSchema.LoggingMessageNotification log = logged.poll(20, TimeUnit.SECONDS);
            assertThat(log).isNotNull();
            assertThat(log.level()).isEqualTo(McpSchema.LoggingLevel.WARNING);
            assertThat(log.logger()).isEqualTo(HumanitecMcpTools.CLIENT_LOGGER);
            assertThat(log.data()).isEqualTo(McpTestServers.text(result));
        }
    }

    @Test
    void aCallThatSucceeds_orHasBadArguments_logsNothing() throws InterruptedException {
        BlockingQueue<McpSchema.LoggingMessageNotification> logged = new LinkedBlockingQueue<>();
        try (EmbeddedServer server = McpTestServers.start(HumanitecSandbox.create());
                McpSyncClient client = client(server, logged)) {
            McpTestServers.call(client, HumanitecTool.LIST_EVENTS, Map.of("orgId", "o"));
            McpTestServers.call(client, HumanitecTool.LIST_EVENTS, Map.of("orgId", " "));
            // Then a failure (the sandbox's 404): the first log the client receives must be the failure's.
            McpTestServers.call(client, HumanitecTool.GET_WEBHOOK, Map.of("orgId", "o", "appId", "a", "jobId", "nope"));

            McpSchema.LoggingMessageNotification log = logged.poll(20, TimeUnit.SECONDS);
            assertThat(log).isNotNull();
            assertThat(log.data()).startsWith("get-webhook failed: Humanitec answered HTTP 404");
        }
    }
}
