package org.openhumanitec.events.feign.internal;

import static org.assertj.core.api.Assertions.assertThat;

import feign.FeignException;
import feign.Request;
import feign.RetryableException;
import feign.codec.DecodeException;
import feign.codec.EncodeException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import javax.net.ssl.SSLHandshakeException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openhumanitec.events.api.errors.HumanitecException;
import org.openhumanitec.events.api.errors.InvalidResponseException;
import org.openhumanitec.events.api.errors.NetworkException;
import org.openhumanitec.events.api.errors.NetworkTimeoutException;

/** What each transport throws, as the client classifies it. */
class FailuresTest {

    private static final Request REQUEST = Request.create(
            Request.HttpMethod.POST,
            "http://127.0.0.1:1/orgs/o/apps/a/webhooks",
            Map.of(),
            null,
            StandardCharsets.UTF_8,
            null);

    static Stream<Arguments> ioFailures() {
        return Stream.of(
                // failure, may have reached the server, is a timeout
                Arguments.of(new ConnectException("Connection refused"), false, false),
                Arguments.of(new IOException("wrapped", new ConnectException("Connection refused")), false, false),
                Arguments.of(new HttpHostConnectException("Connect to 127.0.0.1:1 failed"), false, false),
                Arguments.of(new UnknownHostException("no.such.host"), false, false),
                Arguments.of(new NoRouteToHostException("No route"), false, false),
                Arguments.of(new SSLHandshakeException("PKIX path building failed"), false, false),
                Arguments.of(new HttpConnectTimeoutException("HTTP connect timed out"), false, true),
                Arguments.of(new ConnectTimeoutException("Connect timed out"), false, true),
                Arguments.of(new SocketTimeoutException("Connect timed out"), false, true),
                Arguments.of(new SocketTimeoutException("Read timed out"), true, true),
                Arguments.of(new SocketTimeoutException("timeout"), true, true),
                Arguments.of(new HttpTimeoutException("request timed out"), true, true),
                Arguments.of(new java.io.InterruptedIOException("timeout"), true, true),
                Arguments.of(new SocketException("Connection reset"), true, false),
                Arguments.of(new IOException("unexpected end of stream"), true, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ioFailures")
    void ioFailures_areClassifiedPerTransport(IOException failure, boolean mayHaveReached, boolean timeout) {
        RuntimeException translated = Failures.translate(
                Operation.CREATE_WEBHOOK,
                new RetryableException(-1, failure.getMessage(), null, failure, (Long) null, REQUEST));

        assertThat(translated).isInstanceOf(timeout ? NetworkTimeoutException.class : NetworkException.class);
        if (!timeout) {
            assertThat(translated).isNotInstanceOf(NetworkTimeoutException.class);
        }
        assertThat(((NetworkException) translated).mayHaveReachedServer()).isEqualTo(mayHaveReached);
        assertThat(translated.getCause()).isSameAs(failure);
        assertThat(translated.getMessage()).startsWith("POST /orgs/{orgId}/apps/{appId}/webhooks failed: ");
    }

    @Test
    void aFailureWhileReadingAResponseMayHaveReachedTheServerWhateverItsCause() {
        // What Feign throws when a 2xx body fails to arrive: a FeignException with the status and the I/O cause.
        FeignException reading = new DecodeException(200, "reading", REQUEST, new ConnectException("odd"));

        assertThat(((NetworkException) Failures.translate(Operation.GET_WEBHOOK, reading)).mayHaveReachedServer())
                .isTrue();
    }

    @Test
    void ourOwnExceptionsComeOutOfFeignsWrappersUnchanged() {
        InvalidResponseException invalid = new InvalidResponseException("bad", 200, "x", null);

        assertThat(Failures.translate(Operation.GET_WEBHOOK, new DecodeException(200, "bad", REQUEST, invalid)))
                .isSameAs(invalid);
        assertThat(Failures.translate(Operation.GET_WEBHOOK, invalid)).isSameAs(invalid);
    }

    @Test
    void otherRuntimeExceptionsAreNotDisguised() {
        IllegalStateException bug = new IllegalStateException("bug");

        assertThat(Failures.translate(Operation.GET_WEBHOOK, bug)).isSameAs(bug);
    }

    @Test
    void aBodyThatCannotBeEncoded_namesTheOperationAndFeignsReason() {
        RuntimeException translated =
                Failures.translate(Operation.CREATE_WEBHOOK, new EncodeException("cannot write the body"));

        assertThat(translated)
                .isExactlyInstanceOf(HumanitecException.class)
                .hasMessage("POST /orgs/{orgId}/apps/{appId}/webhooks: cannot write the body")
                .hasNoCause();
    }

    @Test
    void anyOtherFeignFailure_namesTheOperationItsTypeAndStatus_andKeepsItsCause() {
        IllegalArgumentException cause = new IllegalArgumentException("odd");

        RuntimeException translated =
                Failures.translate(Operation.GET_WEBHOOK, new DecodeException(200, "cannot decode", REQUEST, cause));

        assertThat(translated)
                .isExactlyInstanceOf(HumanitecException.class)
                .hasMessage("GET /orgs/{orgId}/apps/{appId}/webhooks/{jobId} failed: DecodeException (status 200)")
                .hasCause(cause);
    }

    @Test
    void aCauseChainThatLoops_isClassifiedAsAnyOther() {
        IOException first = new IOException("first");
        IOException second = new IOException("second", first);
        first.initCause(second);

        NetworkException e = Failures.network(Operation.GET_WEBHOOK, first, Failures.mayHaveReachedServer(first));

        assertThat(e).isNotInstanceOf(NetworkTimeoutException.class).hasCause(first);
        assertThat(e.mayHaveReachedServer()).isTrue();
    }
}
