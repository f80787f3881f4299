package org.openhumanitec.events.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openhumanitec.events.api.model.CreateWebhookRequest;
import org.openhumanitec.events.api.model.UpdateWebhookRequest;
import org.openhumanitec.events.api.model.Webhook;

/** A body of the wrong shape fails with a message naming the field, and never quoting the body. */
class ReadErrorsTest {

    private final ObjectMapper json = HumanitecJson.newMapper();

    static Stream<Arguments> badBodies() {
        return Stream.of(
                Arguments.of(CreateWebhookRequest.class, "[]", "the CreateWebhookRequest body must be a JSON object"),
                Arguments.of(CreateWebhookRequest.class, "{\"id\":5}", "'id' must be a string"),
                Arguments.of(CreateWebhookRequest.class, "{\"id\":null}", "'id' must not be null"),
                Arguments.of(CreateWebhookRequest.class, "{\"disabled\":\"yes\"}", "'disabled' must be a boolean"),
                Arguments.of(CreateWebhookRequest.class, "{\"headers\":[]}", "'headers' must be a JSON object"),
                Arguments.of(CreateWebhookRequest.class, "{\"triggers\":{}}", "'triggers' must be an array"),
                Arguments.of(
                        CreateWebhookRequest.class,
                        "{\"triggers\":[{\"scope\":\"a\",\"type\":\"b\"},{\"scope\":1}]}",
                        "'triggers[1].scope' must be a string"),
                Arguments.of(
                        CreateWebhookRequest.class,
                        "{\"triggers\":[{\"scope\":\"a\"}]}",
                        "'triggers[0].type' is required"),
                Arguments.of(
                        CreateWebhookRequest.class, "{\"triggers\":[\"x\"]}", "'triggers[0]' must be a JSON object"),
                Arguments.of(UpdateWebhookRequest.class, "{\"id\":null}", "'id' must not be null"),
                Arguments.of(UpdateWebhookRequest.class, "{\"triggers\":null}", "'triggers' must not be null"),
                Arguments.of(Webhook.class, "{\"url\":\"https://x\"}", "'id' is required"),
                Arguments.of(
                        Webhook.class,
                        "{\"id\":\"h\",\"created_at\":\"yesterday\"}",
                        "'created_at' must be a date-time"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("badBodies")
    void wrongShape_namesTheField(Class<?> type, String body, String message) {
        JsonProcessingException e =
                catchThrowableOfType(JsonProcessingException.class, () -> json.readValue(body, type));

        assertThat(e).isInstanceOf(WireFormatException.class);
        assertThat(e.getOriginalMessage()).startsWith(message);
        assertThat(HumanitecJson.describe(e)).startsWith(message);
    }

    @Test
    void describe_prefixesTheListIndex() {
        JsonProcessingException e = catchThrowableOfType(
                JsonProcessingException.class,
                () -> json.readValue("[{\"id\":\"a\"},{\"url\":null}]", new TypeReference<List<Webhook>>() {}));

        assertThat(HumanitecJson.describe(e)).isEqualTo("[1]: 'id' is required");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedJson_isDescribedByPositionWithoutQuotingTheBody(String body) {
        JsonProcessingException e = catchThrowableOfType(
                JsonProcessingException.class, () -> json.readValue(body, CreateWebhookRequest.class));

        assertThat(HumanitecJson.describe(e))
                .startsWith("malformed JSON at line 1, column ")
                .doesNotContain("TOPSECRET");
    }

    static Stream<String> malformed() {
        return Stream.of(
                "{\"headers\":{\"Authorization\":\"Bearer TOPSECRET\"",
                "{\"id\":\"TOPSECRET\"} trailing",
                "{\"id\": TOPSECRET}");
    }
}
