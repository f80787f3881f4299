package org.openhumanitec.events.api.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What builders' setters promise (they replace and chain), the disabled flag, and how URLs are redacted. */
class BuildersAndRedactionTest {

    @Test
    void webhookBuilder_replacesHeadersPayloadAndTriggers_neverAppends() {
        Webhook webhook = Webhook.builder()
                .id("h")
                .headers(Map.of("A", "1"))
                .headers(Map.of("B", "2"))
                .payload(Map.of("a", 1))
                .payload(Map.of("b", 2))
                .triggers(List.of(Trigger.DEPLOYMENT_STARTED))
                .triggers(List.of(Trigger.DEPLOYMENT_FINISHED))
                .build();

        assertThat(webhook.headers()).isEqualTo(Map.of("B", "2"));
        assertThat(webhook.payload()).isEqualTo(Map.of("b", 2));
        assertThat(webhook.triggers()).containsExactly(Trigger.DEPLOYMENT_FINISHED);
    }

    @Test
    void everyBuilderSetter_returnsTheBuilder_soCallsChain() {
        Instant at = Instant.parse("2026-01-01T00:00:00Z");

        Webhook webhook = Webhook.builder()
                .id("h")
                .disabled(true)
                .createdAt(at)
                .createdBy("ci")
                .build();
        CreateWebhookRequest create = CreateWebhookRequest.builder()
                .disabled(true)
                .headers(Map.of("A", "1"))
                .triggers(List.of(Trigger.ENVIRONMENT_CREATED))
                .build();
        UpdateWebhookRequest update = UpdateWebhookRequest.builder()
                .id("h")
                .payload(Map.of("a", 1))
                .triggers(List.of())
                .build();

        assertThat(webhook.createdAt()).isEqualTo(at);
        assertThat(webhook.createdBy()).isEqualTo("ci");
        assertThat(webhook.disabled()).isTrue();
        assertThat(create.disabled()).isTrue();
        assertThat(create.headers()).isEqualTo(Map.of("A", "1"));
        assertThat(create.triggers()).containsExactly(Trigger.ENVIRONMENT_CREATED);
        assertThat(update.id()).isEqualTo(FieldUpdate.set("h"));
        assertThat(update.payload()).isEqualTo(FieldUpdate.set(Map.of("a", 1)));
        assertThat(update.triggers()).isEqualTo(FieldUpdate.set(List.of()));
    }

    @Test
    void isDisabled_isTrueForTrue_andFalseForFalseAndNull() {
        assertThat(Webhook.builder().id("h").disabled(true).build().isDisabled())
                .isTrue();
        assertThat(Webhook.builder().id("h").disabled(false).build().isDisabled())
                .isFalse();
        assertThat(Webhook.builder().id("h").disabled(null).build().isDisabled())
                .isFalse();
        assertThat(new UpdatedWebhook(null, true, Map.of(), Map.of(), null).isDisabled())
                .isTrue();
        assertThat(new UpdatedWebhook(null, null, Map.of(), Map.of(), null).isDisabled())
                .isFalse();
    }

    @Test
    void fieldUpdate_saysWhetherAndWhatIsSent() {
        assertThat(FieldUpdate.unchanged()).hasToString("unchanged");
        assertThat(FieldUpdate.set(null)).hasToString("set(null)");
        assertThat(FieldUpdate.set(true)).hasToString("set(true)");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "https://hooks.example.com                 | https://hooks.example.com",
                "https://hooks.example.com/                | https://hooks.example.com/<redacted>",
                "https://hooks.example.com/t0ken           | https://hooks.example.com/<redacted>",
                "https://hooks.example.com?key=t0ken       | https://hooks.example.com/<redacted>",
                "https://user:pw@hooks.example.com/x       | https://<redacted>@hooks.example.com/<redacted>",
                "https://@hooks.example.com                | https://<redacted>@hooks.example.com",
                "hooks.example.com/t0ken                   | hooks.example.com/<redacted>",
                "://pw@hooks.example.com/x                 | ://<redacted>@hooks.example.com/<redacted>",
            })
    void url_showsTheOriginOnly_andHidesUserInfoPathAndQuery(String url, String shown) {
        assertThat(Redaction.url(url)).isEqualTo(shown);
        assertThat(CreateWebhookRequest.builder().url(url).build().toString()).contains("url=" + shown + ",");
    }

    @Test
    void keysOnly_hidesEveryValue() {
        assertThat(Redaction.keysOnly(null)).isEqualTo("null");
        assertThat(Redaction.keysOnly(Map.of())).isEqualTo("{}");
        assertThat(Redaction.keysOnly(Map.of("X-Token", "t0ken"))).isEqualTo("{X-Token=<redacted>}");
    }
}
