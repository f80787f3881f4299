package org.openhumanitec.events.feign.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.openhumanitec.events.api.errors.HumanitecApiException;
import org.openhumanitec.events.api.errors.HumanitecError;

/**
 * Every status outside 2xx becomes the matching {@link HumanitecApiException} ({@link HumanitecApiException#of}
 * picks the class). The body is read safely: at most {@value #MAX_BODY_BYTES} bytes; when it is a Humanitec
 * error object it is decoded, and anything else (an HTML page, an empty body, a truncated or oversized body,
 * a body that cannot be read at all) leaves the error null and keeps the raw text. This never throws.
 */
final class HumanitecErrorDecoder implements ErrorDecoder {

    /** The most bytes of an error body that are read. */
    static final int MAX_BODY_BYTES = 64 * 1024;

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
        String body = raw == null || raw.length == 0 ? null : new String(raw, StandardCharsets.UTF_8);
        HumanitecError error = complete ? parse(raw) : null;
        return HumanitecApiException.of(response.status(), error, headers(response.headers()), body);
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

    private HumanitecError parse(byte[] raw) {
        if (!startsLikeObject(raw)) {
            return null;
        }
        try {
            HumanitecError error = mapper.readValue(raw, HumanitecError.class);
            return error == null || (error.error() == null && error.message() == null) ? null : error;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static boolean startsLikeObject(byte[] raw) {
        for (byte b : raw) {
            if (b == '{') {
                return true;
            }
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return false;
    }

    private static Map<String, List<String>> headers(Map<String, Collection<String>> headers) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        headers.forEach((name, values) -> copy.put(name, new ArrayList<>(values)));
        return copy;
    }
}
