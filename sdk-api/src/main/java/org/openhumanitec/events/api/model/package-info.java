/**
 * The immutable values of the Humanitec Event API, one per schema of its OpenAPI document.
 *
 * <ul>
 *   <li>{@link org.openhumanitec.events.api.model.Webhook}: a webhook as the API returns it ({@code WebhookResponse});
 *   <li>{@link org.openhumanitec.events.api.model.CreateWebhookRequest} and
 *       {@link org.openhumanitec.events.api.model.UpdateWebhookRequest}: the bodies of create and update
 *       ({@code WebhookRequest});
 *   <li>{@link org.openhumanitec.events.api.model.UpdatedWebhook}: what an update returns
 *       ({@code WebhookUpdateResponse});
 *   <li>{@link org.openhumanitec.events.api.model.Trigger} and {@link org.openhumanitec.events.api.model.Event}: the
 *       events that trigger webhooks ({@code EventBaseRequest}, {@code EventBaseResponse}, {@code EventResponse}).
 * </ul>
 *
 * <p>JSON objects ({@code headers}, {@code payload}) are held as unmodifiable maps whose values are JSON values:
 * {@link java.lang.String}, {@link java.lang.Number}, {@link java.lang.Boolean}, {@code null}, and unmodifiable
 * {@link java.util.List}s and {@link java.util.Map}s of those. Because headers and payloads can hold secrets,
 * {@code toString()} shows their keys only, and a webhook URL only up to its host.
 */
package org.openhumanitec.events.api.model;
