package org.openhumanitec.events.api.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UpdateWebhookRequestTest {

    @Test
    void builder_setsOnlyTheFieldsCalled() {
        UpdateWebhookRequest request =
                UpdateWebhookRequest.builder().disabled(true).build();

        assertThat(request.disabled()).isEqualTo(FieldUpdate.set(true));
        assertThat(List.of(request.id(), request.url(), request.headers(), request.payload(), request.triggers()))
                .allSatisfy(field -> assertThat(field.isSet()).isFalse());
        assertThat(request.isEmpty()).isFalse();
        assertThat(UpdateWebhookRequest.builder().build().isEmpty()).isTrue();
    }

    @Test
    void nullableFields_canBeSentAsExplicitNull() {
        UpdateWebhookRequest request =
                UpdateWebhookRequest.builder().url(null).disabled(null).build();

        assertThat(request.url().isSet()).isTrue();
        assertThat(request.url().value()).isNull();
        assertThat(request.disabled().isSet()).isTrue();
        assertThat(request.disabled().value()).isNull();
    }

    @Test
    void nonNullableFields_rejectNullNamingTheField() {
        assertThatThrownBy(() -> UpdateWebhookRequest.builder().headers(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("headers must not be null");
        assertThatThrownBy(() -> new UpdateWebhookRequest(
                        FieldUpdate.unchanged(),
                        FieldUpdate.unchanged(),
                        FieldUpdate.unchanged(),
                        FieldUpdate.unchanged(),
                        FieldUpdate.unchanged(),
                        FieldUpdate.set(null)))
                .isInstanceOf(NullPointerException.class)
                .hasMessageStartingWith("triggers is not nullable");
        assertThatThrownBy(() -> new UpdateWebhookRequest(null, null, null, null, null, null))
                .hasMessageStartingWith("id must not be null");
    }

    @Test
    void setCollections_areCopied() {
        Map<String, Object> headers = new HashMap<>(Map.of("X-A", "1"));
        UpdateWebhookRequest request =
                UpdateWebhookRequest.builder().headers(headers).build();
        headers.put("X-B", "2");

        assertThat(request.headers().value()).containsOnlyKeys("X-A");
    }

    @Test
    void fieldUpdate_keepsAbsentApartFromNull() {
        assertThat(FieldUpdate.unchanged()).isNotEqualTo(FieldUpdate.set(null));
        assertThat(FieldUpdate.<String>set(null).isSet()).isTrue();
        assertThatThrownBy(() -> new FieldUpdate<>(false, "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toString_showsSetFieldsOnlyAndHidesSecrets() {
        UpdateWebhookRequest request = UpdateWebhookRequest.builder()
                .url("https://hooks.example.com/SECRET")
                .headers(Map.of("X-Token", "SECRET"))
                .build();

        assertThat(request.toString())
                .isEqualTo("UpdateWebhookRequest[url=https://hooks.example.com/<redacted>, "
                        + "headers={X-Token=<redacted>}]");
    }
}
