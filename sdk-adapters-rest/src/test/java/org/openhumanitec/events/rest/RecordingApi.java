package org.openhumanitec.events.rest;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.openhumanitec.events.api.EventsApi;
import org.openhumanitec.events.api.HumanitecEventApi;
import org.openhumanitec.events.api.JobsApi;
import org.openhumanitec.events.api.WebhooksApi;
import org.openhumanitec.events.api.model.CreateWebhookRequest;
import org.openhumanitec.events.api.model.Event;
import org.openhumanitec.events.api.model.UpdateWebhookRequest;
import org.openhumanitec.events.api.model.UpdatedWebhook;
import org.openhumanitec.events.api.model.Webhook;

/**
 * A backend that records every call it gets (operation and ids, as {@code get o/a/j}) and answers with fixed values,
 * so tests see exactly what reached the backend.
 */
public final class RecordingApi implements HumanitecEventApi {

    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final List<Object> bodies = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    /** The calls so far, such as {@code get [my-org] [my-app] [a/b]}. */
    public List<String> calls() {
        return List.copyOf(calls);
    }

    /** The request bodies the backend got, in order. */
    public List<Object> bodies() {
        return List.copyOf(bodies);
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        return closed;
    }

    private void record(String operation, String... ids) {
        StringBuilder call = new StringBuilder(operation);
        for (String id : ids) {
            call.append(" [").append(id).append(']');
        }
        calls.add(call.toString());
    }

    private static Webhook hook(String id) {
        return Webhook.builder()
                .id(id)
                .url("https://hooks.example.com/x")
                .disabled(false)
                .createdAt(Instant.parse("2026-01-15T09:37:23.523Z"))
                .createdBy("recorder")
                .build();
    }

    @Override
    public WebhooksApi webhooks() {
        return new WebhooksApi() {
            @Override
            public List<Webhook> list(String orgId, String appId) {
                record("list", orgId, appId);
                return List.of();
            }

            @Override
            public Webhook create(String orgId, String appId, CreateWebhookRequest request) {
                record("create", orgId, appId);
                bodies.add(request);
                return hook(request.id() == null ? "created" : request.id());
            }

            @Override
            public Webhook get(String orgId, String appId, String jobId) {
                record("get", orgId, appId, jobId);
                return hook(jobId);
            }

            @Override
            public UpdatedWebhook update(String orgId, String appId, String jobId, UpdateWebhookRequest request) {
                record("update", orgId, appId, jobId);
                bodies.add(request);
                return new UpdatedWebhook(null, null, null, null, null);
            }

            @Override
            public void delete(String orgId, String appId, String jobId) {
                record("delete", orgId, appId, jobId);
            }
        };
    }

    @Override
    public JobsApi jobs() {
        return (orgId, appId) -> record("deleteAll", orgId, appId);
    }

    @Override
    public EventsApi events() {
        return orgId -> {
            record("events", orgId);
            return List.<Event>of();
        };
    }

    @Override
    public void close() {
        closed = true;
    }
}
