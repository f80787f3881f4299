package org.openhumanitec.events.feign.internal;

import static org.assertj.core.api.Assertions.assertThat;

import feign.Request;
import feign.Response;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@link JsonCodec#readAll} returns the whole body whatever length the body declares. */
class JsonCodecReadAllTest {

    private static final byte[] BODY = "{\"id\":\"hook-1\"}".getBytes(StandardCharsets.UTF_8);

    private static Response response(byte[] bytes, Integer declaredLength) {
        return Response.builder()
                .status(200)
                .headers(Map.of())
                .request(Request.create(
                        Request.HttpMethod.GET, "http://127.0.0.1/x", Map.of(), null, StandardCharsets.UTF_8, null))
                .body(new ByteArrayInputStream(bytes), declaredLength)
                .build();
    }

    @Test
    void readsABodyOfItsDeclaredLength() throws IOException {
        assertThat(JsonCodec.readAll(response(BODY, BODY.length))).isEqualTo(BODY);
    }

    @Test
    void readsABodyOfUnknownLength() throws IOException {
        assertThat(JsonCodec.readAll(response(BODY, null))).isEqualTo(BODY);
    }

    @Test
    void readsWhatThereIsOfABodyShorterThanDeclared() throws IOException {
        assertThat(JsonCodec.readAll(response(BODY, BODY.length + 10))).isEqualTo(BODY);
    }

    @Test
    void readsTheRestOfABodyLongerThanDeclared() throws IOException {
        assertThat(JsonCodec.readAll(response(BODY, 3))).isEqualTo(BODY);
        assertThat(JsonCodec.readAll(response(BODY, 0))).isEqualTo(BODY);
    }

    @Test
    void aHugeDeclaredLength_isNotAllocatedUpFront() throws IOException {
        AtomicInteger largestRead = new AtomicInteger();
        InputStream body = new FilterInputStream(new ByteArrayInputStream(BODY)) {
            @Override
            public int read(byte[] into, int offset, int length) throws IOException {
                largestRead.accumulateAndGet(length, Math::max);
                return super.read(into, offset, length);
            }
        };
        Response huge = response(BODY, null).toBuilder()
                .body(body, Integer.MAX_VALUE - 8)
                .build();

        assertThat(JsonCodec.readAll(huge)).isEqualTo(BODY);
        assertThat(largestRead.get()).isPositive().isLessThanOrEqualTo(JsonCodec.PREALLOCATED_LIMIT);
    }

    @Test
    void readsAnEmptyBody() throws IOException {
        assertThat(JsonCodec.readAll(response(new byte[0], 0))).isEmpty();
    }

    @Test
    void readsTheRestOfABodyLongerThanDeclared_whenItGoesOnWithAZeroByte() throws IOException {
        byte[] withZero = {'a', 'b', 0, 'c'};

        assertThat(JsonCodec.readAll(response(withZero, 2))).isEqualTo(withZero);
    }

    @Test
    void readsAResponseWithoutBodyAsEmpty() throws IOException {
        Response noBody =
                response(BODY, null).toBuilder().body((Response.Body) null).build();

        assertThat(JsonCodec.readAll(noBody)).isEmpty();
    }
}
