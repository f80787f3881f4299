package org.openhumanitec.events.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openhumanitec.events.mcp.McpTestServers.call;
import static org.openhumanitec.events.mcp.McpTestServers.text;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.openhumanitec.events.api.errors.HumanitecApiException;
import org.openhumanitec.events.api.errors.HumanitecError;
import org.openhumanitec.events.api.errors.InvalidResponseException;
import org.openhumanitec.events.api.errors.NetworkException;
import org.openhumanitec.events.api.errors.NetworkTimeoutException;
import org.openhumanitec.events.launcher.EmbeddedServer;

/**
 * Every kind of backend failure is a tool result with {@code isError: true} whose text names the status, Humanitec's
 * error code and message (or the network failure), never a JSON-RPC error, a class name or a stack trace.
 */
class ApiFailuresTest {

    private static final FailingApi API = new FailingApi();
    private static EmbeddedServer server;
    private static McpSyncClient client;

    @BeforeAll
    static void start() {
        server = McpTestServers.start(API);
        client = McpTestServers.connect(server);
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    private static HumanitecApiException api(
            int status, String code, String message, Map<String, List<String>> headers) {
        return HumanitecApiException.of(status, new HumanitecError(code, message), headers, null);
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                failure(
                        "401",
                        () -> api(401, "API-000", "Could not validate token.", null),
                        "Humanitec answered HTTP 401 Unauthorized, error code API-000: Could not validate token."),
                failure(
                        "403",
                        () -> api(403, "API-403", "The token lacks the Administrator role.", null),
                        "Humanitec answered HTTP 403 Forbidden, error code API-403: The token lacks the Administrator role."),
                failure(
                        "429 with Retry-After",
                        () -> api(429, "API-429", "Slow down.", Map.of("Retry-After", List.of("30"))),
                        "Humanitec answered HTTP 429 Too Many Requests, error code API-429: Slow down. Retry after 30 s."),
                failure(
                        "500",
                        () -> api(500, "API-500", "Internal server error.", null),
                        "Humanitec answered HTTP 500 Internal Server Error, error code API-500: Internal server error."),
                failure(
                        "503 without an error body",
                        () -> HumanitecApiException.of(503, null, null, "<html>maintenance</html>"),
                        "Humanitec answered HTTP 503 Service Unavailable (no error message)."),
                failure(
                        "422",
                        () -> api(422, "API-422", "The payload is not valid.", null),
                        "Humanitec answered HTTP 422 Unprocessable Entity, error code API-422: The payload is not valid."),
                failure(
                        "connection refused",
                        () -> new NetworkException("connection refused", new ConnectException("refused"), false),
                        "Humanitec could not be reached (network error). The request never left; it is safe to call again."),
                failure(
                        "timeout",
                        () -> new NetworkTimeoutException("read timed out", new SocketTimeoutException(), true),
                        "Humanitec did not answer in time (network timeout). The request may have reached Humanitec;"
                                + " calling again is safe."),
                failure(
                        "unreadable response",
                        () -> new InvalidResponseException("bad JSON", 200, "{", new IOException("eof")),
                        "Humanitec sent a response that could not be read."),
                failure(
                        "a bug",
                        () -> new IllegalStateException("bug in com.example.internal.Store at line 42"),
                        ToolFailures.UNEXPECTED));
    }

    private static Arguments failure(String name, Supplier<RuntimeException> failure, String text) {
        return Arguments.of(Named.of(name, failure), text);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void aBackendFailure_isAnErrorResultSayingWhatHappened(Supplier<RuntimeException> failure, String expected) {
        API.failWith(failure);

        CallToolResult result = call(client, HumanitecTool.LIST_WEBHOOKS, Map.of("orgId", "my-org", "appId", "my-app"));

        assertThat(result.isError()).isTrue();
        assertThat(result.structuredContent()).isNull();
        assertThat(text(result)).isEqualTo("list-webhooks failed: " + expected);
        assertThat(text(result)).doesNotContain("Exception", "com.example", "at line", "java.");
    }

    @Test
    void aTimeoutOfTheCreate_warnsThatTheWebhookMayExist() {
        API.failWith(() -> new NetworkTimeoutException("read timed out", new SocketTimeoutException(), true));

        CallToolResult result = call(
                client, HumanitecTool.CREATE_WEBHOOK, Map.of("orgId", "o", "appId", "a", "body", Map.of("id", "hook")));

        assertThat(text(result))
                .endsWith("The request may have reached Humanitec: check with list-webhooks before calling again.");
    }

    @ParameterizedTest
    @EnumSource(HumanitecTool.class)
    void everyTool_turnsAnApiErrorIntoAnErrorResult(HumanitecTool tool) {
        API.failWith(() -> api(404, "API-404", "Not here.", null));
        Map<String, Object> arguments = new java.util.HashMap<>(Map.of("orgId", "o"));
        if (tool.takesAppId()) {
            arguments.put("appId", "a");
        }
        if (tool.takesJobId()) {
            arguments.put("jobId", "j");
        }
        if (tool.takesBody()) {
            arguments.put("body", Map.of("disabled", true));
        }

        CallToolResult result = call(client, tool, arguments);

        assertThat(result.isError()).isTrue();
        assertThat(text(result))
                .isEqualTo(tool.toolName()
                        + " failed: Humanitec answered HTTP 404 Not Found, error code API-404: Not here.");
    }
}
