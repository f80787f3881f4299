package org.openhumanitec.events.mcp;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;

/**
 * The JSON mapper of the MCP transports, with the workaround for the MCP Java SDK 2.1.0 defect
 * modelcontextprotocol/java-sdk#955: its transports answer transport-level errors (missing session, bad Accept
 * header, malformed JSON) by serializing the {@link McpError} exception itself, stack trace and class names
 * included. Here an {@code McpError} is written as a JSON-RPC error response without an id,
 * {@code {"jsonrpc":"2.0","id":null,"error":{"code":-32600,"message":"..."}}}, whose message never quotes a parser's
 * text or a class name. Every other value is written as the SDK's own default mapper writes it.
 */
final class TransportJson {

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
            gen.writeStartObject();
            gen.writeStringField("jsonrpc", McpSchema.JSONRPC_VERSION);
            gen.writeNullField("id");
            gen.writeObjectFieldStart("error");
            gen.writeNumberField("code", code);
            gen.writeStringField("message", safeMessage(code, rpc == null ? null : rpc.message()));
            gen.writeEndObject();
            gen.writeEndObject();
        }
    }
}
