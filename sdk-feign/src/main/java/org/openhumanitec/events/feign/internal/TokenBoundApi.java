package org.openhumanitec.events.feign.internal;

import java.util.List;
import java.util.Objects;
import org.openhumanitec.events.api.EventsApi;
import org.openhumanitec.events.api.HumanitecEventApi;
import org.openhumanitec.events.api.JobsApi;
import org.openhumanitec.events.api.PathIds;
import org.openhumanitec.events.api.WebhooksApi;
import org.openhumanitec.events.api.model.CreateWebhookRequest;
import org.openhumanitec.events.api.model.Event;
import org.openhumanitec.events.api.model.UpdateWebhookRequest;
import org.openhumanitec.events.api.model.UpdatedWebhook;
import org.openhumanitec.events.api.model.Webhook;

/**
 * The 7 operations with one credential: checks the ids, then calls the Feign proxy through the retry layer. One
 * object serves as all three groups (the method names do not clash), so a {@code withToken} view costs one
 * allocation. Closing it does nothing: the pool belongs to the client.
 */
final class TokenBoundApi implements HumanitecEventApi, WebhooksApi, JobsApi, EventsApi {

    private final HumanitecResource resource;
    private final RetryingCalls calls;
    private final Credential credential;

    TokenBoundApi(HumanitecResource resource, RetryingCalls calls, Credential credential) {
        this.resource = resource;
        this.calls = calls;
        this.credential = credential;
    }

    @Override
    public WebhooksApi webhooks() {
        return this;
    }

    @Override
    public JobsApi jobs() {
        return this;
    }

    @Override
    public EventsApi events() {
        return this;
    }

    @Override
    public void deleteAll(String orgId, String appId) {
        requireIds(orgId, appId);
        calls.call(Operation.DELETE_ALL_JOBS, options -> {
            resource.deleteAllJobs(credential, orgId, appId, options);
            return null;
        });
    }

    @Override
    public List<Webhook> list(String orgId, String appId) {
        requireIds(orgId, appId);
        return calls.call(Operation.LIST_WEBHOOKS, options -> resource.listWebhooks(credential, orgId, appId, options));
    }

    @Override
    public Webhook create(String orgId, String appId, CreateWebhookRequest request) {
        requireIds(orgId, appId);
        Objects.requireNonNull(request, "request must not be null");
        return calls.call(
                Operation.CREATE_WEBHOOK,
                options -> resource.createWebhook(credential, orgId, appId, request, options));
    }

    @Override
    public Webhook get(String orgId, String appId, String jobId) {
        requireIds(orgId, appId, jobId);
        return calls.call(
                Operation.GET_WEBHOOK, options -> resource.getWebhook(credential, orgId, appId, jobId, options));
    }

    @Override
    public UpdatedWebhook update(String orgId, String appId, String jobId, UpdateWebhookRequest request) {
        requireIds(orgId, appId, jobId);
        Objects.requireNonNull(request, "request must not be null");
        return calls.call(
                Operation.UPDATE_WEBHOOK,
                options -> resource.updateWebhook(credential, orgId, appId, jobId, request, options));
    }

    @Override
    public void delete(String orgId, String appId, String jobId) {
        requireIds(orgId, appId, jobId);
        calls.call(Operation.DELETE_WEBHOOK, options -> {
            resource.deleteWebhook(credential, orgId, appId, jobId, options);
            return null;
        });
    }

    @Override
    public List<Event> list(String orgId) {
        PathIds.require(orgId, "orgId");
        return calls.call(Operation.LIST_EVENTS, options -> resource.listEvents(credential, orgId, options));
    }

    /** Checks the ids of an application, before anything is sent. */
    private static void requireIds(String orgId, String appId) {
        PathIds.require(orgId, "orgId");
        PathIds.require(appId, "appId");
    }

    /** Checks the ids of a webhook, before anything is sent. */
    private static void requireIds(String orgId, String appId, String jobId) {
        requireIds(orgId, appId);
        PathIds.require(jobId, "jobId");
    }

    @Override
    public String toString() {
        return "HumanitecEventApi[" + credential + "]";
    }
}
