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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.openhumanitec.events.api.errors.InvalidResponseException;
import org.openhumanitec.events.jackson.HumanitecJson;

/**
 * Feign's {@link Encoder} and {@link Decoder} over the shared Humanitec mapper: request bodies out, 2xx bodies in.
 * Bodies are read as bytes (never through a {@code Reader}); a body that cannot be decoded becomes an
 * {@link InvalidResponseException} whose message says where, never what ({@link HumanitecJson#describe}). Decoded
 * lists are unmodifiable. The {@link ObjectReader} and {@link ObjectWriter} of each body type are made once, on first
 * use, and kept (the resource's methods have a handful of types), so a call does not resolve the type again.
 *
 * <p>An I/O failure while reading a body propagates as an {@link IOException}, which Feign wraps and the client
 * reports as a network failure, not as an invalid response.
 */
final class JsonCodec implements Encoder, Decoder {

    /** The largest declared body length {@link #readAll} allocates for before the bytes arrive: 1 MiB. */
    static final int PREALLOCATED_LIMIT = 1 << 20;

    private final ObjectMapper mapper;
    private final ConcurrentMap<Type, ObjectReader> readers = new ConcurrentHashMap<>();
    private final ConcurrentMap<Type, ObjectWriter> writers = new ConcurrentHashMap<>();

    /**
     * A codec over a mapper from {@link HumanitecJson#newMapper()}.
     *
     * @param mapper the shared mapper
     */
    JsonCodec(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void encode(Object object, Type bodyType, RequestTemplate template) {
        try {
            ObjectWriter writer =
                    writers.computeIfAbsent(bodyType, type -> mapper.writerFor(mapper.constructType(type)));
            template.body(writer.writeValueAsBytes(object), StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new EncodeException("the request body cannot be written as JSON: " + HumanitecJson.describe(e), e);
        }
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
            value = readers.computeIfAbsent(type, key -> mapper.readerFor(mapper.constructType(key)))
                    .readValue(body);
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

    /**
     * The whole body. When the body says its length, the bytes are read straight into an array of that size
     * ({@link InputStream#readNBytes(byte[], int, int)}; JDK 17's {@code readNBytes(int)} and
     * {@link InputStream#readAllBytes()} fill 8 KiB buffers and copy them into the result, twice the allocation);
     * should the stream hold more than it said, the rest is read too, and less gives the bytes it held. A declared
     * length above {@value #PREALLOCATED_LIMIT} bytes is not trusted with an array up front: such a body is read as
     * it arrives.
     *
     * @param response the response
     * @return its body's bytes; empty when there is none
     * @throws IOException if the body cannot be read
     */
    static byte[] readAll(Response response) throws IOException {
        Response.Body body = response.body();
        if (body == null) {
            return new byte[0];
        }
        Integer length = body.length();
        try (InputStream in = body.asInputStream()) {
            if (length == null || length < 0 || length > PREALLOCATED_LIMIT) {
                return in.readAllBytes();
            }
            byte[] declared = new byte[length];
            int read = in.readNBytes(declared, 0, length);
            if (read < length) {
                return Arrays.copyOf(declared, read);
            }
            int next = in.read();
            if (next < 0) {
                return declared;
            }
            byte[] rest = in.readAllBytes();
            byte[] all = Arrays.copyOf(declared, length + 1 + rest.length);
            all[length] = (byte) next;
            System.arraycopy(rest, 0, all, length + 1, rest.length);
            return all;
        }
    }

    private static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }
}
