package org.openhumanitec.events.benchmarks;

import java.util.List;

/**
 * The three calls every contender makes, each decoding into the contender's own model of a webhook: the {@code
 * sdk-api} records for the SDK and the baseline, the generated models for the OpenAPI Generator client.
 *
 * @param <W> the contender's webhook type
 */
public interface WebhookCalls<W> extends AutoCloseable {

    /**
     * Lists the app's webhooks.
     *
     * @return the webhooks
     */
    List<W> list();

    /**
     * Gets one webhook.
     *
     * @return the webhook
     */
    W get();

    /**
     * Creates the webhook {@link StubPayloads#createRequest(int) StubPayloads.createRequest(7)} describes, from the
     * contender's own request model, built once.
     *
     * @return the created webhook
     */
    W create();

    /**
     * The id of a webhook this contender decoded, to check its answers at set-up.
     *
     * @param webhook a webhook from {@link #list()}, {@link #get()} or {@link #create()}
     * @return its id
     */
    String id(W webhook);

    /** Releases what the contender holds. */
    @Override
    void close();
}
