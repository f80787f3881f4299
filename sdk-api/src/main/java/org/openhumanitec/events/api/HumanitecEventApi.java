package org.openhumanitec.events.api;

/**
 * The Humanitec Event API: webhooks and jobs of an application, and the events of an organization.
 *
 * <p>Every implementation is thread-safe and throws only the unchecked exceptions of
 * {@link org.openhumanitec.events.api.errors}. Ids passed to any operation must be non-null, non-blank strings
 * other than {@code "."} and {@code ".."} (see {@link PathIds}); a violation fails with an exception naming the
 * parameter before anything is sent.
 *
 * <pre>{@code
 * try (HumanitecEventApi api = ...) {
 *     for (Webhook hook : api.webhooks().list("my-org", "my-app")) {
 *         System.out.println(hook.id() + " -> " + hook.triggers());
 *     }
 * }
 * }</pre>
 */
public interface HumanitecEventApi extends AutoCloseable {

    /**
     * The webhooks of an application.
     *
     * @return the webhook operations, never null
     */
    WebhooksApi webhooks();

    /**
     * The jobs of an application.
     *
     * @return the job operations, never null
     */
    JobsApi jobs();

    /**
     * The events of an organization.
     *
     * @return the event operations, never null
     */
    EventsApi events();

    /** Releases what this implementation holds (connection pools, threads). The default holds nothing. */
    @Override
    default void close() {}
}
