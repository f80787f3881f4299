package org.openhumanitec.events.feign.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openhumanitec.events.api.errors.NetworkException;
import org.openhumanitec.events.api.errors.NetworkTimeoutException;

/** Which header values a log may show, and what a network failure's message keeps of its cause. */
class LogAndMessageRedactionTest {

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Authorization       | Bearer t0ken   | Bearer <redacted>",
                "authorization       | t0ken          | <redacted>",
                "Authorization       | ' t0ken'       | <redacted>",
                "Proxy-Authorization | Basic dXNlcg== | Basic <redacted>",
                "Cookie              | session=t0ken  | <redacted>",
                "Set-Cookie          | session=t0ken  | <redacted>",
                "set-cookie          | id=1; Secure   | <redacted>",
                "X-Request-Id        | abc-123        | abc-123",
            })
    void redactHeader_hidesCredentialsAndCookiesOnly(String name, String value, String shown) {
        assertThat(RedactingLogger.redactHeader(name, value)).isEqualTo(shown);
    }

    @ParameterizedTest(name = "cause message [{0}]")
    @CsvSource(
            delimiter = '|',
            value = {
                "Connection refused | POST /orgs/{orgId}/apps/{appId}/webhooks failed: ConnectException: Connection refused",
                "''                 | POST /orgs/{orgId}/apps/{appId}/webhooks failed: ConnectException",
                "'   '              | POST /orgs/{orgId}/apps/{appId}/webhooks failed: ConnectException",
            })
    void aNetworkFailure_namesTheOperationAndItsCause_andKeepsIt(String causeMessage, String message) {
        ConnectException cause = new ConnectException(causeMessage);

        NetworkException e = Failures.network(Operation.CREATE_WEBHOOK, cause, false);

        assertThat(e)
                .isExactlyInstanceOf(NetworkException.class)
                .hasMessage(message)
                .hasCause(cause);
        assertThat(e.mayHaveReachedServer()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"true", "false"})
    void aTimeout_isANetworkTimeout_thatKeepsWhetherTheRequestMayHaveArrived(boolean mayHaveReached) {
        IOException cause = new SocketTimeoutException("Read timed out");

        NetworkException e = Failures.network(Operation.GET_WEBHOOK, cause, mayHaveReached);

        assertThat(e).isInstanceOf(NetworkTimeoutException.class).hasCause(cause);
        assertThat(e.getMessage()).endsWith("failed: SocketTimeoutException: Read timed out");
        assertThat(e.mayHaveReachedServer()).isEqualTo(mayHaveReached);
    }
}
