package org.openhumanitec.events.api.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Error values: body truncation at its limit, header merging, the adapter code, an invalid response's status. */
class ErrorValuesTest {

    @Test
    void truncate_keepsABodyOfExactlyTheLimit_andCutsOneLonger() {
        String atLimit = "x".repeat(HumanitecApiException.MAX_BODY_CHARS);

        assertThat(HumanitecApiException.truncate(atLimit)).isEqualTo(atLimit);
        assertThat(HumanitecApiException.truncate(atLimit + "yz")).isEqualTo(atLimit + "…[2 more characters]");
    }

    @Test
    void headers_ofTheSameNameInAnotherCase_areMergedInOrder() {
        HumanitecApiException e = HumanitecApiException.of(
                500,
                new HumanitecError("API-000", "boom"),
                Map.of("X-Trace", List.of("a"), "x-trace", List.of("b")),
                null);

        assertThat(e.headers().get("X-TRACE")).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void adapterCode_isAdapterAndTheStatus() {
        assertThat(HumanitecError.adapterCode(415)).isEqualTo("ADAPTER-415");
    }

    @Test
    void invalidResponse_keepsItsStatusAndATruncatedBody() {
        InvalidResponseException e = new InvalidResponseException("not JSON", 200, "y".repeat(9000), null);

        assertThat(e.status()).isEqualTo(200);
        assertThat(e.body()).startsWith("y".repeat(8192)).endsWith("…[808 more characters]");
    }
}
