package org.openhumanitec.events.mcp.server;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.modelcontextprotocol.client.McpSyncClient;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openhumanitec.events.launcher.testing.RunnableJar;
import org.openhumanitec.events.mcp.HumanitecTool;
import org.openhumanitec.events.mcp.McpTestServers;
import org.openhumanitec.events.mcp.RawMcp;

/**
 * The runnable jar ({@code target/sdk-adapters-mcp-<version>-runnable.jar}) starts with {@code java -jar} and nothing else,
 * serves MCP clients, and exits 0 on SIGTERM; with {@code --log-format json} every line it logs is JSON, a tool's
 * own included, though tools run on the MCP SDK's threads.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RunnableJarIT {

    @BeforeAll
    static void onlyOnceTheJarIsBuilt() {
        RunnableJar.assumeBuilt();
    }

    @Test
    void theJar_namesItsMainClassAndLogsWithLogback() throws IOException {
        RunnableJar.assertLaunchesWithLogback(McpFace.class);
        assertThat(RunnableJar.entryText("META-INF/services/io.modelcontextprotocol.json.McpJsonMapperSupplier")
                        .strip())
                .isEqualTo("io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapperSupplier");
    }

    @Test
    void help_printsTheOptionsAndExits0() throws Exception {
        RunnableJar.assertHelpNames("--read-only", "--stateless", "HUMANITEC_MCP_PORT");
    }

    @Test
    void aUsageError_exits2WithAOneLineMessage() throws Exception {
        RunnableJar.assertUsageErrorExits2();
    }

    @Test
    void theSandbox_startsOnAFreePort_servesAndExits0OnSigterm() throws Exception {
        RunnableJar.assertServesTheSandboxUntilSigterm(
                "MCP",
                "/mcp",
                base -> {
                    try (McpSyncClient client = McpTestServers.connect(base, null)) {
                        assertThat(client.listTools().tools()).hasSize(7);
                        assertThat(McpTestServers.call(client, HumanitecTool.LIST_EVENTS, Map.of("orgId", "o"))
                                        .isError())
                                .isFalse();
                    }
                },
                "POST /mcp 200");
    }

    @Test
    void jsonLogs_everyLineIsAJsonObject_theToolsFailureNamesTheRequestId_andNoTokenIsLogged() throws Exception {
        String serverToken = "server-token-secret-0123";
        String inbound = "inbound-secret-4567";
        WireMockServer humanitec =
                new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        humanitec.start();
        try {
            // An answer that is not JSON: the tool logs the failure at WARN, on a thread of the SDK's.
            humanitec.stubFor(get(urlPathEqualTo("/orgs/acme-corp/apps/billing-api/webhooks"))
                    .willReturn(okJson("[{not json")));
            String log = RunnableJar.logOf(
                    "/mcp",
                    Map.of("HUMANITEC_API_KEY", serverToken, "HUMANITEC_MCP_AUTH_TOKEN", inbound),
                    base -> assertThat(new RawMcp(base)
                                    .post(
                                            "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":"
                                                    + "{\"name\":\"list-webhooks\",\"arguments\":"
                                                    + "{\"orgId\":\"acme-corp\",\"appId\":\"billing-api\"}}}",
                                            null,
                                            "Authorization",
                                            "Bearer " + inbound,
                                            "X-Request-Id",
                                            "req-json-2")
                                    .body())
                            .contains("\"isError\":true"),
                    "--stateless",
                    "--port",
                    "0",
                    "--humanitec-url",
                    "http://127.0.0.1:" + humanitec.port(),
                    "--log-format",
                    "json");

            List<JsonNode> lines = RunnableJar.jsonLines(log);
            assertThat(lines).anySatisfy(line -> {
                assertThat(line.path("level").asText()).isEqualTo("WARN");
                assertThat(line.path("loggerName").asText()).endsWith("HumanitecMcpTools");
                assertThat(line.path("formattedMessage").asText()).startsWith("list-webhooks failed: ");
                assertThat(line.path("mdc").path("requestId").asText()).isEqualTo("req-json-2");
            });
            assertThat(lines).anySatisfy(line -> {
                assertThat(line.path("logger").asText()).isEqualTo("org.openhumanitec.events.access");
                assertThat(line.path("requestId").asText()).isEqualTo("req-json-2");
            });
            assertThat(log).doesNotContain(serverToken, inbound);
        } finally {
            humanitec.stop();
        }
    }
}
