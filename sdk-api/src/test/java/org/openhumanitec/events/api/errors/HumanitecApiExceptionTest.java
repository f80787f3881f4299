package org.openhumanitec.events.api.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HumanitecApiExceptionTest {

    static Stream<Arguments> statuses() {
        return Stream.of(
                Arguments.of(400, BadRequestException.class),
                Arguments.of(401, UnauthorizedException.class),
                Arguments.of(403, ForbiddenException.class),
                Arguments.of(404, NotFoundException.class),
                Arguments.of(409, ConflictException.class),
                Arguments.of(422, UnprocessableEntityException.class),
                Arguments.of(429, RateLimitException.class),
                Arguments.of(500, ServerErrorException.class),
                Arguments.of(502, ServerErrorException.class),
                Arguments.of(503, ServerErrorException.class),
                Arguments.of(599, ServerErrorException.class),
                Arguments.of(405, UnexpectedStatusException.class),
                Arguments.of(408, UnexpectedStatusException.class),
                Arguments.of(302, UnexpectedStatusException.class),
                Arguments.of(600, UnexpectedStatusException.class));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("statuses")
    void of_picksTheClassForTheStatus(int status, Class<? extends HumanitecApiException> type) {
        HumanitecApiException e = HumanitecApiException.of(status, new HumanitecError("API-000", "nope"), null, null);

        assertThat(e).isExactlyInstanceOf(type);
        assertThat(e.status()).isEqualTo(status);
        assertThat(e.errorCode()).isEqualTo("API-000");
        assertThat(e.errorMessage()).isEqualTo("nope");
    }

    @Test
    void message_namesStatusCodeAndHumanitecMessage() {
        HumanitecApiException e = HumanitecApiException.of(
                404, new HumanitecError("HUM-404", "Webhook not found", Map.of("id", "hook")), null, null);

        assertThat(e).hasMessage("HTTP 404 Not Found [HUM-404]: Webhook not found");
        assertThat(e.details()).containsEntry("id", "hook");
        assertThat(e.error()).isPresent();
    }

    @Test
    void withoutAnErrorBody_theExceptionStillCarriesStatusAndRawBody() {
        HumanitecApiException e = HumanitecApiException.of(502, null, null, "<html><body>Bad gateway</body></html>");

        assertThat(e)
                .isInstanceOf(ServerErrorException.class)
                .hasMessage("HTTP 502 Bad Gateway (no Humanitec error body)");
        assertThat(e.errorCode()).isNull();
        assertThat(e.errorMessage()).isNull();
        assertThat(e.details()).isEmpty();
        assertThat(e.error()).isEmpty();
        assertThat(e.body()).contains("Bad gateway");
    }

    @Test
    void headers_areMatchedCaseInsensitively() {
        HumanitecApiException e = HumanitecApiException.of(
                429, null, Map.of("retry-after", List.of("3"), "X-Request-Id", List.of("abc")), "");

        assertThat(e.header("Retry-After")).contains("3");
        assertThat(e.header("x-request-id")).contains("abc");
        assertThat(e.header("missing")).isEmpty();
        assertThat(e.headers()).containsKey("RETRY-AFTER");
    }

    @Test
    void body_isTruncated() {
        String body = "x".repeat(HumanitecApiException.MAX_BODY_CHARS + 10);

        HumanitecApiException e = HumanitecApiException.of(500, null, null, body);

        assertThat(e.body())
                .startsWith("x".repeat(HumanitecApiException.MAX_BODY_CHARS))
                .endsWith("…[10 more characters]");
        assertThat(new InvalidResponseException("bad", 200, body, null).body()).endsWith("…[10 more characters]");
    }

    @Test
    void networkExceptions_sayWhetherTheRequestMayHaveReachedTheServer() {
        NetworkException refused = new NetworkException("connection refused", null, false);
        NetworkTimeoutException readTimeout = new NetworkTimeoutException("read timed out after 30s", null, true);

        assertThat(refused.mayHaveReachedServer()).isFalse();
        assertThat(readTimeout).isInstanceOf(NetworkException.class);
        assertThat(readTimeout.mayHaveReachedServer()).isTrue();
    }
}
