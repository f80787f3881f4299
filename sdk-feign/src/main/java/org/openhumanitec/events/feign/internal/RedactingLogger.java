package org.openhumanitec.events.feign.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feign's logger seam over SLF4J ({@code DEBUG}, logger {@value #NAME}), redacting at every level: the
 * {@code Authorization} header shows as {@code Bearer <redacted>} (cookies as {@code <redacted>}), and in JSON
 * bodies every value of a webhook's {@code headers} and {@code payload} objects shows as {@code <redacted>};
 * a body that is not JSON shows as its length only. Feign calls it only when the level is not {@code NONE}, and
 * it does nothing unless SLF4J has {@code DEBUG} on for {@value #NAME}.
 */
final class RedactingLogger extends feign.Logger {

    /** The SLF4J logger name. */
    static final String NAME = "org.openhumanitec.events.feign.http";

    static final String REDACTED = "<redacted>";

    private final Logger log;
    private final ObjectMapper mapper;

    /**
     * A logger.
     *
     * @param mapper the shared mapper, to read bodies for redaction
     */
    RedactingLogger(ObjectMapper mapper) {
        this.log = LoggerFactory.getLogger(NAME);
        this.mapper = mapper;
    }

    /**
     * The SLF4J logger this writes to.
     *
     * @return the logger named {@value #NAME}
     */
    Logger slf4j() {
        return log;
    }

    /**
     * Logs an I/O failure as Feign's method handler does; for {@link FeignIoFailures}, which stands in for it.
     *
     * @param configKey the method's config key
     * @param level the log level, not {@code NONE}
     * @param failure the failure
     * @param elapsedMillis how long the exchange ran
     */
    void ioFailure(String configKey, Level level, IOException failure, long elapsedMillis) {
        logIOException(configKey, level, failure, elapsedMillis);
    }

    @Override
    protected void logRequest(String configKey, Level level, Request request) {
        if (!log.isDebugEnabled()) {
            return;
        }
        String tag = methodTag(configKey);
        log.debug("{}---> {} {}", tag, request.httpMethod(), request.url());
        if (level.ordinal() < Level.HEADERS.ordinal()) {
            return;
        }
        logHeaders(tag, request.headers());
        byte[] body = request.body();
        if (body != null && level == Level.FULL) {
            log.debug("{}{}", tag, redactBody(body));
        }
        log.debug("{}---> END HTTP ({}-byte body)", tag, body == null ? 0 : body.length);
    }

    @Override
    protected Response logAndRebufferResponse(String configKey, Level level, Response response, long elapsedTime)
            throws IOException {
        if (!log.isDebugEnabled()) {
            return response;
        }
        String tag = methodTag(configKey);
        log.debug("{}<--- HTTP {} ({} ms)", tag, response.status(), elapsedTime);
        if (level.ordinal() < Level.HEADERS.ordinal()) {
            return response;
        }
        logHeaders(tag, response.headers());
        if (level != Level.FULL || response.body() == null) {
            log.debug("{}<--- END HTTP", tag);
            return response;
        }
        byte[] body = JsonCodec.readAll(response);
        if (body.length > 0) {
            log.debug("{}{}", tag, redactBody(body));
        }
        log.debug("{}<--- END HTTP ({}-byte body)", tag, body.length);
        return response.toBuilder().body(body).build();
    }

    @Override
    protected void log(String configKey, String format, Object... args) {
        if (log.isDebugEnabled()) {
            log.debug(methodTag(configKey) + String.format(Locale.ROOT, format, args));
        }
    }

    private void logHeaders(String tag, Map<String, Collection<String>> headers) {
        for (Map.Entry<String, Collection<String>> header : headers.entrySet()) {
            for (String value : header.getValue()) {
                log.debug("{}{}: {}", tag, header.getKey(), redactHeader(header.getKey(), value));
            }
        }
    }

    /**
     * A header value as it may appear in a log.
     *
     * @param name the header's name
     * @param value its value
     * @return the value, or a redacted form for credentials and cookies
     */
    static String redactHeader(String name, String value) {
        if (name.equalsIgnoreCase("Authorization") || name.equalsIgnoreCase("Proxy-Authorization")) {
            int space = value.indexOf(' ');
            return space > 0 ? value.substring(0, space) + " " + REDACTED : REDACTED;
        }
        if (name.equalsIgnoreCase("Cookie") || name.equalsIgnoreCase("Set-Cookie")) {
            return REDACTED;
        }
        return value;
    }

    /**
     * A body as it may appear in a log.
     *
     * @param body the raw body
     * @return the JSON with webhook header and payload values redacted, or a note with the length
     */
    String redactBody(byte[] body) {
        JsonNode tree;
        try {
            tree = mapper.readTree(body);
        } catch (IOException | RuntimeException e) {
            tree = null;
        }
        if (tree == null || tree.isMissingNode()) {
            return "(" + body.length + "-byte body that is not JSON, not shown)";
        }
        redact(tree);
        return tree.toString();
    }

    private static void redact(JsonNode node) {
        if (node instanceof ObjectNode object) {
            hideValues(object.get("headers"));
            hideValues(object.get("payload"));
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                redact(field.getValue());
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                redact(element);
            }
        }
    }

    private static void hideValues(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                field.setValue(TextNode.valueOf(REDACTED));
            }
        }
    }
}
