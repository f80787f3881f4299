package org.openhumanitec.events.feign.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Request;
import feign.Response;
import feign.codec.ErrorDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openhumanitec.events.api.BearerTokens;
import org.openhumanitec.events.api.errors.HumanitecApiException;
import org.openhumanitec.events.api.errors.HumanitecError;

/**
 * Every status outside 2xx becomes the matching {@link HumanitecApiException} ({@link HumanitecApiException#of}
 * picks the class). The body is read safely: at most {@value #MAX_BODY_BYTES} bytes; when it is a Humanitec
 * error object it is decoded, and anything else (an HTML page, an empty body, a truncated body, a body that cannot
 * be read at all) leaves the error null and keeps the raw text. Of an oversized body, the error code (and the
 * message, when it ends within the bytes read) is still decoded. The token the request sent never stays in the
 * exception: wherever the body echoes it, it reads {@value RedactingLogger#REDACTED}. This never throws.
 */
final class HumanitecErrorDecoder implements ErrorDecoder {

    /** The most bytes of an error body that are read. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    /** Tokens shorter than this are not searched for: they would match ordinary words. */
    private static final int MIN_REDACTED_LENGTH = 8;

    private final ObjectMapper mapper;

    /**
     * A decoder reading error bodies with the shared mapper.
     *
     * @param mapper the shared mapper
     */
    HumanitecErrorDecoder(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public Exception decode(String methodKey, Response response) {
        byte[] raw = readAtMost(response);
        boolean complete = raw != null && raw.length <= MAX_BODY_BYTES;
        if (raw != null && !complete) {
            raw = Arrays.copyOf(raw, MAX_BODY_BYTES);
        }
        String body = raw == null || raw.length == 0
                ? null
                : withoutToken(new String(raw, StandardCharsets.UTF_8), response.request());
        HumanitecError error = body == null ? null : complete ? parse(body) : parseStart(body);
        return HumanitecApiException.of(response.status(), error, headers(response.headers()), body);
    }

    /** The body with the request's bearer token, wherever it appears, replaced by {@value RedactingLogger#REDACTED}. */
    private static String withoutToken(String body, Request request) {
        Collection<String> authorization =
                request == null ? null : request.headers().get("Authorization");
        if (authorization == null) {
            return body;
        }
        String redacted = body;
        for (String value : authorization) {
            String token = BearerTokens.fromAuthorization(value).orElse(value);
            if (token.length() >= MIN_REDACTED_LENGTH) {
                redacted = redacted.replace(token, RedactingLogger.REDACTED);
            }
        }
        return redacted;
    }

    /** The body's first {@code MAX_BODY_BYTES + 1} bytes, or null when it cannot be read. */
    private static byte[] readAtMost(Response response) {
        Response.Body body = response.body();
        if (body == null) {
            return new byte[0];
        }
        try (InputStream in = body.asInputStream()) {
            return in.readNBytes(MAX_BODY_BYTES + 1);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private HumanitecError parse(String body) {
        if (!body.stripLeading().startsWith("{")) {
            return null;
        }
        try {
            HumanitecError error = mapper.readValue(body, HumanitecError.class);
            return error == null || (error.error() == null && error.message() == null) ? null : error;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The code and message at the top of a body cut after {@code MAX_BODY_BYTES}, as far as they were read. */
    private HumanitecError parseStart(String body) {
        String code = null;
        String message = null;
        try (JsonParser parser = mapper.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value == JsonToken.VALUE_STRING && field.equals("error")) {
                    code = parser.getText();
                } else if (value == JsonToken.VALUE_STRING && field.equals("message")) {
                    message = parser.getText();
                } else {
                    parser.skipChildren();
                }
            }
        } catch (IOException | RuntimeException cutOff) {
            // the body ends within a value: keep what was read before it
        }
        return code == null && message == null ? null : new HumanitecError(code, message);
    }

    private static Map<String, List<String>> headers(Map<String, Collection<String>> headers) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        headers.forEach((name, values) -> copy.put(name, new ArrayList<>(values)));
        return copy;
    }
}
