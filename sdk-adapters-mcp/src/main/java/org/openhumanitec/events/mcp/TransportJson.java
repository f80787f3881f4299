package org.openhumanitec.events.mcp;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The JSON mapper of the MCP transports, with the workaround for the MCP Java SDK 2.1.0 defect
 * modelcontextprotocol/java-sdk#955: its transports answer transport-level errors (missing session, bad Accept
 * header, malformed JSON) by serializing the {@link McpError} exception itself, stack trace and class names
 * included. Here an {@code McpError} is written as a JSON-RPC error response without an id,
 * {@code {"jsonrpc":"2.0","id":null,"error":{"code":-32600,"message":"..."}}}, with the SDK's code and the face's own
 * message for that code ({@link #sdkRefusal}), never the SDK's text. Every other value is written as the SDK's own default mapper writes it.
 */
final class TransportJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TransportJson() {}

    static McpJsonMapper mapper() {
        ObjectMapper mapper = new ObjectMapper();
        mapper.registerModule(new SimpleModule("mcp-error-as-json-rpc").addSerializer(McpError.class, new Writer()));
        return new JacksonMcpJsonMapper(mapper);
    }

    /**
     * The face's message for a refusal of the SDK's transport, chosen by its JSON-RPC code: the SDK's own message is
     * never sent, as some quote a parser's or an exception's text. In the SDK 2.1.0 transports, -32601 stands for a
     * wrong {@code Accept} header (the servlet answers a missing session id itself), -32600 for a body or
     * {@code Content-Type} it cannot take, -32603 for its own failure.
     */
    static String sdkRefusal(int code) {
        return switch (code) {
            case McpSchema.ErrorCodes.METHOD_NOT_FOUND ->
                "Not acceptable: the Accept header must name"
                        + " text/event-stream, and application/json too for a POST";
            case McpSchema.ErrorCodes.INVALID_REQUEST ->
                "Invalid request: the body must be one JSON-RPC message," + " sent as Content-Type: application/json";
            default -> "Internal error";
        };
    }

    /**
     * The face's message for a refusal of the SDK's Origin and Host check, chosen by its HTTP status.
     *
     * @param status 403 for an Origin, 421 for a Host not allowed
     */
    static String headerRefusal(int status) {
        return switch (status) {
            case 403 -> "Invalid Origin header";
            case 421 -> "Invalid Host header";
            default -> "Invalid request headers";
        };
    }

    /**
     * A JSON-RPC error response.
     *
     * @param id the request's id, or null when it could not be read
     * @param code the JSON-RPC error code
     * @param message the message, which is written as given
     * @return the UTF-8 bytes
     */
    static byte[] errorResponse(JsonNode id, int code, String message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128 + message.length());
        try (JsonGenerator gen = MAPPER.createGenerator(out)) {
            writeErrorResponse(gen, id, code, message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void writeErrorResponse(JsonGenerator gen, JsonNode id, int code, String message)
            throws IOException {
        gen.writeStartObject();
        gen.writeStringField("jsonrpc", McpSchema.JSONRPC_VERSION);
        if (id == null) {
            gen.writeNullField("id");
        } else {
            gen.writeFieldName("id");
            gen.writeTree(id);
        }
        gen.writeObjectFieldStart("error");
        gen.writeNumberField("code", code);
        gen.writeStringField("message", message);
        gen.writeEndObject();
        gen.writeEndObject();
    }

    /** Writes an {@link McpError} as a JSON-RPC error response without an id. */
    private static final class Writer extends StdSerializer<McpError> {
        private static final long serialVersionUID = 1L;

        Writer() {
            super(McpError.class);
        }

        @Override
        public void serialize(McpError error, JsonGenerator gen, SerializerProvider provider) throws IOException {
            McpSchema.JSONRPCResponse.JSONRPCError rpc = error.getJsonRpcError();
            int code = rpc == null ? McpSchema.ErrorCodes.INTERNAL_ERROR : rpc.code();
            writeErrorResponse(gen, null, code, sdkRefusal(code));
        }
    }
}
