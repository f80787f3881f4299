package org.openhumanitec.events.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openhumanitec.events.api.HumanitecEventApi;
import org.openhumanitec.events.launcher.EmbeddedServer;
import org.openhumanitec.events.sandbox.HumanitecSandbox;

/**
 * A client's JSON-RPC mistakes, on both transports: each gets the error JSON-RPC names for it (-32700, -32600,
 * -32602), with the request's id when it could be read, never a 500, an empty event stream or a stored replacement
 * character.
 */
class JsonRpcMessagesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static HumanitecEventApi sandbox;
    private static EmbeddedServer stateful;
    private static EmbeddedServer stateless;

    @BeforeAll
    static void start() {
        sandbox = HumanitecSandbox.create();
        stateful = McpTestServers.start(sandbox);
        stateless = McpTestServers.start(sandbox, "--stateless");
    }

    @AfterAll
    static void stop() {
        stateful.close();
        stateless.close();
        sandbox.close();
    }

    /** A session on the stateful face, or none on the stateless one. */
    private static String session(boolean isStateless) {
        return isStateless ? null : new RawMcp(stateful.uri()).initialize();
    }

    private static RawMcp raw(boolean isStateless) {
        return new RawMcp((isStateless ? stateless : stateful).uri());
    }

    /** The JSON-RPC error of an answer, as one JSON body: an event stream is not awaited for these. */
    private static JsonNode error(RawMcp.Answer answer) throws Exception {
        assertThat(answer.header("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.path("jsonrpc").asText()).isEqualTo("2.0");
        assertThat(body.has("id")).isTrue();
        return body;
    }

    @ParameterizedTest(name = "stateless={0}")
    @ValueSource(booleans = {false, true})
    void toolsCall_withArrayParams_isInvalidParams_withTheRequestsId(boolean isStateless) throws Exception {
        RawMcp.Answer answer = raw(isStateless)
                .post(
                        "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":[\"list-events\"]}",
                        session(isStateless));

        assertThat(answer.status()).isEqualTo(200);
        JsonNode body = error(answer);
        assertThat(body.path("id").asInt()).isEqualTo(7);
        assertThat(body.path("error").path("code").asInt()).isEqualTo(-32602);
        assertThat(body.path("error").path("message").asText()).contains("'params' must be an object");
    }

    @ParameterizedTest(name = "stateless={0}")
    @ValueSource(booleans = {false, true})
    void toolsCall_withArrayArguments_isInvalidParams_withTheRequestsId(boolean isStateless) throws Exception {
        RawMcp.Answer answer = raw(isStateless)
                .post(
                        "{\"jsonrpc\":\"2.0\",\"id\":\"call-8\",\"method\":\"tools/call\","
                                + "\"params\":{\"name\":\"list-events\",\"arguments\":[\"my-org\"]}}",
                        session(isStateless));

        assertThat(answer.status()).isEqualTo(200);
        JsonNode body = error(answer);
        assertThat(body.path("id").asText()).isEqualTo("call-8");
        assertThat(body.path("error").path("code").asInt()).isEqualTo(-32602);
        assertThat(body.path("error").path("message").asText()).contains("'params.arguments' must be an object");
    }

    @ParameterizedTest(name = "stateless={0}")
    @ValueSource(booleans = {false, true})
    void aNullBody_isAnInvalidRequest(boolean isStateless) throws Exception {
        RawMcp.Answer answer = raw(isStateless).post("null", session(isStateless));

        assertThat(answer.status()).isEqualTo(400);
        JsonNode body = error(answer);
        assertThat(body.get("id").isNull()).isTrue();
        assertThat(body.path("error").path("code").asInt()).isEqualTo(-32600);
    }

    @ParameterizedTest(name = "stateless={0}")
    @ValueSource(booleans = {false, true})
    void malformedJson_isAParseError(boolean isStateless) throws Exception {
        RawMcp.Answer answer = raw(isStateless).post("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":", session(isStateless));

        assertThat(answer.status()).isEqualTo(400);
        JsonNode body = error(answer);
        assertThat(body.get("id").isNull()).isTrue();
        assertThat(body.path("error").path("code").asInt()).isEqualTo(-32700);
    }

    @Test
    void anUnsolicitedResponse_isAnInvalidRequest() throws Exception {
        RawMcp.Answer answer =
                raw(false).post("{\"jsonrpc\":\"2.0\",\"id\":\"never-asked\",\"result\":{}}", session(false));

        assertThat(answer.status()).isEqualTo(400);
        JsonNode body = error(answer);
        assertThat(body.path("id").asText()).isEqualTo("never-asked");
        assertThat(body.path("error").path("code").asInt()).isEqualTo(-32600);
        assertThat(body.path("error").path("message").asText()).contains("no request of this session awaits");
    }

    @ParameterizedTest(name = "stateless={0}")
    @ValueSource(booleans = {false, true})
    void invalidUtf8_isAParseError_andNothingIsStored(boolean isStateless) throws Exception {
        String orgId = "utf8-" + isStateless;
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"tools/call\",\"params\":{\"name\":"
                        + "\"create-new-webhook\",\"arguments\":{\"orgId\":\"" + orgId + "\",\"appId\":\"app\","
                        + "\"body\":{\"id\":\"hook\",\"url\":\"https://example.com/")
                .getBytes(StandardCharsets.UTF_8));
        body.write(0xC3); // a lead byte followed by no continuation byte
        body.writeBytes("x\",\"triggers\":[{\"scope\":\"deployment\",\"type\":\"finished\"}]}}}}"
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create((isStateless ? stateless : stateful).uri() + HumanitecMcpServlet.ENDPOINT))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        String session = session(isStateless);
        if (session != null) {
            request.header("Mcp-Session-Id", session);
        }

        RawMcp.Answer answer = RawMcp.send(request.build());

        assertThat(answer.status()).isEqualTo(400);
        JsonNode error = error(answer);
        assertThat(error.path("error").path("code").asInt()).isEqualTo(-32700);
        assertThat(error.path("error").path("message").asText()).contains("UTF-8");
        assertThat(sandbox.webhooks().list(orgId, "app")).isEmpty();
    }

    @ParameterizedTest(name = "jsonrpc={0}")
    @ValueSource(strings = {"\"1.0\"", "2.0", "null"})
    void aJsonRpcVersionOtherThan2_0_isAnInvalidRequest(String version) throws Exception {
        for (boolean isStateless : new boolean[] {false, true}) {
            RawMcp.Answer answer = raw(isStateless)
                    .post("{\"jsonrpc\":" + version + ",\"id\":11,\"method\":\"tools/list\"}", session(isStateless));

            assertThat(answer.status()).isEqualTo(400);
            JsonNode body = error(answer);
            assertThat(body.path("id").asInt()).isEqualTo(11);
            assertThat(body.path("error").path("code").asInt()).isEqualTo(-32600);
            assertThat(body.path("error").path("message").asText()).isEqualTo("'jsonrpc' must be \"2.0\"");
        }
    }

    @ParameterizedTest(name = "stateless={0}")
    @ValueSource(booleans = {false, true})
    void aMissingJsonRpcVersion_isAnInvalidRequest(boolean isStateless) throws Exception {
        RawMcp.Answer answer = raw(isStateless).post("{\"id\":12,\"method\":\"tools/list\"}", session(isStateless));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(error(answer).path("error").path("code").asInt()).isEqualTo(-32600);
    }

    @ParameterizedTest(name = "stateless={0}")
    @ValueSource(booleans = {false, true})
    void aWellFormedCall_isStillServed(boolean isStateless) {
        RawMcp.Answer answer = raw(isStateless)
                .post(
                        "{\"jsonrpc\":\"2.0\",\"id\":13,\"method\":\"tools/call\",\"params\":{\"name\":"
                                + "\"list-events\",\"arguments\":{\"orgId\":\"my-org\"}}}",
                        session(isStateless));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("\"id\":13", "\"events\"").doesNotContain("\"error\"");
    }
}
