package org.openhumanitec.events.benchmarks;

import java.util.List;
import org.openhumanitec.events.api.model.CreateWebhookRequest;
import org.openhumanitec.events.api.model.Webhook;

/** The three calls every contender makes, each decoding into the same {@code sdk-api} records. */
public interface WebhookCalls extends AutoCloseable {

    /**
     * Lists the app's webhooks.
     *
     * @return the webhooks
     */
    List<Webhook> list();

    /**
     * Gets one webhook.
     *
     * @return the webhook
     */
    Webhook get();

    /**
     * Creates a webhook.
     *
     * @param request what to create
     * @return the created webhook
     */
    Webhook create(CreateWebhookRequest request);

    /** Releases the connection pool. */
    @Override
    void close();
}
