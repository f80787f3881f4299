package org.openhumanitec.events.mcp.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openhumanitec.events.launcher.EmbeddedServer;
import org.openhumanitec.events.launcher.LaunchOptions;
import org.openhumanitec.events.launcher.Launcher;
import org.openhumanitec.events.launcher.UsageException;
import org.openhumanitec.events.mcp.RawMcp;
import org.openhumanitec.events.sandbox.HumanitecSandbox;

/** The face's options, its start-up line, and the usage errors it reports before anything is opened. */
class McpFaceTest {

    private static LaunchOptions options(McpFace face, Map<String, String> environment, String... args) {
        return LaunchOptions.parse(face.options(), args, environment);
    }

    @Test
    void help_listsEveryOptionWithItsVariableAndDefault() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        List<EmbeddedServer> servers = Launcher.start(
                new McpFace(), new String[] {"--help"}, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(servers).isEmpty();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains(
                        "--host <value>",
                        "HUMANITEC_MCP_HOST",
                        "(default 127.0.0.1)",
                        "HUMANITEC_MCP_PORT",
                        "(default 9090)",
                        "--sandbox",
                        "--humanitec-url",
                        "--auth-token <secret>",
                        "HUMANITEC_MCP_AUTH_TOKEN",
                        "--read-only",
                        "HUMANITEC_MCP_READ_ONLY",
                        "--tools <value>",
                        "HUMANITEC_MCP_TOOLS",
                        "--stateless",
                        "HUMANITEC_MCP_STATELESS",
                        "--allowed-origins <value>",
                        "HUMANITEC_MCP_ALLOWED_ORIGINS",
                        "--allowed-hosts <value>",
                        "HUMANITEC_MCP_ALLOWED_HOSTS",
                        "--max-request-bytes <value>",
                        "HUMANITEC_MCP_MAX_REQUEST_BYTES",
                        "(default 1048576)",
                        "--max-sessions <value>",
                        "HUMANITEC_MCP_MAX_SESSIONS",
                        "(default 500)",
                        "--session-idle-minutes <value>",
                        "HUMANITEC_MCP_SESSION_IDLE_MINUTES",
                        "(default 10)");
    }

    @Test
    void theSandbox_printsOneLineWithTheEndpoint_andEnvironmentVariablesSetTheModes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<EmbeddedServer> servers = Launcher.start(
                new McpFace(),
                new String[] {"--sandbox", "--port", "0"},
                Map.of("HUMANITEC_MCP_STATELESS", "true", "HUMANITEC_MCP_READ_ONLY", "yes"),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertThat(out.toString(StandardCharsets.UTF_8))
                    .matches("Humanitec MCP adapter for the sandbox \\(stateless\\) listening on"
                            + " http://127\\.0\\.0\\.1:\\d+/mcp\\R");
            RawMcp.Answer tools = new RawMcp(servers.get(0).uri()).post(RawMcp.TOOLS_LIST, null);
            assertThat(tools.status()).isEqualTo(200);
            assertThat(tools.body()).contains("\"list-events\"").doesNotContain("\"create-new-webhook\"");
        } finally {
            servers.forEach(EmbeddedServer::close);
        }
    }

    @Test
    void withoutSandboxOrToken_itSaysWhichVariableToSet() {
        McpFace face = new McpFace();

        assertThatThrownBy(() -> face.start(options(face, Map.of(), "--port", "0"), Map.of()))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("HUMANITEC_API_KEY")
                .hasMessageContaining("--sandbox");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "--tools|list-hooks|--tools: no tool is named 'list-hooks'",
                "--tools|,|--tools must name at least one tool",
                "--max-request-bytes|0|--max-request-bytes must be a number of bytes from 1 to 67108864, not '0'",
                "--max-request-bytes|lots|--max-request-bytes must be a number of bytes",
                "--max-sessions|0|--max-sessions must be a number of sessions from 1 to 100000, not '0'",
                "--session-idle-minutes|0|--session-idle-minutes must be a number of minutes from 1 to 1440, not '0'",
                "--session-idle-minutes|1441|--session-idle-minutes must be a number of minutes from 1 to 1440",
                "--tools|list-events,nope|--tools: no tool is named 'nope'"
            })
    void aWrongValue_isAUsageErrorNamingTheOption(String option, String value, String message) {
        McpFace face = new McpFace();

        assertThatThrownBy(() ->
                        face.start(options(face, Map.of(), "--port", "0", option, value), HumanitecSandbox.create()))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining(message);
    }

    @Test
    void readOnlyWithOnlyWritingTools_leavesNothingToOffer() {
        McpFace face = new McpFace();

        assertThatThrownBy(() -> face.start(
                        options(face, Map.of(), "--port", "0", "--read-only", "--tools", "delete-webhook"),
                        HumanitecSandbox.create()))
                .isInstanceOf(UsageException.class)
                .hasMessage("--tools with --read-only: no tool is left to offer: the allow-list names only tools that"
                        + " change data, in read-only mode");
    }

    @Test
    void stoppingTheServer_leavesTheCallersBackendOpen() {
        McpFace face = new McpFace();
        org.openhumanitec.events.mcp.FailingApi backend = new org.openhumanitec.events.mcp.FailingApi();
        EmbeddedServer server = face.start(options(face, Map.of(), "--port", "0"), backend);
        server.close();

        assertThat(backend.calls()).isEmpty();
    }
}
