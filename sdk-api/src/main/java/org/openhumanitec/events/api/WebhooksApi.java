package org.openhumanitec.events.api;

import java.util.List;
import org.openhumanitec.events.api.model.CreateWebhookRequest;
import org.openhumanitec.events.api.model.UpdateWebhookRequest;
import org.openhumanitec.events.api.model.UpdatedWebhook;
import org.openhumanitec.events.api.model.Webhook;

/**
 * The webhooks of an application: {@code /orgs/{orgId}/apps/{appId}/webhooks}.
 *
 * <p>A webhook is a kind of Job: an HTTPS request that Humanitec sends when one of its triggers fires. Its id is
 * unique within the whole organization, not only the application.
 */
public interface WebhooksApi {

    /**
     * Lists the webhooks of an application ({@code GET /orgs/{orgId}/apps/{appId}/webhooks}).
     *
     * @param orgId the organization id
     * @param appId the application id
     * @return the webhooks, unmodifiable, possibly empty; the API does not paginate
     */
    List<Webhook> list(String orgId, String appId);

    /**
     * Creates a webhook ({@code POST /orgs/{orgId}/apps/{appId}/webhooks}). Not idempotent: a retry after the
     * request may have reached the server could create it twice, so implementations never do that.
     *
     * @param orgId the organization id
     * @param appId the application id
     * @param request the webhook to create; only the fields set in it are sent
     * @return the webhook as stored
     * @throws org.openhumanitec.events.api.errors.BadRequestException if a value is invalid
     * @throws org.openhumanitec.events.api.errors.ConflictException if the id is taken within the organization
     */
    Webhook create(String orgId, String appId, CreateWebhookRequest request);

    /**
     * Reads one webhook ({@code GET /orgs/{orgId}/apps/{appId}/webhooks/{jobId}}).
     *
     * @param orgId the organization id
     * @param appId the application id
     * @param jobId the webhook id
     * @return the webhook
     * @throws org.openhumanitec.events.api.errors.NotFoundException if there is no such webhook
     */
    Webhook get(String orgId, String appId, String jobId);

    /**
     * Updates a webhook ({@code PATCH /orgs/{orgId}/apps/{appId}/webhooks/{jobId}}). Only the fields set in the
     * request are sent; an explicit {@code null} clears a nullable field.
     *
     * @param orgId the organization id
     * @param appId the application id
     * @param jobId the webhook id
     * @param request the changes
     * @return the webhook after the update, in the PATCH response's shape (it has no id or creation data)
     * @throws org.openhumanitec.events.api.errors.BadRequestException if a value is invalid
     * @throws org.openhumanitec.events.api.errors.NotFoundException if there is no such webhook
     */
    UpdatedWebhook update(String orgId, String appId, String jobId, UpdateWebhookRequest request);

    /**
     * Deletes a webhook ({@code DELETE /orgs/{orgId}/apps/{appId}/webhooks/{jobId}}). This cannot be undone.
     *
     * @param orgId the organization id
     * @param appId the application id
     * @param jobId the webhook id
     * @throws org.openhumanitec.events.api.errors.NotFoundException if there is no such webhook
     */
    void delete(String orgId, String appId, String jobId);
}
