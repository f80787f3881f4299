package org.openhumanitec.events.api.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The body of create-webhook ({@code WebhookRequest}). The schema requires no field, so every component is
 * nullable, and a null component is not sent at all. Humanitec itself expects at least {@code id}, an HTTPS
 * {@code url} and one trigger, and answers 400 otherwise.
 *
 * <pre>{@code
 * CreateWebhookRequest request = CreateWebhookRequest.builder()
 *         .id("deploy-notifier")
 *         .url("https://hooks.example.com/humanitec")
 *         .trigger(Trigger.DEPLOYMENT_FINISHED)
 *         .header("X-Token", "s3cret")
 *         .build();
 * }</pre>
 *
 * @param id the webhook's id, unique within the organization; null is not sent
 * @param url the HTTPS URL to call; null is not sent
 * @param disabled whether the webhook starts disabled; null is not sent
 * @param headers the HTTP headers to send, as a JSON object; unmodifiable; null is not sent
 * @param payload the body template to send, as a JSON object; unmodifiable; null is not sent
 * @param triggers the events that trigger the webhook; unmodifiable; null is not sent
 */
public record CreateWebhookRequest(
        String id,
        String url,
        Boolean disabled,
        Map<String, Object> headers,
        Map<String, Object> payload,
        List<Trigger> triggers) {

    /**
     * Copies the collections that are set.
     *
     * @param id the webhook's id
     * @param url the URL
     * @param disabled whether the webhook starts disabled
     * @param headers the HTTP headers
     * @param payload the body template
     * @param triggers the triggering events
     */
    public CreateWebhookRequest {
        headers = headers == null ? null : JsonValues.copyObject(headers, "headers");
        payload = payload == null ? null : JsonValues.copyObject(payload, "payload");
        triggers = triggers == null ? null : List.copyOf(triggers);
    }

    /**
     * A builder with nothing set.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Shows header and payload keys only, and the URL only up to its host: they may hold secrets. */
    @Override
    public String toString() {
        return "CreateWebhookRequest[id=" + id
                + ", url=" + Redaction.url(url)
                + ", disabled=" + disabled
                + ", headers=" + Redaction.keysOnly(headers)
                + ", payload=" + Redaction.keysOnly(payload)
                + ", triggers=" + triggers + "]";
    }

    /** Builds a {@link CreateWebhookRequest}; whatever is not set is not sent. */
    public static final class Builder {
        private String id;
        private String url;
        private Boolean disabled;
        private Map<String, Object> headers;
        private Map<String, Object> payload;
        private List<Trigger> triggers;

        private Builder() {}

        /**
         * Sets the id.
         *
         * @param id the webhook's id, unique within the organization
         * @return this builder
         */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /**
         * Sets the URL.
         *
         * @param url the HTTPS URL to call, for example {@code https://hooks.example.com/humanitec}
         * @return this builder
         */
        public Builder url(String url) {
            this.url = url;
            return this;
        }

        /**
         * Sets whether the webhook starts disabled.
         *
         * @param disabled the flag
         * @return this builder
         */
        public Builder disabled(Boolean disabled) {
            this.disabled = disabled;
            return this;
        }

        /**
         * Replaces the headers.
         *
         * @param headers the HTTP headers as a JSON object
         * @return this builder
         */
        public Builder headers(Map<String, ?> headers) {
            this.headers = new LinkedHashMap<>(Objects.requireNonNull(headers, "headers must not be null"));
            return this;
        }

        /**
         * Adds one header.
         *
         * @param name the header's name
         * @param value the header's value, a JSON value (usually a string)
         * @return this builder
         */
        public Builder header(String name, Object value) {
            if (headers == null) {
                headers = new LinkedHashMap<>();
            }
            headers.put(Objects.requireNonNull(name, "header name must not be null"), value);
            return this;
        }

        /**
         * Replaces the payload.
         *
         * @param payload the body template as a JSON object; strings may use {@code ${name}} placeholders
         * @return this builder
         */
        public Builder payload(Map<String, ?> payload) {
            this.payload = new LinkedHashMap<>(Objects.requireNonNull(payload, "payload must not be null"));
            return this;
        }

        /**
         * Replaces the triggers.
         *
         * @param triggers the triggering events
         * @return this builder
         */
        public Builder triggers(List<Trigger> triggers) {
            this.triggers = new ArrayList<>(Objects.requireNonNull(triggers, "triggers must not be null"));
            return this;
        }

        /**
         * Adds one trigger.
         *
         * @param trigger a triggering event, for example {@link Trigger#DEPLOYMENT_FINISHED}
         * @return this builder
         */
        public Builder trigger(Trigger trigger) {
            if (triggers == null) {
                triggers = new ArrayList<>();
            }
            triggers.add(Objects.requireNonNull(trigger, "trigger must not be null"));
            return this;
        }

        /**
         * Builds the request.
         *
         * @return the request
         */
        public CreateWebhookRequest build() {
            return new CreateWebhookRequest(id, url, disabled, headers, payload, triggers);
        }
    }
}
