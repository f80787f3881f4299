package org.openhumanitec.events.mcp.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelcontextprotocol.client.McpSyncClient;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openhumanitec.events.launcher.EmbeddedServer;
import org.openhumanitec.events.launcher.LaunchOptions;
import org.openhumanitec.events.launcher.UsageException;
import org.openhumanitec.events.mcp.HumanitecTool;
import org.openhumanitec.events.mcp.McpTestServers;
import org.openhumanitec.events.mcp.RawMcp;
import org.openhumanitec.events.sandbox.HumanitecSandbox;

/**
 * The inbound token ({@code --auth-token}): every request to {@code /mcp} needs it, and it never shows in an answer;
 * listening beyond loopback without one refuses to start.
 */
class InboundTokenTest {

    private static final String TOKEN = "inbound-secret-4242";

    private static EmbeddedServer server;
    private static RawMcp raw;

    @BeforeAll
    static void start() {
        McpFace face = new McpFace();
        server = face.start(
                LaunchOptions.parse(
                        face.options(), new String[] {"--port", "0"}, Map.of("HUMANITEC_MCP_AUTH_TOKEN", TOKEN)),
                HumanitecSandbox.create());
        raw = new RawMcp(server.uri());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void withoutTheToken_everyRequestIsUnauthorized() {
        for (String[] headers :
                new String[][] {{}, {"Authorization", "Bearer wrong"}, {"Authorization", "Basic " + TOKEN}}) {
            RawMcp.Answer answer = raw.post(RawMcp.INITIALIZE, null, headers);

            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.header("WWW-Authenticate"))
                    .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
            assertThat(answer.body()).contains("ADAPTER-401").doesNotContain(TOKEN, "Exception");
        }
    }

    @Test
    void aSessionDoesNotReplaceTheToken() {
        String session = raw.initialize("Authorization", "Bearer " + TOKEN);

        assertThat(raw.post(RawMcp.TOOLS_LIST, session).status()).isEqualTo(401);
        assertThat(raw.post(RawMcp.TOOLS_LIST, session, "Authorization", "Bearer " + TOKEN)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void theMcpClient_withTheToken_callsTools() {
        try (McpSyncClient client = McpTestServers.connect(server.uri(), TOKEN)) {
            assertThat(McpTestServers.call(client, HumanitecTool.LIST_EVENTS, Map.of("orgId", "o"))
                            .isError())
                    .isFalse();
        }
    }

    @Test
    void theMcpClient_withoutTheToken_cannotInitialize() {
        McpSyncClient client = McpTestServers.client(server.uri(), null);
        try {
            assertThatThrownBy(client::initialize).isInstanceOf(RuntimeException.class);
        } finally {
            client.close();
        }
    }

    @Test
    void listeningBeyondLoopbackWithoutAToken_refusesToStart() {
        McpFace face = new McpFace();
        LaunchOptions options =
                LaunchOptions.parse(face.options(), new String[] {"--host", "0.0.0.0", "--port", "0"}, Map.of());

        assertThatThrownBy(() -> face.start(options, HumanitecSandbox.create()))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("Refusing to listen on 0.0.0.0")
                .hasMessageContaining("HUMANITEC_MCP_AUTH_TOKEN");
    }
}
