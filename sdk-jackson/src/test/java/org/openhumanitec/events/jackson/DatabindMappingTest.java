package org.openhumanitec.events.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openhumanitec.events.api.model.CreateWebhookRequest;
import org.openhumanitec.events.api.model.Event;
import org.openhumanitec.events.api.model.EventScope;
import org.openhumanitec.events.api.model.EventType;
import org.openhumanitec.events.api.model.Trigger;
import org.openhumanitec.events.api.model.UpdateWebhookRequest;
import org.openhumanitec.events.api.model.UpdatedWebhook;
import org.openhumanitec.events.api.model.Webhook;

/** How databind, through the module's mix-ins, reads and writes what the wire-format tests do not spell out. */
class DatabindMappingTest {

    private final ObjectMapper json = HumanitecJson.newMapper();

    @Test
    void knownScopesTypesAndTriggers_areReadAsTheirConstants() throws Exception {
        Webhook hook = json.readValue(
                "{\"id\":\"h\",\"triggers\":[{\"scope\":\"deployment\",\"type\":\"finished\"}]}", Webhook.class);
        Event event = json.readValue("{\"scope\":\"environment\",\"type\":\"created\"}", Event.class);

        assertThat(hook.triggers().get(0)).isSameAs(Trigger.DEPLOYMENT_FINISHED);
        assertThat(event.scope()).isSameAs(EventScope.ENVIRONMENT);
        assertThat(event.type()).isSameAs(EventType.CREATED);
        assertThat(event.properties()).isEmpty();
    }

    @Test
    void createRequest_ignoresTheBuildersMethodsThatAreNotSchemaFields() throws Exception {
        CreateWebhookRequest request = json.readValue(
                "{\"trigger\":{\"scope\":\"a\",\"type\":\"b\"},\"header\":\"x\",\"build\":1}",
                CreateWebhookRequest.class);

        assertThat(request).isEqualTo(CreateWebhookRequest.builder().build());
    }

    @Test
    void updateRequest_writesEmptyCollectionsThatAreSet() throws Exception {
        UpdateWebhookRequest request = UpdateWebhookRequest.builder()
                .headers(Map.of())
                .triggers(List.of())
                .build();

        assertThat(json.writeValueAsString(request)).isEqualTo("{\"headers\":{},\"triggers\":[]}");
        assertThat(json.readValue("{\"headers\":{},\"triggers\":[]}", UpdateWebhookRequest.class))
                .isEqualTo(request);
    }

    @Test
    void theModule_writesTheSameOnAMapperOfItsOwn() throws Exception {
        ObjectMapper plain =
                JsonMapper.builder().addModule(new HumanitecJacksonModule()).build();
        Webhook hook = Webhook.builder()
                .id("h")
                .triggers(List.of(Trigger.DEPLOYMENT_STARTED))
                .createdAt(Instant.parse("2026-01-02T03:04:05Z"))
                .build();
        UpdatedWebhook updated = new UpdatedWebhook(null, true, Map.of("a", 1), Map.of(), null);

        assertThat(plain.writeValueAsString(hook)).isEqualTo(json.writeValueAsString(hook));
        assertThat(plain.writeValueAsString(updated))
                .isEqualTo("{\"url\":null,\"disabled\":true,\"headers\":{\"a\":1},\"payload\":{},\"triggers\":null}");
    }

    static Stream<Arguments> wrongValues() {
        return Stream.of(
                Arguments.of(CreateWebhookRequest.class, "{\"url\":5}", "'url' must be a string"),
                Arguments.of(CreateWebhookRequest.class, "{\"id\":true}", "'id' must be a string"),
                Arguments.of(UpdateWebhookRequest.class, "{\"disabled\":\"true\"}", "'disabled' must be a boolean"),
                Arguments.of(UpdateWebhookRequest.class, "{\"disabled\":1}", "'disabled' must be a boolean"),
                Arguments.of(UpdateWebhookRequest.class, "{\"id\":null}", "'id' must not be null"),
                Arguments.of(CreateWebhookRequest.class, "{\"triggers\":[null]}", "'triggers[0]' must not be null"),
                Arguments.of(Trigger.class, "{\"scope\":null,\"type\":\"x\"}", "'scope' is required"),
                Arguments.of(Webhook.class, "{\"id\":null}", "'id' is required"),
                Arguments.of(Event.class, "{\"type\":\"created\"}", "'scope' is required"),
                Arguments.of(Event.class, "{\"scope\":5,\"type\":\"created\"}", "'scope' must be a string"),
                Arguments.of(
                        Event.class,
                        "{\"scope\":\"a\",\"type\":\"b\",\"properties\":[\"x\",1]}",
                        "'properties[1]' must be a string"),
                Arguments.of(UpdatedWebhook.class, "{\"headers\":[]}", "'headers' must be a JSON object"),
                Arguments.of(Trigger.class, "\"deployment.finished\"", "the Trigger body must be a JSON object"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("wrongValues")
    void aValueOfTheWrongShape_isNamedByItsField(Class<?> type, String body, String message) {
        WireFormatException e = catchThrowableOfType(WireFormatException.class, () -> json.readValue(body, type));

        assertThat(e.getMessage()).isEqualTo(message);
        assertThat(HumanitecJson.describe(e)).isEqualTo(message);
    }

    @Test
    void theField_isAGetter_andTheListIndexIsOnlyInTheMessage() {
        WireFormatException e = catchThrowableOfType(
                WireFormatException.class,
                () -> json.readValue(
                        "[{\"id\":\"a\"},{\"id\":\"b\",\"triggers\":[{\"scope\":1,\"type\":\"x\"}]}]",
                        new TypeReference<List<Webhook>>() {}));

        assertThat(e.field()).isEqualTo("triggers[0].scope");
        assertThat(e.getOriginalMessage()).isEqualTo("'triggers[0].scope' must be a string");
        assertThat(e.getMessage()).isEqualTo("[1]: 'triggers[0].scope' must be a string");
        assertThat(catchThrowableOfType(WireFormatException.class, () -> json.readValue("[]", Webhook.class))
                        .field())
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "{\"id\":\"h\",\"created_at\":\"TOPSECRET\"}",
                "{\"id\":\"h\",\"disabled\":\"TOPSECRET\"}",
                "{\"id\":\"h\",\"headers\":\"TOPSECRET\"}",
                "{\"id\":\"h\",\"triggers\":[\"TOPSECRET\"]}",
                "{\"id\":\"h\",\"triggers\":[{\"scope\":[\"TOPSECRET\"],\"type\":\"x\"}]}",
            })
    void noMessageQuotesTheValue(String body) {
        WireFormatException e =
                catchThrowableOfType(WireFormatException.class, () -> json.readValue(body, Webhook.class));

        assertThat(e.getCause()).isNull();
        assertThat(e.toString()).doesNotContain("TOPSECRET");
        assertThat(e.getLocalizedMessage()).doesNotContain("TOPSECRET");
        assertThat(HumanitecJson.describe(e)).doesNotContain("TOPSECRET");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "{\"scope\":\"deployment\",\"type\":\"started\",\"scope\":\"environment\"}",
                "{\"scope\":\"deployment\",\"type\":\"started\",\"extra\":{\"a\":1,\"a\":2}}"
            })
    void aFieldNameGivenTwice_isMalformed(String body) {
        JsonProcessingException e =
                catchThrowableOfType(JsonProcessingException.class, () -> json.readValue(body, Trigger.class));

        assertThat(HumanitecJson.describe(e)).startsWith("malformed JSON at line 1, column ");
    }
}
