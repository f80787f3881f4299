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
 * {@code {"jsonrpc":"2.0","id":null,"error":{"code":-32600,"message":"..."}}}, whose message never quotes a parser's
 * text or a class name. Every other value is written as the SDK's own default mapper writes it.
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
     * The message a client may see: the SDK's own short texts pass; a parser's message (which may quote the body)
     * or anything naming a class is replaced by a plain one.
     */
    static String safeMessage(int code, String message) {
        if (message == null || message.isBlank()) {
            return fallback(code);
        }
        if (message.startsWith("Invalid message format")) {
            return "Invalid message format: the body must be one JSON-RPC message";
        }
        if (message.length() > 200
                || message.contains("Exception")
                || message.contains("java.")
                || message.contains("com.")
                || message.contains("io.")
                || message.contains("\n")) {
            return fallback(code);
        }
        return message;
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

    private static String fallback(int code) {
        return code == McpSchema.ErrorCodes.INTERNAL_ERROR ? "Internal error" : "Invalid request";
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
            writeErrorResponse(gen, null, code, safeMessage(code, rpc == null ? null : rpc.message()));
        }
    }
}
