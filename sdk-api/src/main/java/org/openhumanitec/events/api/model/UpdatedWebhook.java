package org.openhumanitec.events.api.model;

import java.util.List;
import java.util.Map;

/**
 * A webhook as update-webhook returns it ({@code WebhookUpdateResponse}): unlike {@link Webhook} it has no id,
 * creation time or creator, and its triggers may be null.
 *
 * @param url the HTTPS URL; null when the API sends null
 * @param disabled whether the webhook is disabled; null when the API sends null
 * @param headers the HTTP headers as a JSON object; unmodifiable, never null
 * @param payload the body template as a JSON object; unmodifiable, never null
 * @param triggers the triggering events; unmodifiable, and null when the API sends null
 */
public record UpdatedWebhook(
        String url,
        Boolean disabled,
        Map<String, Object> headers,
        Map<String, Object> payload,
        List<Trigger> triggers) {

    /**
     * Copies the collections. Null headers and payload are taken as empty; null triggers stay null.
     *
     * @param url the URL
     * @param disabled whether the webhook is disabled
     * @param headers the HTTP headers
     * @param payload the body template
     * @param triggers the triggering events
     */
    public UpdatedWebhook {
        headers = JsonValues.copyObject(headers, "headers");
        payload = JsonValues.copyObject(payload, "payload");
        triggers = triggers == null ? null : List.copyOf(triggers);
    }

    /**
     * Whether the webhook is disabled, reading a null {@link #disabled()} as enabled.
     *
     * @return true only if {@link #disabled()} is {@code TRUE}
     */
    public boolean isDisabled() {
        return Boolean.TRUE.equals(disabled);
    }

    /** Shows header and payload keys only, and the URL only up to its host: they may hold secrets. */
    @Override
    public String toString() {
        return "UpdatedWebhook[url=" + Redaction.url(url)
                + ", disabled=" + disabled
                + ", headers=" + Redaction.keysOnly(headers)
                + ", payload=" + Redaction.keysOnly(payload)
                + ", triggers=" + triggers + "]";
    }
}
