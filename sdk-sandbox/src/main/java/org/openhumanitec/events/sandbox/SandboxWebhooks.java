package org.openhumanitec.events.sandbox;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.openhumanitec.events.api.PathIds;
import org.openhumanitec.events.api.WebhooksApi;
import org.openhumanitec.events.api.model.CreateWebhookRequest;
import org.openhumanitec.events.api.model.FieldUpdate;
import org.openhumanitec.events.api.model.UpdateWebhookRequest;
import org.openhumanitec.events.api.model.UpdatedWebhook;
import org.openhumanitec.events.api.model.Webhook;

/**
 * The webhook operations of the sandbox: path ids first (as the HTTP client checks them), then the request (400),
 * then the store (404, 409).
 */
final class SandboxWebhooks implements WebhooksApi {

    private final WebhookStore store;
    private final Clock clock;
    private final String createdBy;

    SandboxWebhooks(WebhookStore store, Clock clock, String createdBy) {
        this.store = store;
        this.clock = clock;
        this.createdBy = createdBy;
    }

    @Override
    public List<Webhook> list(String orgId, String appId) {
        return store.list(PathIds.require(orgId, "orgId"), PathIds.require(appId, "appId"));
    }

    @Override
    public Webhook create(String orgId, String appId, CreateWebhookRequest request) {
        PathIds.require(orgId, "orgId");
        PathIds.require(appId, "appId");
        Objects.requireNonNull(request, "request must not be null");
        WebhookRules.checkCreate(request);
        Webhook webhook = new Webhook(
                request.id(),
                request.url(),
                request.disabled() != null ? request.disabled() : Boolean.FALSE,
                request.headers() != null ? request.headers() : Map.of(),
                request.payload() != null ? request.payload() : Map.of(),
                request.triggers() != null ? request.triggers() : List.of(),
                clock.instant().truncatedTo(ChronoUnit.MILLIS),
                createdBy);
        if (!store.add(orgId, appId, webhook)) {
            throw SandboxErrors.idTaken(webhook.id());
        }
        return webhook;
    }

    @Override
    public Webhook get(String orgId, String appId, String jobId) {
        requireIds(orgId, appId, jobId);
        return store.find(orgId, appId, jobId).orElseThrow(() -> SandboxErrors.webhookNotFound(appId, jobId));
    }

    @Override
    public UpdatedWebhook update(String orgId, String appId, String jobId, UpdateWebhookRequest request) {
        requireIds(orgId, appId, jobId);
        Objects.requireNonNull(request, "request must not be null");
        WebhookRules.checkUpdate(jobId, request);
        Webhook updated = store.replace(
                        orgId,
                        appId,
                        jobId,
                        current -> new Webhook(
                                current.id(),
                                valueOr(request.url(), current.url()),
                                valueOr(request.disabled(), current.disabled()),
                                valueOr(request.headers(), current.headers()),
                                valueOr(request.payload(), current.payload()),
                                valueOr(request.triggers(), current.triggers()),
                                current.createdAt(),
                                current.createdBy()))
                .orElseThrow(() -> SandboxErrors.webhookNotFound(appId, jobId));
        return new UpdatedWebhook(
                updated.url(), updated.disabled(), updated.headers(), updated.payload(), updated.triggers());
    }

    @Override
    public void delete(String orgId, String appId, String jobId) {
        requireIds(orgId, appId, jobId);
        if (!store.remove(orgId, appId, jobId)) {
            throw SandboxErrors.webhookNotFound(appId, jobId);
        }
    }

    private static void requireIds(String orgId, String appId, String jobId) {
        PathIds.require(orgId, "orgId");
        PathIds.require(appId, "appId");
        PathIds.require(jobId, "jobId");
    }

    /** The value sent, or the current one when the field was left out or sent as null (which is not given). */
    private static <T> T valueOr(FieldUpdate<T> field, T current) {
        return field.value() != null ? field.value() : current;
    }
}
