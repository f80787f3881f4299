package org.openhumanitec.events.api.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * The body of update-webhook ({@code PATCH}, schema {@code WebhookRequest}): only the fields that are
 * {@linkplain FieldUpdate#isSet() set} are sent, so the server keeps every other field. The nullable fields,
 * {@code url} and {@code disabled}, can be sent as an explicit {@code null}, which Humanitec and the sandbox read as
 * not given (docs/sandbox.md).
 *
 * <pre>{@code
 * UpdateWebhookRequest request = UpdateWebhookRequest.builder()
 *         .disabled(true)                                   // sends {"disabled": true} and nothing else
 *         .build();
 * }</pre>
 *
 * @param id the webhook's id; when set, never null, and Humanitec expects it to equal the id in the path
 * @param url the HTTPS URL; may be set to null
 * @param disabled whether the webhook is disabled; may be set to null
 * @param headers the HTTP headers as a JSON object; when set, never null
 * @param payload the body template as a JSON object; when set, never null
 * @param triggers the triggering events; when set, never null
 */
public record UpdateWebhookRequest(
        FieldUpdate<String> id,
        FieldUpdate<String> url,
        FieldUpdate<Boolean> disabled,
        FieldUpdate<Map<String, Object>> headers,
        FieldUpdate<Map<String, Object>> payload,
        FieldUpdate<List<Trigger>> triggers) {

    /**
     * Checks the components and copies the collections that are set.
     *
     * @param id the webhook's id
     * @param url the URL
     * @param disabled whether the webhook is disabled
     * @param headers the HTTP headers
     * @param payload the body template
     * @param triggers the triggering events
     */
    public UpdateWebhookRequest {
        id = notNullWhenSet(id, "id");
        url = Objects.requireNonNull(url, "url must not be null (use FieldUpdate.unchanged())");
        disabled = Objects.requireNonNull(disabled, "disabled must not be null (use FieldUpdate.unchanged())");
        headers = notNullWhenSet(headers, "headers");
        if (headers.isSet()) {
            headers = FieldUpdate.set(JsonValues.copyObject(headers.value(), "headers"));
        }
        payload = notNullWhenSet(payload, "payload");
        if (payload.isSet()) {
            payload = FieldUpdate.set(JsonValues.copyObject(payload.value(), "payload"));
        }
        triggers = notNullWhenSet(triggers, "triggers");
        if (triggers.isSet()) {
            triggers = FieldUpdate.set(List.copyOf(triggers.value()));
        }
    }

    private static <T> FieldUpdate<T> notNullWhenSet(FieldUpdate<T> field, String name) {
        Objects.requireNonNull(field, name + " must not be null (use FieldUpdate.unchanged())");
        if (field.isSet() && field.value() == null) {
            throw new NullPointerException(name + " is not nullable: leave it unchanged instead of setting null");
        }
        return field;
    }

    /**
     * A builder with every field unchanged.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Whether no field is set, so the update changes nothing.
     *
     * @return true if every field is unchanged
     */
    public boolean isEmpty() {
        return !(id.isSet()
                || url.isSet()
                || disabled.isSet()
                || headers.isSet()
                || payload.isSet()
                || triggers.isSet());
    }

    /** Shows the set fields only; header and payload keys only, and the URL only up to its host. */
    @Override
    public String toString() {
        StringJoiner out = new StringJoiner(", ", "UpdateWebhookRequest[", "]");
        if (id.isSet()) {
            out.add("id=" + id.value());
        }
        if (url.isSet()) {
            out.add("url=" + Redaction.url(url.value()));
        }
        if (disabled.isSet()) {
            out.add("disabled=" + disabled.value());
        }
        if (headers.isSet()) {
            out.add("headers=" + Redaction.keysOnly(headers.value()));
        }
        if (payload.isSet()) {
            out.add("payload=" + Redaction.keysOnly(payload.value()));
        }
        if (triggers.isSet()) {
            out.add("triggers=" + triggers.value());
        }
        return out.toString();
    }

    /** Builds an {@link UpdateWebhookRequest}: each setter marks its field as sent. */
    public static final class Builder {
        private FieldUpdate<String> id = FieldUpdate.unchanged();
        private FieldUpdate<String> url = FieldUpdate.unchanged();
        private FieldUpdate<Boolean> disabled = FieldUpdate.unchanged();
        private FieldUpdate<Map<String, Object>> headers = FieldUpdate.unchanged();
        private FieldUpdate<Map<String, Object>> payload = FieldUpdate.unchanged();
        private FieldUpdate<List<Trigger>> triggers = FieldUpdate.unchanged();

        private Builder() {}

        /**
         * Sends the id, which Humanitec expects to equal the id in the path.
         *
         * @param id the webhook's id, not null
         * @return this builder
         */
        public Builder id(String id) {
            this.id = FieldUpdate.set(Objects.requireNonNull(id, "id must not be null"));
            return this;
        }

        /**
         * Sends the URL.
         *
         * @param url the HTTPS URL, or null to send an explicit {@code null}, which Humanitec reads as not given
         *     (its own Go client sends it for every update that leaves the URL alone), so it keeps the URL
         * @return this builder
         */
        public Builder url(String url) {
            this.url = FieldUpdate.set(url);
            return this;
        }

        /**
         * Sends whether the webhook is disabled.
         *
         * @param disabled the flag, or null to send an explicit {@code null}, which Humanitec reads as not given
         * @return this builder
         */
        public Builder disabled(Boolean disabled) {
            this.disabled = FieldUpdate.set(disabled);
            return this;
        }

        /**
         * Sends the headers, replacing all the webhook's headers.
         *
         * @param headers the HTTP headers as a JSON object, not null
         * @return this builder
         */
        public Builder headers(Map<String, ?> headers) {
            this.headers = FieldUpdate.set(
                    JsonValues.copyObject(Objects.requireNonNull(headers, "headers must not be null"), "headers"));
            return this;
        }

        /**
         * Sends the payload, replacing the webhook's payload.
         *
         * @param payload the body template as a JSON object, not null
         * @return this builder
         */
        public Builder payload(Map<String, ?> payload) {
            this.payload = FieldUpdate.set(
                    JsonValues.copyObject(Objects.requireNonNull(payload, "payload must not be null"), "payload"));
            return this;
        }

        /**
         * Sends the triggers, replacing the webhook's triggers.
         *
         * @param triggers the triggering events, not null
         * @return this builder
         */
        public Builder triggers(List<Trigger> triggers) {
            this.triggers = FieldUpdate.set(List.copyOf(Objects.requireNonNull(triggers, "triggers must not be null")));
            return this;
        }

        /**
         * Builds the request.
         *
         * @return the request
         */
        public UpdateWebhookRequest build() {
            return new UpdateWebhookRequest(id, url, disabled, headers, payload, triggers);
        }
    }
}
