package org.openhumanitec.events.api.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A webhook as the API returns it from create, get and list ({@code WebhookResponse}).
 *
 * @param id the webhook's id, unique within the organization; never null
 * @param url the HTTPS URL Humanitec calls; null when the API sends null
 * @param disabled whether the webhook is disabled; null when the API sends null (see {@link #isDisabled()})
 * @param headers the HTTP headers Humanitec sends, as a JSON object; unmodifiable, never null
 * @param payload the body template Humanitec sends, as a JSON object whose strings may use {@code ${name}}
 *     placeholders; unmodifiable, never null
 * @param triggers the events that trigger the webhook; unmodifiable, never null
 * @param createdAt when the webhook was created; null when the API does not say
 * @param createdBy the user who created the webhook; null when the API does not say
 */
public record Webhook(
        String id,
        String url,
        Boolean disabled,
        Map<String, Object> headers,
        Map<String, Object> payload,
        List<Trigger> triggers,
        Instant createdAt,
        String createdBy) {

    /**
     * Checks the components and copies the collections. Null collections are taken as empty.
     *
     * @param id the webhook's id
     * @param url the URL
     * @param disabled whether the webhook is disabled
     * @param headers the HTTP headers
     * @param payload the body template
     * @param triggers the triggering events
     * @param createdAt the creation time
     * @param createdBy the creator
     */
    public Webhook {
        Objects.requireNonNull(id, "id must not be null");
        headers = JsonValues.copyObject(headers, "headers");
        payload = JsonValues.copyObject(payload, "payload");
        triggers = triggers == null ? List.of() : List.copyOf(triggers);
    }

    /**
     * Whether the webhook is disabled, reading a null {@link #disabled()} as enabled.
     *
     * @return true only if {@link #disabled()} is {@code TRUE}
     */
    public boolean isDisabled() {
        return Boolean.TRUE.equals(disabled);
    }

    /**
     * A builder, for tests and for implementations of the API.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Shows header and payload keys only, and the URL only up to its host: they may hold secrets. */
    @Override
    public String toString() {
        return "Webhook[id=" + id
                + ", url=" + Redaction.url(url)
                + ", disabled=" + disabled
                + ", headers=" + Redaction.keysOnly(headers)
                + ", payload=" + Redaction.keysOnly(payload)
                + ", triggers=" + triggers
                + ", createdAt=" + createdAt
                + ", createdBy=" + createdBy + "]";
    }

    /** Builds a {@link Webhook}; {@code id} is required. */
    public static final class Builder {
        private String id;
        private String url;
        private Boolean disabled;
        private final Map<String, Object> headers = new LinkedHashMap<>();
        private final Map<String, Object> payload = new LinkedHashMap<>();
        private final List<Trigger> triggers = new ArrayList<>();
        private Instant createdAt;
        private String createdBy;

        private Builder() {}

        /**
         * Sets the id.
         *
         * @param id the webhook's id
         * @return this builder
         */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /**
         * Sets the URL.
         *
         * @param url the URL, or null
         * @return this builder
         */
        public Builder url(String url) {
            this.url = url;
            return this;
        }

        /**
         * Sets whether the webhook is disabled.
         *
         * @param disabled the flag, or null
         * @return this builder
         */
        public Builder disabled(Boolean disabled) {
            this.disabled = disabled;
            return this;
        }

        /**
         * Replaces the headers.
         *
         * @param headers the headers as a JSON object
         * @return this builder
         */
        public Builder headers(Map<String, ?> headers) {
            this.headers.clear();
            this.headers.putAll(Objects.requireNonNull(headers, "headers must not be null"));
            return this;
        }

        /**
         * Replaces the payload.
         *
         * @param payload the payload as a JSON object
         * @return this builder
         */
        public Builder payload(Map<String, ?> payload) {
            this.payload.clear();
            this.payload.putAll(Objects.requireNonNull(payload, "payload must not be null"));
            return this;
        }

        /**
         * Replaces the triggers.
         *
         * @param triggers the triggering events
         * @return this builder
         */
        public Builder triggers(List<Trigger> triggers) {
            this.triggers.clear();
            this.triggers.addAll(Objects.requireNonNull(triggers, "triggers must not be null"));
            return this;
        }

        /**
         * Sets the creation time.
         *
         * @param createdAt the creation time, or null
         * @return this builder
         */
        public Builder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        /**
         * Sets the creator.
         *
         * @param createdBy the creator, or null
         * @return this builder
         */
        public Builder createdBy(String createdBy) {
            this.createdBy = createdBy;
            return this;
        }

        /**
         * Builds the webhook.
         *
         * @return the webhook
         * @throws NullPointerException if no id was set
         */
        public Webhook build() {
            return new Webhook(id, url, disabled, headers, payload, triggers, createdAt, createdBy);
        }
    }
}
