package org.openhumanitec.events.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.spec.McpError;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openhumanitec.events.launcher.EmbeddedServer;
import org.openhumanitec.events.sandbox.HumanitecSandbox;

/**
 * What the servlet checks before the SDK sees a request (Origin, Host, MCP-Protocol-Version, the body limit), and the
 * SDK transport's own refusals: each is a JSON-RPC error body without an id, never a serialized exception.
 */
class TransportGuardsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int LIMIT = 4096;

    private static EmbeddedServer server;
    private static RawMcp raw;

    @BeforeAll
    static void start() {
        server = McpTestServers.start(
                HumanitecSandbox.create(),
                "--max-request-bytes",
                Integer.toString(LIMIT),
                "--allowed-origins",
                "https://console.example.com,http://localhost:*");
        raw = new RawMcp(server.uri());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Asserts a JSON-RPC error response without an id and without anything internal; returns its message. */
    private static String jsonRpcError(String body) throws Exception {
        assertThat(body).doesNotContain("stackTrace", "Exception", ".java", "io.modelcontextprotocol", "org.eclipse");
        JsonNode error = JSON.readTree(body);
        assertThat(error.path("jsonrpc").asText()).isEqualTo("2.0");
        assertThat(error.has("id")).isTrue();
        assertThat(error.get("id").isNull()).isTrue();
        assertThat(error.path("error").path("code").isInt()).isTrue();
        return error.path("error").path("message").asText();
    }

    @Test
    void aForeignOrigin_isForbidden() throws Exception {
        RawMcp.Answer answer = raw.post(RawMcp.INITIALIZE, null, "Origin", "https://evil.example");

        assertThat(answer.status()).isEqualTo(403);
        assertThat(jsonRpcError(answer.body())).isEqualTo("Invalid Origin header");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://console.example.com", "http://localhost:5173"})
    void anAllowedOrigin_orNone_isServed(String origin) {
        assertThat(raw.post(RawMcp.INITIALIZE, null, "Origin", origin).status()).isEqualTo(200);
        assertThat(raw.post(RawMcp.INITIALIZE, null).status()).isEqualTo(200);
    }

    @Test
    void aForeignHost_isMisdirected() throws Exception {
        String answer = raw.raw(
                "POST /mcp HTTP/1.1\r\nHost: attacker.example:" + server.port()
                        + "\r\nContent-Type: application/json\r\nAccept: application/json, text/event-stream\r\n",
                RawMcp.INITIALIZE);

        assertThat(answer).startsWith("HTTP/1.1 421 ");
        assertThat(jsonRpcError(answer.substring(answer.indexOf("\r\n\r\n") + 4)))
                .isEqualTo("Invalid Host header");
    }

    @Test
    void anUnsupportedProtocolVersion_isABadRequest_aSupportedOneOrNoneIsServed() throws Exception {
        String session = raw.initialize();

        RawMcp.Answer unsupported = raw.post(RawMcp.TOOLS_LIST, session, "MCP-Protocol-Version", "1999-01-01");
        assertThat(unsupported.status()).isEqualTo(400);
        assertThat(jsonRpcError(unsupported.body()))
                .isEqualTo("Unsupported MCP-Protocol-Version: this server speaks 2025-03-26, 2025-06-18, 2025-11-25");

        for (String version : HumanitecMcpServlet.PROTOCOL_VERSIONS) {
            assertThat(raw.post(RawMcp.TOOLS_LIST, session, "MCP-Protocol-Version", version)
                            .status())
                    .isEqualTo(200);
        }
        assertThat(raw.post(RawMcp.TOOLS_LIST, session).status()).isEqualTo(200);
    }

    @Test
    void aBodyOverTheLimit_isTooLarge() throws Exception {
        String big =
                "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"ping\",\"params\":{\"pad\":\"" + "x".repeat(LIMIT) + "\"}}";

        RawMcp.Answer answer = raw.post(big, null);

        assertThat(answer.status()).isEqualTo(413);
        assertThat(jsonRpcError(answer.body())).isEqualTo("The request body is larger than " + LIMIT + " bytes");
    }

    @Test
    void aChunkedBodyOverTheLimit_isTooLargeToo() throws Exception {
        String session = raw.initialize();
        byte[] big = ("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"ping\",\"params\":{\"pad\":\"" + "x".repeat(LIMIT)
                        + "\"}}")
                .getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.uri() + "/mcp"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .header("Mcp-Session-Id", session)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)))
                .build();

        RawMcp.Answer answer = RawMcp.send(request);

        assertThat(answer.status()).isEqualTo(413);
        jsonRpcError(answer.body());
    }

    @Test
    void aRequestWithoutASession_isABadRequestWithAJsonRpcBody() throws Exception {
        RawMcp.Answer answer = raw.post(RawMcp.TOOLS_LIST, null);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(jsonRpcError(answer.body())).contains("Session ID required");
    }

    @Test
    void anUnknownSession_isNotFoundWithAJsonRpcBody() throws Exception {
        RawMcp.Answer answer = raw.post(RawMcp.TOOLS_LIST, "deadbeef");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(jsonRpcError(answer.body())).contains("Session not found");
    }

    @Test
    void malformedJson_isAParseError_withoutTheParsersMessage() throws Exception {
        String session = raw.initialize();

        RawMcp.Answer answer = raw.post("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":secret-token-123", session);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).doesNotContain("secret-token-123");
        assertThat(jsonRpcError(answer.body())).isEqualTo("Parse error: the body is not valid JSON");
        assertThat(JSON.readTree(answer.body()).path("error").path("code").asInt())
                .isEqualTo(-32700);
    }

    @Test
    void theWrongAcceptOrContentType_isRefusedWithAJsonRpcBody() throws Exception {
        RawMcp.Answer accept = RawMcp.send(HttpRequest.newBuilder(URI.create(server.uri() + "/mcp"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(RawMcp.INITIALIZE))
                .build());
        assertThat(accept.status()).isEqualTo(400);
        assertThat(jsonRpcError(accept.body()))
                .isEqualTo("Not acceptable: the Accept header must name text/event-stream, and application/json too"
                        + " for a POST");

        RawMcp.Answer contentType = RawMcp.send(HttpRequest.newBuilder(URI.create(server.uri() + "/mcp"))
                .header("Content-Type", "text/plain")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(RawMcp.INITIALIZE))
                .build());
        assertThat(contentType.status()).isEqualTo(415);
        assertThat(jsonRpcError(contentType.body()))
                .isEqualTo("Invalid request: the body must be one JSON-RPC message, sent as Content-Type:"
                        + " application/json");
    }

    @ParameterizedTest
    @ValueSource(ints = {-32600, -32601, -32603, -32000})
    void anSdkError_isWrittenWithItsCode_andTheFacesMessageForIt_neverItsOwnText(int code) throws Exception {
        McpError error = McpError.builder(code)
                .message("Session not found: secret-token-123")
                .build();

        String body = TransportJson.mapper().writeValueAsString(error);

        assertThat(body).doesNotContain("secret-token-123");
        assertThat(jsonRpcError(body)).isEqualTo(TransportJson.sdkRefusal(code));
        assertThat(JSON.readTree(body).path("error").path("code").asInt()).isEqualTo(code);
    }

    @Test
    void theSdksInternalErrors_areAnInternalError() {
        assertThat(TransportJson.sdkRefusal(-32603)).isEqualTo("Internal error");
        assertThat(TransportJson.sdkRefusal(-32000)).isEqualTo("Internal error");
    }

    @Test
    void aGetWithoutASession_isRefusedWithAJsonRpcBody() throws Exception {
        RawMcp.Answer answer = RawMcp.send(HttpRequest.newBuilder(URI.create(server.uri() + "/mcp"))
                .header("Accept", "text/event-stream")
                .GET()
                .build());

        assertThat(answer.status()).isEqualTo(400);
        jsonRpcError(answer.body());
    }

    @Test
    void anyOtherPath_isNotServed() {
        RawMcp.Answer answer = RawMcp.send(HttpRequest.newBuilder(URI.create(server.uri() + "/other"))
                .GET()
                .build());

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.body()).doesNotContain("Exception", "org.eclipse", "<html");
    }
}
