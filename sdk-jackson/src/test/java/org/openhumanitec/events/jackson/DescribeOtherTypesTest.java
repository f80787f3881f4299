package org.openhumanitec.events.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openhumanitec.events.api.model.CreateWebhookRequest;

/**
 * {@link HumanitecJson#describe} on failures that are not the wire format's own, such as a caller reading a plain
 * collection with the shared mapper: the path to the value, never the value.
 */
class DescribeOtherTypesTest {

    private final ObjectMapper json = HumanitecJson.newMapper();

    static Stream<Arguments> mismatches() {
        return Stream.of(
                Arguments.of(new TypeReference<List<String>>() {}, "{}", "the body does not match the schema"),
                Arguments.of(
                        new TypeReference<Map<String, List<String>>>() {},
                        "{\"secret\":{}}",
                        "the value at secret does not match the schema"),
                Arguments.of(
                        new TypeReference<List<List<String>>>() {},
                        "[[],{}]",
                        "the value at [1] does not match the schema"),
                Arguments.of(
                        new TypeReference<Map<String, List<List<String>>>>() {},
                        "{\"a\":[{}]}",
                        "the value at a[0] does not match the schema"),
                Arguments.of(
                        new TypeReference<Map<String, Map<String, List<String>>>>() {},
                        "{\"a\":{\"b\":{}}}",
                        "the value at a.b does not match the schema"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("mismatches")
    void aMismatchOfAnotherType_isDescribedByItsPath(TypeReference<?> type, String body, String described) {
        JsonProcessingException e =
                catchThrowableOfType(JsonProcessingException.class, () -> json.readValue(body, type));

        assertThat(HumanitecJson.describe(e)).isEqualTo(described);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wireBodies")
    void aWireFormatFailure_saysTheSameInEveryMessage(String body) {
        WireFormatException e =
                catchThrowableOfType(WireFormatException.class, () -> json.readValue(body, CreateWebhookRequest.class));

        assertThat(e.getLocalizedMessage()).isEqualTo(e.getMessage()).isEqualTo(HumanitecJson.describe(e));
    }

    static Stream<String> wireBodies() {
        return Stream.of("{\"id\":5}", "[]");
    }
}
