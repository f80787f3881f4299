package org.openhumanitec.events.api.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelValuesTest {

    @Test
    void openValues_areEqualByValueAndAcceptUnknownValues() {
        assertThat(EventScope.of("deployment")).isEqualTo(EventScope.DEPLOYMENT);
        assertThat(EventType.of("finished")).isEqualTo(EventType.FINISHED).hasToString("finished");
        assertThat(Trigger.of("deployment", "finished")).isEqualTo(Trigger.DEPLOYMENT_FINISHED);
        Trigger future = Trigger.of("pipeline", "approved");
        assertThat(future.scope().value()).isEqualTo("pipeline");
        assertThat(future).hasToString("pipeline.approved");
    }

    @Test
    void openValues_giveTheConstantForAKnownValue() {
        assertThat(EventScope.of("environment")).isSameAs(EventScope.ENVIRONMENT);
        assertThat(EventType.of("deleted")).isSameAs(EventType.DELETED);
        assertThat(Trigger.of("deployment", "started")).isSameAs(Trigger.DEPLOYMENT_STARTED);
        assertThat(Trigger.of("environment", "created")).isSameAs(Trigger.ENVIRONMENT_CREATED);
        // A known scope with a known type that is not a documented pair is still a value of its own.
        assertThat(Trigger.of("environment", "finished"))
                .isEqualTo(new Trigger(EventScope.ENVIRONMENT, EventType.FINISHED))
                .isNotIn(Trigger.ENVIRONMENT_CREATED, Trigger.ENVIRONMENT_DELETED);
        assertThat(EventScope.of("Deployment"))
                .isNotSameAs(EventScope.DEPLOYMENT)
                .isNotEqualTo(EventScope.DEPLOYMENT);
    }

    @Test
    void trigger_rejectsMissingScopeOrType() {
        assertThatThrownBy(() -> new Trigger(null, EventType.CREATED)).hasMessage("scope must not be null");
        assertThatThrownBy(() -> Trigger.of("environment", null)).hasMessage("type must not be null");
    }

    @Test
    void event_copiesPropertiesAndNamesItsTrigger() {
        List<String> properties = new ArrayList<>(List.of("org_id", "app_id"));
        Event event = new Event(EventScope.ENVIRONMENT, EventType.CREATED, properties);
        properties.add("later");

        assertThat(event.properties()).containsExactly("org_id", "app_id");
        assertThatThrownBy(() -> event.properties().add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(event.trigger()).isEqualTo(Trigger.ENVIRONMENT_CREATED);
        assertThat(new Event(EventScope.ENVIRONMENT, EventType.CREATED, null).properties())
                .isEmpty();
    }

    @Test
    void webhook_deepCopiesJsonObjectsKeepingOrderAndNulls() {
        Map<String, Object> nested = new HashMap<>(Map.of("channel", "#ops"));
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("z", "${event}");
        payload.put("a", nested);
        payload.put("list", new ArrayList<>(List.of(1, "two")));
        payload.put("nothing", null);

        Webhook hook = Webhook.builder().id("hook").payload(payload).build();
        nested.put("channel", "#changed");

        assertThat(hook.payload()).containsOnlyKeys("z", "a", "list", "nothing");
        assertThat(hook.payload().keySet()).containsExactly("z", "a", "list", "nothing");
        assertThat(hook.payload().get("a")).isEqualTo(Map.of("channel", "#ops"));
        assertThatThrownBy(() -> hook.payload().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> inner = (Map<String, Object>) hook.payload().get("a");
        assertThatThrownBy(() -> inner.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        @SuppressWarnings("unchecked")
        List<Object> list = (List<Object>) hook.payload().get("list");
        assertThatThrownBy(() -> list.add(3)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void webhook_rejectsNonJsonValuesNamingTheField() {
        Map<String, Object> headers = Map.of("X-When", Instant.EPOCH);

        assertThatThrownBy(() -> Webhook.builder().id("hook").headers(headers).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("headers.X-When holds a Instant, which is not a JSON value");
    }

    @Test
    void webhook_namesTheFullPathOfABadValueDeepInThePayload() {
        Map<String, Object> payload = Map.of("a", List.of("ok", Map.of("b", List.of(1, new Object()))));
        Map<Object, Object> badKey = Map.of(7, "x");

        assertThatThrownBy(() -> Webhook.builder().id("hook").payload(payload).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("payload.a[1].b[1] holds a Object, which is not a JSON value");
        assertThatThrownBy(() -> Webhook.builder()
                        .id("hook")
                        .payload(Map.of("list", List.of(badKey)))
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("payload.list[0] must have string keys");
    }

    @Test
    void webhook_requiresAnIdAndDefaultsMissingCollectionsToEmpty() {
        assertThatThrownBy(() -> Webhook.builder().build()).hasMessage("id must not be null");

        Webhook hook = new Webhook("hook", null, null, null, null, null, null, null);
        assertThat(hook.headers()).isEmpty();
        assertThat(hook.payload()).isEmpty();
        assertThat(hook.triggers()).isEmpty();
        assertThat(hook.isDisabled()).isFalse();
    }

    @Test
    void toString_hidesHeaderValuesPayloadValuesAndTheUrlPath() {
        Webhook hook = Webhook.builder()
                .id("hook")
                .url("https://user:pw@hooks.slack.com/services/T000/B000/XXXXSECRET?token=abc")
                .headers(Map.of("Authorization", "Bearer top-secret"))
                .payload(Map.of("token", "payload-secret"))
                .triggers(List.of(Trigger.DEPLOYMENT_FINISHED))
                .build();
        CreateWebhookRequest create = CreateWebhookRequest.builder()
                .url("https://hooks.example.com/XXXXSECRET")
                .header("X-Token", "top-secret")
                .payload(Map.of("token", "payload-secret"))
                .build();
        UpdatedWebhook updated = new UpdatedWebhook(
                "https://hooks.example.com/XXXXSECRET",
                false,
                Map.of("X-Token", "top-secret"),
                Map.of("token", "payload-secret"),
                null);

        for (Object value : List.of(hook, create, updated)) {
            assertThat(value.toString())
                    .doesNotContain("top-secret", "payload-secret", "XXXXSECRET", "abc", "pw")
                    .contains("hooks.", "<redacted>");
        }
        assertThat(hook.toString())
                .contains("url=https://<redacted>@hooks.slack.com/<redacted>")
                .contains("headers={Authorization=<redacted>}")
                .contains("triggers=[deployment.finished]");
    }

    @Test
    void createRequest_leavesUnsetFieldsNullSoTheyAreNotSent() {
        CreateWebhookRequest request = CreateWebhookRequest.builder()
                .id("hook")
                .trigger(Trigger.ENVIRONMENT_CREATED)
                .build();

        assertThat(request.id()).isEqualTo("hook");
        assertThat(request.triggers()).containsExactly(Trigger.ENVIRONMENT_CREATED);
        assertThat(request.url()).isNull();
        assertThat(request.disabled()).isNull();
        assertThat(request.headers()).isNull();
        assertThat(request.payload()).isNull();
    }

    @Test
    void updatedWebhook_keepsNullTriggers() {
        UpdatedWebhook updated = new UpdatedWebhook(null, null, null, null, null);

        assertThat(updated.triggers()).isNull();
        assertThat(updated.headers()).isEmpty();
        assertThat(updated.isDisabled()).isFalse();
    }
}
