package org.openhumanitec.events.feign.internal;

import static org.assertj.core.api.Assertions.assertThat;

import feign.Request;
import feign.Response;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openhumanitec.events.api.errors.HumanitecApiException;
import org.openhumanitec.events.jackson.HumanitecJson;

/** What an error response becomes: its Humanitec error read even from a body cut at the limit, and no token. */
class HumanitecErrorDecoderTest {

    private static final HumanitecErrorDecoder DECODER = new HumanitecErrorDecoder(HumanitecJson.newMapper());

    private static HumanitecApiException decode(int status, String body, String authorization) {
        Map<String, Collection<String>> headers =
                authorization == null ? Map.of() : Map.of("Authorization", List.of(authorization));
        Response.Builder response = Response.builder()
                .status(status)
                .headers(Map.of())
                .request(Request.create(
                        Request.HttpMethod.GET,
                        "http://127.0.0.1/orgs/o/events",
                        headers,
                        null,
                        StandardCharsets.UTF_8,
                        null));
        if (body != null) {
            response.body(body, StandardCharsets.UTF_8);
        }
        return (HumanitecApiException) DECODER.decode("HumanitecResource#listEvents(String)", response.build());
    }

    /** A JSON object whose first members are these, padded past the limit the decoder reads. */
    private static String longerThanTheLimit(String firstMembers) {
        return "{" + firstMembers + ",\"details\":\"" + "x".repeat(HumanitecErrorDecoder.MAX_BODY_BYTES) + "\"}";
    }

    @Test
    void aBodyCutAtTheLimit_stillGivesTheErrorCodeAndMessageItStartsWith() {
        HumanitecApiException e = decode(500, longerThanTheLimit("\"error\":\"API-500\",\"message\":\"broken\""), null);

        assertThat(e.errorCode()).isEqualTo("API-500");
        assertThat(e.errorMessage()).isEqualTo("broken");
    }

    @Test
    void aBodyCutAtTheLimit_readsOnlyStringsAsCodeAndMessage() {
        HumanitecApiException e =
                decode(500, longerThanTheLimit("\"error\":{\"code\":1},\"message\":\"broken\",\"n\":[1,2]"), null);

        assertThat(e.errorCode()).isNull();
        assertThat(e.errorMessage()).isEqualTo("broken");
    }

    @Test
    void aBodyCutAtTheLimit_withoutCodeOrMessage_isNoHumanitecError() {
        assertThat(decode(500, longerThanTheLimit("\"status\":500"), null).error())
                .isEmpty();
    }

    @Test
    void aResponseWithoutBody_hasNoBodyAndNoHumanitecError() {
        HumanitecApiException e = decode(404, null, null);

        assertThat(e.status()).isEqualTo(404);
        assertThat(e.body()).isNull();
        assertThat(e.error()).isEmpty();
    }

    @Test
    void aTokenOfEightCharacters_echoedInTheBody_isRedacted() {
        HumanitecApiException e = decode(401, "{\"message\":\"token abcd1234 is unknown\"}", "Bearer abcd1234");

        assertThat(e.body()).isEqualTo("{\"message\":\"token <redacted> is unknown\"}");
        assertThat(e.errorMessage()).isEqualTo("token <redacted> is unknown");
    }
}
