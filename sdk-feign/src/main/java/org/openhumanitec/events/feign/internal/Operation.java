package org.openhumanitec.events.feign.internal;

/**
 * The 7 operations of the Humanitec Event API, with the one fact the retry layer needs about each: whether it is
 * idempotent (the capability's flag). Their {@link #toString()} ({@code GET /orgs/{orgId}/apps/{appId}/webhooks})
 * names them in exception messages and logs; their {@link #id()} ({@code listWebhooks}) in metrics.
 */
enum Operation {
    /** {@code DELETE /orgs/{orgId}/apps/{appId}/jobs}. */
    DELETE_ALL_JOBS("deleteAllJobs", "DELETE /orgs/{orgId}/apps/{appId}/jobs", true),
    /** {@code GET /orgs/{orgId}/apps/{appId}/webhooks}. */
    LIST_WEBHOOKS("listWebhooks", "GET /orgs/{orgId}/apps/{appId}/webhooks", true),
    /** {@code POST /orgs/{orgId}/apps/{appId}/webhooks}: the only operation that is not idempotent. */
    CREATE_WEBHOOK("createWebhook", "POST /orgs/{orgId}/apps/{appId}/webhooks", false),
    /** {@code GET /orgs/{orgId}/apps/{appId}/webhooks/{jobId}}. */
    GET_WEBHOOK("getWebhook", "GET /orgs/{orgId}/apps/{appId}/webhooks/{jobId}", true),
    /** {@code DELETE /orgs/{orgId}/apps/{appId}/webhooks/{jobId}}. */
    DELETE_WEBHOOK("deleteWebhook", "DELETE /orgs/{orgId}/apps/{appId}/webhooks/{jobId}", true),
    /** {@code PATCH /orgs/{orgId}/apps/{appId}/webhooks/{jobId}}. */
    UPDATE_WEBHOOK("updateWebhook", "PATCH /orgs/{orgId}/apps/{appId}/webhooks/{jobId}", true),
    /** {@code GET /orgs/{orgId}/events}. */
    LIST_EVENTS("listEvents", "GET /orgs/{orgId}/events", true);

    private final String id;
    private final String requestLine;
    private final boolean idempotent;

    Operation(String id, String requestLine, boolean idempotent) {
        this.id = id;
        this.requestLine = requestLine;
        this.idempotent = idempotent;
    }

    /**
     * The operation id: the REST face's OpenAPI {@code operationId} and the name of the {@link HumanitecResource}
     * method, which is how metrics tag a call.
     *
     * @return for example {@code listWebhooks}
     */
    String id() {
        return id;
    }

    /**
     * Whether sending the request twice has the same effect as sending it once.
     *
     * @return false only for create-webhook
     */
    boolean idempotent() {
        return idempotent;
    }

    /** Returns the method and path template, for example {@code GET /orgs/{orgId}/events}. */
    @Override
    public String toString() {
        return requestLine;
    }
}
