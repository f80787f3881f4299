package org.openhumanitec.events.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openhumanitec.events.api.errors.HumanitecApiException;
import org.openhumanitec.events.api.errors.HumanitecError;
import org.openhumanitec.events.api.errors.InvalidResponseException;
import org.openhumanitec.events.api.errors.NetworkException;
import org.openhumanitec.events.api.errors.NetworkTimeoutException;
import org.openhumanitec.events.api.errors.NotFoundException;
import org.openhumanitec.events.launcher.AdapterErrors;

/** How each failure of a backend becomes an answer. */
class ErrorRepliesTest {

    private static String body(ErrorReplies.Reply reply) {
        return new String(reply.body(), StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 405, 413, 415, 500, 502, 503, 504})
    void adapterCodes_areTheStandaloneServersToo(int status) {
        String servlet = body(ErrorReplies.adapterError(status, "m"));
        String standalone = new String(AdapterErrors.body(status, "m"), StandardCharsets.UTF_8);

        assertThat(servlet).isEqualTo(standalone).contains("\"error\":\"ADAPTER-" + status + "\"");
    }

    @Test
    void aHumanitecErrorBody_isSentAsItCame() {
        String raw = "{ \"message\": \"No.\", \"error\": \"API-409\", \"extra\": [1] }";
        HumanitecApiException conflict = HumanitecApiException.of(
                409, new HumanitecError("API-409", "No."), Map.of("Retry-After", List.of("3")), raw);

        ErrorReplies.Reply reply = ErrorReplies.ofBackendFailure(conflict);

        assertThat(reply.status()).isEqualTo(409);
        assertThat(body(reply)).isEqualTo(raw);
        assertThat(reply.headers()).isEqualTo(Map.of("Retry-After", "3"));
    }

    @Test
    void anErrorWithoutARawBody_isWrittenFromItsFields() {
        NotFoundException notFound =
                new NotFoundException(new HumanitecError("HUM-404", "Webhook 'x' not found.", Map.of("id", "x")));

        ErrorReplies.Reply reply = ErrorReplies.ofBackendFailure(notFound);

        assertThat(reply.status()).isEqualTo(404);
        assertThat(body(reply))
                .isEqualTo("{\"error\":\"HUM-404\",\"message\":\"Webhook 'x' not found.\",\"details\":{\"id\":\"x\"}}");
        assertThat(reply.headers()).isEmpty();
    }

    @Test
    void aRawBodyThatIsNotAWholeErrorBody_isRebuiltFromTheFields() {
        String truncated =
                "{\"error\":\"API-500\",\"message\":\"Boom" + "x".repeat(HumanitecApiException.MAX_BODY_CHARS);
        HumanitecApiException failure =
                HumanitecApiException.of(500, new HumanitecError("API-500", "Boom"), null, truncated);
        HumanitecApiException noMessage = HumanitecApiException.of(422, null, null, "{\"error\":\"API-422\"}");

        assertThat(body(ErrorReplies.ofBackendFailure(failure)))
                .isEqualTo("{\"error\":\"API-500\",\"message\":\"Boom\"}");
        assertThat(body(ErrorReplies.ofBackendFailure(noMessage)))
                .isEqualTo("{\"error\":\"ADAPTER-422\",\"message\":"
                        + "\"Humanitec answered 422 Unprocessable Entity without an error body.\"}");
    }

    @Test
    void aStatusThatIsNotAnError_is502() {
        HumanitecApiException redirect = HumanitecApiException.of(302, null, Map.of("Location", List.of("/x")), "");

        ErrorReplies.Reply reply = ErrorReplies.ofBackendFailure(redirect);

        assertThat(reply.status()).isEqualTo(502);
        assertThat(reply.headers()).isEmpty();
    }

    @Test
    void networkFailures_are502Or504_withoutTheirMessages() {
        ErrorReplies.Reply timeout = ErrorReplies.ofBackendFailure(new NetworkTimeoutException(
                "GET /orgs/o/events failed: SocketTimeoutException: Read timed out", null, true));
        ErrorReplies.Reply refused = ErrorReplies.ofBackendFailure(
                new NetworkException("GET /orgs/o/events failed: ConnectException: Connection refused", null, false));
        ErrorReplies.Reply unreadable = ErrorReplies.ofBackendFailure(
                new InvalidResponseException("GET /orgs/o/events: not an array", 200, "{}", null));
        ErrorReplies.Reply bug = ErrorReplies.ofBackendFailure(new IllegalStateException("internal detail"));

        assertThat(timeout.status()).isEqualTo(504);
        assertThat(refused.status()).isEqualTo(502);
        assertThat(unreadable.status()).isEqualTo(502);
        assertThat(bug.status()).isEqualTo(500);
        assertThat(List.of(timeout, refused, unreadable, bug))
                .allSatisfy(reply -> assertThat(body(reply))
                        .startsWith("{\"error\":\"ADAPTER-")
                        .doesNotContain("Exception", "/orgs/", "internal detail"));
    }
}
