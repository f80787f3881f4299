package org.openhumanitec.events.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;

/**
 * An answer the servlet gives itself instead of passing the request to the SDK's transport: an HTTP status and a
 * JSON-RPC error response, with the request's id when it could be read (else {@code null}), and for a 503 the
 * {@code Retry-After} to send, for a 403 for want of a scope the {@code WWW-Authenticate} challenge.
 */
final class Refusal extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final int code;
    private final transient JsonNode id;
    private final transient Duration retryAfter;
    private final String challenge;

    private Refusal(int status, int code, JsonNode id, String message, Duration retryAfter) {
        this(status, code, id, message, retryAfter, null);
    }

    private Refusal(int status, int code, JsonNode id, String message, Duration retryAfter, String challenge) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.id = id;
        this.retryAfter = retryAfter;
        this.challenge = challenge;
    }

    /** 400 with -32700: the body is not one JSON text in UTF-8. */
    static Refusal parseError(String message) {
        return new Refusal(400, McpSchema.ErrorCodes.PARSE_ERROR, null, message, null);
    }

    /** 400 with -32600: the JSON is not a JSON-RPC 2.0 message the server can take. */
    static Refusal invalidRequest(JsonNode id, String message) {
        return new Refusal(400, McpSchema.ErrorCodes.INVALID_REQUEST, id, message, null);
    }

    /**
     * -32602 with the request's id: a well-formed request whose parameters are not what the method takes. It is the
     * JSON-RPC answer to that request, as the SDK answers an unknown tool, so it comes with HTTP 200.
     */
    static Refusal invalidParams(JsonNode id, String message) {
        return new Refusal(200, McpSchema.ErrorCodes.INVALID_PARAMS, id, message, null);
    }

    /** A transport-level refusal (403, 404, 413, 421, ...) without an id, with -32600 as the SDK's own refusals. */
    static Refusal transport(int status, String message) {
        return new Refusal(status, McpSchema.ErrorCodes.INVALID_REQUEST, null, message, null);
    }

    /** 500 with -32603: the server failed; its log has the cause. */
    static Refusal internalError() {
        return new Refusal(500, McpSchema.ErrorCodes.INTERNAL_ERROR, null, "Internal error", null);
    }

    /** 503 with {@code Retry-After}: the server cannot take the request now. */
    static Refusal unavailable(String message, Duration retryAfter) {
        return new Refusal(503, McpSchema.ErrorCodes.INTERNAL_ERROR, null, message, retryAfter);
    }

    /**
     * 403 with -32600 and the request's id, and a {@code WWW-Authenticate} challenge naming the scope that would do:
     * the caller's token does not allow the tool called.
     */
    static Refusal insufficientScope(JsonNode id, String message, String challenge) {
        return new Refusal(403, McpSchema.ErrorCodes.INVALID_REQUEST, id, message, null, challenge);
    }

    int status() {
        return status;
    }

    int code() {
        return code;
    }

    /** The request's id, or null when it could not be read. */
    JsonNode id() {
        return id;
    }

    /** The wait to announce, or null. */
    Duration retryAfter() {
        return retryAfter;
    }

    /** The {@code WWW-Authenticate} value to send, or null. */
    String challenge() {
        return challenge;
    }
}
