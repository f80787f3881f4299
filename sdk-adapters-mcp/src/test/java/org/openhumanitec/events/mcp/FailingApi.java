package org.openhumanitec.events.mcp;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.openhumanitec.events.api.EventsApi;
import org.openhumanitec.events.api.HumanitecEventApi;
import org.openhumanitec.events.api.JobsApi;
import org.openhumanitec.events.api.WebhooksApi;
import org.openhumanitec.events.api.model.CreateWebhookRequest;
import org.openhumanitec.events.api.model.UpdateWebhookRequest;
import org.openhumanitec.events.api.model.UpdatedWebhook;
import org.openhumanitec.events.api.model.Webhook;

/** A backend whose every operation records its name and throws what the test sets. */
public final class FailingApi implements HumanitecEventApi {

    private final List<String> calls = new CopyOnWriteArrayList<>();
    private volatile boolean closed;
    private volatile Supplier<RuntimeException> failure = () -> new IllegalStateException("no failure set");

    /**
     * Sets what every call throws from now on.
     *
     * @param failure makes the exception
     */
    public void failWith(Supplier<RuntimeException> failure) {
        this.failure = failure;
    }

    /** The operations called so far, such as {@code create}. */
    public List<String> calls() {
        return List.copyOf(calls);
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
    }

    private RuntimeException fail(String operation) {
        calls.add(operation);
        return failure.get();
    }

    @Override
    public WebhooksApi webhooks() {
        return new WebhooksApi() {
            @Override
            public List<Webhook> list(String orgId, String appId) {
                throw fail("list");
            }

            @Override
            public Webhook create(String orgId, String appId, CreateWebhookRequest request) {
                throw fail("create");
            }

            @Override
            public Webhook get(String orgId, String appId, String jobId) {
                throw fail("get");
            }

            @Override
            public UpdatedWebhook update(String orgId, String appId, String jobId, UpdateWebhookRequest request) {
                throw fail("update");
            }

            @Override
            public void delete(String orgId, String appId, String jobId) {
                throw fail("delete");
            }
        };
    }

    @Override
    public JobsApi jobs() {
        return (orgId, appId) -> {
            throw fail("deleteAll");
        };
    }

    @Override
    public EventsApi events() {
        return orgId -> {
            throw fail("events");
        };
    }
}
