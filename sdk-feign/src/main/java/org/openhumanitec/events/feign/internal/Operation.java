package org.openhumanitec.events.feign.internal;

/**
 * The 7 operations of the Humanitec Event API, with the one fact the retry layer needs about each: whether it is
 * idempotent (the capability's flag). Their {@link #toString()} ({@code GET /orgs/{orgId}/apps/{appId}/webhooks})
 * names them in exception messages and logs.
 */
enum Operation {
    /** {@code DELETE /orgs/{orgId}/apps/{appId}/jobs}. */
    DELETE_ALL_JOBS("DELETE /orgs/{orgId}/apps/{appId}/jobs", true),
    /** {@code GET /orgs/{orgId}/apps/{appId}/webhooks}. */
    LIST_WEBHOOKS("GET /orgs/{orgId}/apps/{appId}/webhooks", true),
    /** {@code POST /orgs/{orgId}/apps/{appId}/webhooks}: the only operation that is not idempotent. */
    CREATE_WEBHOOK("POST /orgs/{orgId}/apps/{appId}/webhooks", false),
    /** {@code GET /orgs/{orgId}/apps/{appId}/webhooks/{jobId}}. */
    GET_WEBHOOK("GET /orgs/{orgId}/apps/{appId}/webhooks/{jobId}", true),
    /** {@code DELETE /orgs/{orgId}/apps/{appId}/webhooks/{jobId}}. */
    DELETE_WEBHOOK("DELETE /orgs/{orgId}/apps/{appId}/webhooks/{jobId}", true),
    /** {@code PATCH /orgs/{orgId}/apps/{appId}/webhooks/{jobId}}. */
    UPDATE_WEBHOOK("PATCH /orgs/{orgId}/apps/{appId}/webhooks/{jobId}", true),
    /** {@code GET /orgs/{orgId}/events}. */
    LIST_EVENTS("GET /orgs/{orgId}/events", true);

    private final String requestLine;
    private final boolean idempotent;

    Operation(String requestLine, boolean idempotent) {
        this.requestLine = requestLine;
        this.idempotent = idempotent;
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
