package org.openhumanitec.events.jackson;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openhumanitec.events.api.errors.HumanitecError;
import org.openhumanitec.events.api.model.CreateWebhookRequest;
import org.openhumanitec.events.api.model.Event;
import org.openhumanitec.events.api.model.EventScope;
import org.openhumanitec.events.api.model.EventType;
import org.openhumanitec.events.api.model.FieldUpdate;
import org.openhumanitec.events.api.model.Trigger;
import org.openhumanitec.events.api.model.UpdateWebhookRequest;
import org.openhumanitec.events.api.model.UpdatedWebhook;
import org.openhumanitec.events.api.model.Webhook;

/** The exact JSON each type reads and writes. */
class WireFormatTest {

    private final ObjectMapper json = HumanitecJson.newMapper();

    @Test
    void webhook_readsTheSpecShapeIgnoringUnknownFields() throws Exception {
        String body = """
                {"id":"deploy-notifier","url":"https://hooks.example.com/x","disabled":false,
                 "headers":{"X-Token":"s3cret","X-Count":2},
                 "payload":{"event":"${event}","nested":{"a":[1,true,null]}},
                 "triggers":[{"scope":"deployment","type":"finished","extra":1}],
                 "created_at":"2020-06-22T09:37:23.523Z","created_by":"user-1","new_field":{"x":[1]}}
                """;

        Webhook hook = json.readValue(body, Webhook.class);

        assertThat(hook.id()).isEqualTo("deploy-notifier");
        assertThat(hook.url()).isEqualTo("https://hooks.example.com/x");
        assertThat(hook.disabled()).isFalse();
        assertThat(hook.headers()).containsEntry("X-Token", "s3cret").containsEntry("X-Count", 2);
        assertThat(hook.payload().get("nested")).isEqualTo(Map.of("a", java.util.Arrays.asList(1, true, null)));
        assertThat(hook.triggers()).containsExactly(Trigger.DEPLOYMENT_FINISHED);
        assertThat(hook.createdAt()).isEqualTo(Instant.parse("2020-06-22T09:37:23.523Z"));
        assertThat(hook.createdBy()).isEqualTo("user-1");
    }

    @Test
    void webhook_readsNullableFieldsAsNullAndAbsentOptionalsAsNull() throws Exception {
        Webhook hook = json.readValue(
                "{\"id\":\"h\",\"url\":null,\"disabled\":null,\"headers\":{},\"payload\":{},\"triggers\":[]}",
                Webhook.class);

        assertThat(hook.url()).isNull();
        assertThat(hook.disabled()).isNull();
        assertThat(hook.createdAt()).isNull();
        assertThat(hook.createdBy()).isNull();
    }

    @Test
    void webhook_writesEveryRequiredFieldAndTheTimestampWithMilliseconds() throws Exception {
        Webhook hook = Webhook.builder()
                .id("h")
                .disabled(false)
                .triggers(List.of(Trigger.ENVIRONMENT_CREATED))
                .createdAt(Instant.parse("2026-01-02T03:04:05Z"))
                .createdBy("sandbox")
                .build();

        assertThat(json.writeValueAsString(hook))
                .isEqualTo("{\"id\":\"h\",\"url\":null,\"disabled\":false,\"headers\":{},\"payload\":{},"
                        + "\"triggers\":[{\"scope\":\"environment\",\"type\":\"created\"}],"
                        + "\"created_at\":\"2026-01-02T03:04:05.000Z\",\"created_by\":\"sandbox\"}");
    }

    @Test
    void createRequest_writesOnlyTheFieldsSet() throws Exception {
        CreateWebhookRequest request = CreateWebhookRequest.builder()
                .id("h")
                .trigger(Trigger.DEPLOYMENT_STARTED)
                .build();

        assertThat(json.writeValueAsString(request))
                .isEqualTo("{\"id\":\"h\",\"triggers\":[{\"scope\":\"deployment\",\"type\":\"started\"}]}");
        assertThat(json.writeValueAsString(CreateWebhookRequest.builder().build()))
                .isEqualTo("{}");
    }

    @Test
    void createRequest_roundTrips() throws Exception {
        CreateWebhookRequest request = CreateWebhookRequest.builder()
                .id("h")
                .url("https://x.example.com")
                .disabled(true)
                .header("X-A", "1")
                .payload(Map.of("event", "${event}"))
                .trigger(Trigger.of("pipeline", "approved"))
                .build();

        assertThat(json.readValue(json.writeValueAsString(request), CreateWebhookRequest.class))
                .isEqualTo(request);
    }

    @Test
    void updateRequest_writesSetFieldsAndExplicitNullsOnly() throws Exception {
        UpdateWebhookRequest request =
                UpdateWebhookRequest.builder().url(null).disabled(true).build();

        assertThat(json.writeValueAsString(request)).isEqualTo("{\"url\":null,\"disabled\":true}");
        assertThat(json.writeValueAsString(UpdateWebhookRequest.builder().build()))
                .isEqualTo("{}");
        assertThat(json.writeValueAsString(
                        UpdateWebhookRequest.builder().disabled(null).build()))
                .isEqualTo("{\"disabled\":null}");
    }

    @Test
    void updateRequest_readsAbsentAsUnchangedAndNullAsSet() throws Exception {
        UpdateWebhookRequest request = json.readValue("{\"url\":null,\"triggers\":[]}", UpdateWebhookRequest.class);

        assertThat(request.url()).isEqualTo(FieldUpdate.set(null));
        assertThat(request.triggers()).isEqualTo(FieldUpdate.set(List.of()));
        assertThat(request.disabled()).isEqualTo(FieldUpdate.unchanged());
        assertThat(request.headers().isSet()).isFalse();
    }

    @Test
    void requests_readNullHeadersAndPayloadAsNotGiven_andWriteThemNot() throws Exception {
        // Humanitec's Terraform provider sends "payload": null when no payload is configured.
        String body = "{\"id\":\"my-hook\",\"headers\":null,\"payload\":null}";

        CreateWebhookRequest create = json.readValue(body, CreateWebhookRequest.class);
        UpdateWebhookRequest update = json.readValue(body, UpdateWebhookRequest.class);

        assertThat(create.headers()).isNull();
        assertThat(create.payload()).isNull();
        assertThat(json.writeValueAsString(create)).isEqualTo("{\"id\":\"my-hook\"}");
        assertThat(update.headers()).isEqualTo(FieldUpdate.unchanged());
        assertThat(update.payload()).isEqualTo(FieldUpdate.unchanged());
        assertThat(json.writeValueAsString(update)).isEqualTo("{\"id\":\"my-hook\"}");
    }

    @Test
    void updatedWebhook_keepsNullTriggersBothWays() throws Exception {
        UpdatedWebhook updated = json.readValue(
                "{\"url\":\"https://x.example.com\",\"disabled\":true,\"headers\":{},\"payload\":{},\"triggers\":null}",
                UpdatedWebhook.class);

        assertThat(updated.triggers()).isNull();
        assertThat(json.writeValueAsString(updated))
                .isEqualTo("{\"url\":\"https://x.example.com\",\"disabled\":true,\"headers\":{},\"payload\":{},"
                        + "\"triggers\":null}");
    }

    @Test
    void events_readAsAListWithTheirProperties() throws Exception {
        List<Event> events = json.readValue(
                "[{\"scope\":\"environment\",\"type\":\"created\",\"properties\":[\"org_id\",\"env_id\"]},"
                        + "{\"scope\":\"future\",\"type\":\"thing\",\"properties\":[]}]",
                new TypeReference<List<Event>>() {});

        assertThat(events)
                .containsExactly(
                        new Event(EventScope.ENVIRONMENT, EventType.CREATED, List.of("org_id", "env_id")),
                        new Event(EventScope.of("future"), EventType.of("thing"), List.of()));
        assertThat(json.writeValueAsString(events.get(0)))
                .isEqualTo("{\"scope\":\"environment\",\"type\":\"created\",\"properties\":[\"org_id\",\"env_id\"]}");
    }

    @Test
    void error_readsAndWritesTheHumanitecErrorBody() throws Exception {
        HumanitecError error = json.readValue(
                "{\"error\":\"API-000\",\"message\":\"Could not validate token.\"}", HumanitecError.class);

        assertThat(error).isEqualTo(new HumanitecError("API-000", "Could not validate token."));
        assertThat(json.writeValueAsString(error))
                .isEqualTo("{\"error\":\"API-000\",\"message\":\"Could not validate token.\"}");
        assertThat(json.writeValueAsString(new HumanitecError("E", "m", Map.of("field", "url"))))
                .isEqualTo("{\"error\":\"E\",\"message\":\"m\",\"details\":{\"field\":\"url\"}}");
    }

    @Test
    void openValues_writeAsPlainStrings() throws Exception {
        assertThat(json.writeValueAsString(EventScope.DEPLOYMENT)).isEqualTo("\"deployment\"");
        assertThat(json.writeValueAsString(EventType.of("new"))).isEqualTo("\"new\"");
    }
}
