package org.openhumanitec.events.api;

/** The jobs of an application: {@code /orgs/{orgId}/apps/{appId}/jobs}. Webhooks are jobs. */
public interface JobsApi {

    /**
     * Deletes every job of an application, webhooks included ({@code DELETE /orgs/{orgId}/apps/{appId}/jobs}).
     * Destructive and cannot be undone; succeeds when there is nothing to delete.
     *
     * @param orgId the organization id
     * @param appId the application id
     */
    void deleteAll(String orgId, String appId);
}
