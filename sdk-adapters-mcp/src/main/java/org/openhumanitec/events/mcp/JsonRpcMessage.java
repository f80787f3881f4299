package org.openhumanitec.events.mcp;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A POSTed body read as the JSON-RPC 2.0 message MCP requires, before the SDK's transport sees it, so that a
 * client's mistake gets the error JSON-RPC names for it rather than the SDK 2.1.0's 500, empty event stream or
 * replacement characters:
 *
 * <ul>
 *   <li>bytes that are not UTF-8, or not one JSON value: -32700 (parse error). MCP messages "MUST be UTF-8 encoded",
 *       and JSON exchanged between systems is UTF-8 (RFC 8259, section 8.1): other bytes are no JSON text at all,
 *       so they fail at parsing, before any message is read;
 *   <li>JSON that is not one message object ({@code null}, a number, a batch), {@code jsonrpc} other than exactly
 *       {@code "2.0"}, a {@code method} that is not a string, an {@code id} that is neither a string nor a number, or
 *       {@code params} that is not a structured value: -32600 (invalid request);
 *   <li>a request whose {@code params} is an array, or a {@code tools/call} whose {@code name} is not a string or whose
 *       {@code arguments} is not an object:
 *       -32602 (invalid params), with the request's id: MCP names every parameter.
 * </ul>
 *
 * @param kind request, notification or response
 * @param method the method of a request or notification, else null
 * @param id the id, a string or number node, else null
 * @param params the params of a request or notification, else null
 */
record JsonRpcMessage(Kind kind, String method, JsonNode id, JsonNode params) {

    /** What a message is, as JSON-RPC tells them apart. */
    enum Kind {
        REQUEST,
        NOTIFICATION,
        RESPONSE
    }

    private static final ObjectReader JSON =
            JsonMapper.builder().build().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /**
     * Reads a body.
     *
     * @param body the bytes received
     * @return the message
     * @throws Refusal if the body is not one JSON-RPC 2.0 message in UTF-8
     */
    static JsonRpcMessage read(byte[] body) throws Refusal {
        JsonNode root = parse(body);
        if (root.isArray()) {
            throw Refusal.invalidRequest(null, "A batch (JSON array) is not supported: send one JSON-RPC message");
        }
        if (!root.isObject()) {
            throw Refusal.invalidRequest(null, "The body must be one JSON-RPC message object");
        }
        JsonNode id = root.get("id");
        JsonNode validId = id != null && (id.isTextual() || id.isIntegralNumber()) ? id : null;
        JsonNode version = root.get("jsonrpc");
        if (version == null || !version.isTextual() || !McpSchema.JSONRPC_VERSION.equals(version.textValue())) {
            throw Refusal.invalidRequest(validId, "'jsonrpc' must be \"2.0\"");
        }
        if (id != null && validId == null) {
            throw Refusal.invalidRequest(null, "'id' must be a string or an integer");
        }
        JsonNode method = root.get("method");
        if (method == null) {
            if (root.has("result") || root.has("error")) {
                return new JsonRpcMessage(Kind.RESPONSE, null, validId, null);
            }
            throw Refusal.invalidRequest(validId, "The message has no 'method', 'result' or 'error'");
        }
        if (!method.isTextual()) {
            throw Refusal.invalidRequest(validId, "'method' must be a string");
        }
        JsonNode params = root.get("params");
        if (params != null && !params.isNull() && !params.isContainerNode()) {
            throw Refusal.invalidRequest(validId, "'params' must be an object");
        }
        return new JsonRpcMessage(
                validId == null ? Kind.NOTIFICATION : Kind.REQUEST,
                method.textValue(),
                validId,
                params == null || params.isNull() ? null : params);
    }

    private static JsonNode parse(byte[] body) throws Refusal {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw Refusal.parseError("Parse error: the body is not valid UTF-8");
        }
        try {
            JsonNode root = JSON.readTree(text);
            if (root == null || root.isMissingNode()) {
                throw Refusal.parseError("Parse error: the body is empty");
            }
            return root;
        } catch (JacksonException e) {
            throw Refusal.parseError("Parse error: the body is not valid JSON");
        }
    }

    /** The tool a {@code tools/call} request names, else null. */
    String toolName() {
        if (kind != Kind.REQUEST || !McpSchema.METHOD_TOOLS_CALL.equals(method) || params == null) {
            return null;
        }
        JsonNode name = params.get("name");
        return name != null && name.isTextual() ? name.textValue() : null;
    }

    /** Whether this is an {@code initialize} request. */
    boolean isInitialize() {
        return kind == Kind.REQUEST && McpSchema.METHOD_INITIALIZE.equals(method);
    }

    /**
     * Checks the params of a request as MCP defines them: an object, and for {@code tools/call} an object of
     * arguments.
     *
     * @throws Refusal -32602 with the request's id otherwise
     */
    void checkParams() throws Refusal {
        if (kind != Kind.REQUEST || params == null) {
            return;
        }
        if (!params.isObject()) {
            throw Refusal.invalidParams(id, "'params' must be an object: MCP names every parameter");
        }
        JsonNode name = params.get("name");
        if (McpSchema.METHOD_TOOLS_CALL.equals(method) && (name == null || !name.isTextual())) {
            throw Refusal.invalidParams(id, "'params.name' must be a string naming a tool");
        }
        JsonNode arguments = params.get("arguments");
        if (McpSchema.METHOD_TOOLS_CALL.equals(method)
                && arguments != null
                && !arguments.isNull()
                && !arguments.isObject()) {
            throw Refusal.invalidParams(id, "'params.arguments' must be an object");
        }
    }
}
