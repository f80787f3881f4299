package org.openhumanitec.events.samples.notifier;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.List;
import org.openhumanitec.events.api.model.Trigger;
import org.openhumanitec.events.api.model.Webhook;

/**
 * A webhook as {@code GET /webhooks} shows it: no headers, no payload and no URL path, which may hold the
 * receiver's secrets, only where it points.
 *
 * @param id the webhook's id
 * @param receiver the scheme, host and port of the URL Humanitec calls, or null when it has no host
 * @param triggers the triggering events, such as {@code deployment.finished}
 * @param disabled whether the webhook is disabled
 * @param createdAt when it was created, or null when the API does not say
 */
public record WebhookSummary(String id, String receiver, List<String> triggers, boolean disabled, Instant createdAt) {

    /**
     * The summary of a webhook.
     *
     * @param webhook the webhook as the API returns it
     * @return its summary
     */
    public static WebhookSummary of(Webhook webhook) {
        return new WebhookSummary(
                webhook.id(),
                receiver(webhook.url()),
                webhook.triggers().stream().map(Trigger::toString).toList(),
                webhook.isDisabled(),
                webhook.createdAt());
    }

    /** Where a URL points, its scheme, host and port; Humanitec reads a URL without a scheme as HTTPS. */
    private static String receiver(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url.contains("://") ? url : "https://" + url);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return null;
            }
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), null, null, null).toString();
        } catch (URISyntaxException unreadable) {
            return null;
        }
    }
}
