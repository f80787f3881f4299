package org.openhumanitec.events.feign.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import feign.RequestTemplate;
import feign.Response;
import feign.codec.Decoder;
import feign.codec.EncodeException;
import feign.codec.Encoder;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.openhumanitec.events.api.errors.InvalidResponseException;
import org.openhumanitec.events.jackson.HumanitecJson;

/**
 * Request bodies out and 2xx bodies in, both through the shared Humanitec mapper. Bodies are read as bytes (never
 * through a {@code Reader}); a body that cannot be decoded becomes an {@link InvalidResponseException} whose
 * message says where, never what ({@link HumanitecJson#describe}). Decoded lists are unmodifiable.
 *
 * <p>An I/O failure while reading a body propagates as an {@link IOException}, which Feign wraps and the client
 * reports as a network failure, not as an invalid response.
 */
public final class JsonCodec implements Encoder, Decoder {

    /** The largest announced length read into an array of that size up front: a lying header costs no more. */
    private static final int PRESIZED_LIMIT = 1024 * 1024;

    private final ObjectMapper mapper;
    private final Map<Type, ObjectReader> readers = new ConcurrentHashMap<>();
    private final Map<Type, ObjectWriter> writers = new ConcurrentHashMap<>();

    /**
     * A codec over a mapper from {@link HumanitecJson#newMapper()}.
     *
     * @param mapper the shared mapper
     */
    public JsonCodec(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void encode(Object object, Type bodyType, RequestTemplate template) {
        try {
            template.body(
                    writers.computeIfAbsent(bodyType, this::writerFor).writeValueAsBytes(object),
                    StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new EncodeException("the request body cannot be written as JSON: " + HumanitecJson.describe(e), e);
        }
    }

    /** A writer whose root serializer is found once, not on every request. */
    private ObjectWriter writerFor(Type type) {
        return mapper.writerFor(mapper.constructType(type));
    }

    @Override
    public Object decode(Response response, Type type) throws IOException {
        byte[] body = readAll(response);
        int status = response.status();
        if (body.length == 0) {
            throw new InvalidResponseException("the response body is empty", status, null, null);
        }
        Object value;
        try {
            value = readers.computeIfAbsent(type, this::readerFor).readValue(body);
        } catch (JsonProcessingException e) {
            throw new InvalidResponseException(
                    "the response body cannot be read: " + HumanitecJson.describe(e), status, text(body), e);
        }
        if (value == null) {
            throw new InvalidResponseException("the response body is JSON null", status, text(body), null);
        }
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) == null) {
                    throw new InvalidResponseException(
                            "the response body has null at [" + i + "]", status, text(body), null);
                }
            }
            return Collections.unmodifiableList(list);
        }
        return value;
    }

    private ObjectReader readerFor(Type type) {
        return mapper.readerFor(mapper.getTypeFactory().constructType(type));
    }

    /**
     * The whole body. With a {@code Content-Length} it is read into one array of that size ({@code readAllBytes}
     * would fill 8 KiB chunks and copy them, several times the body's size for a small answer); anything past the
     * announced length is still read.
     */
    static byte[] readAll(Response response) throws IOException {
        Response.Body body = response.body();
        if (body == null) {
            return new byte[0];
        }
        Integer length = body.length();
        try (InputStream in = body.asInputStream()) {
            if (length == null || length < 0 || length > PRESIZED_LIMIT) {
                return in.readAllBytes();
            }
            byte[] bytes = new byte[length];
            int read = in.readNBytes(bytes, 0, length);
            if (read < length) {
                return Arrays.copyOf(bytes, read);
            }
            int next = in.read();
            if (next < 0) {
                return bytes;
            }
            byte[] rest = in.readAllBytes();
            byte[] all = Arrays.copyOf(bytes, length + 1 + rest.length);
            all[length] = (byte) next;
            System.arraycopy(rest, 0, all, length + 1, rest.length);
            return all;
        }
    }

    static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }
}
