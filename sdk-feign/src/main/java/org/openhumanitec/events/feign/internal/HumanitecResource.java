package org.openhumanitec.events.feign.internal;

import feign.Headers;
import feign.Param;
import feign.Request;
import feign.RequestLine;
import java.util.List;
import org.openhumanitec.events.api.model.CreateWebhookRequest;
import org.openhumanitec.events.api.model.Event;
import org.openhumanitec.events.api.model.UpdateWebhookRequest;
import org.openhumanitec.events.api.model.UpdatedWebhook;
import org.openhumanitec.events.api.model.Webhook;

/**
 * The 7 operations as Feign sees them. One proxy per client serves every view: the credential is an argument,
 * expanded into the {@code Authorization} header; ids are expanded by {@link PathSegments}; the options
 * argument carries the attempt's timeouts (the read timeout shrinks when the call's deadline is near). Each method
 * is compiled once into a {@link RequestPlan}, which also adds the constant headers ({@code Accept},
 * {@code User-Agent}, and {@code Content-Type} with a body; see {@link ClientCore}).
 */
@Headers("Authorization: {authorization}")
interface HumanitecResource {

    @RequestLine(value = "DELETE /orgs/{orgId}/apps/{appId}/jobs", decodeSlash = false)
    void deleteAllJobs(
            @Param(value = "authorization", expander = Credential.Expander.class) Credential credential,
            @Param(value = "orgId", expander = PathSegments.class) String orgId,
            @Param(value = "appId", expander = PathSegments.class) String appId,
            Request.Options options);

    @RequestLine(value = "GET /orgs/{orgId}/apps/{appId}/webhooks", decodeSlash = false)
    List<Webhook> listWebhooks(
            @Param(value = "authorization", expander = Credential.Expander.class) Credential credential,
            @Param(value = "orgId", expander = PathSegments.class) String orgId,
            @Param(value = "appId", expander = PathSegments.class) String appId,
            Request.Options options);

    @RequestLine(value = "POST /orgs/{orgId}/apps/{appId}/webhooks", decodeSlash = false)
    Webhook createWebhook(
            @Param(value = "authorization", expander = Credential.Expander.class) Credential credential,
            @Param(value = "orgId", expander = PathSegments.class) String orgId,
            @Param(value = "appId", expander = PathSegments.class) String appId,
            CreateWebhookRequest request,
            Request.Options options);

    @RequestLine(value = "GET /orgs/{orgId}/apps/{appId}/webhooks/{jobId}", decodeSlash = false)
    Webhook getWebhook(
            @Param(value = "authorization", expander = Credential.Expander.class) Credential credential,
            @Param(value = "orgId", expander = PathSegments.class) String orgId,
            @Param(value = "appId", expander = PathSegments.class) String appId,
            @Param(value = "jobId", expander = PathSegments.class) String jobId,
            Request.Options options);

    @RequestLine(value = "DELETE /orgs/{orgId}/apps/{appId}/webhooks/{jobId}", decodeSlash = false)
    void deleteWebhook(
            @Param(value = "authorization", expander = Credential.Expander.class) Credential credential,
            @Param(value = "orgId", expander = PathSegments.class) String orgId,
            @Param(value = "appId", expander = PathSegments.class) String appId,
            @Param(value = "jobId", expander = PathSegments.class) String jobId,
            Request.Options options);

    @RequestLine(value = "PATCH /orgs/{orgId}/apps/{appId}/webhooks/{jobId}", decodeSlash = false)
    UpdatedWebhook updateWebhook(
            @Param(value = "authorization", expander = Credential.Expander.class) Credential credential,
            @Param(value = "orgId", expander = PathSegments.class) String orgId,
            @Param(value = "appId", expander = PathSegments.class) String appId,
            @Param(value = "jobId", expander = PathSegments.class) String jobId,
            UpdateWebhookRequest request,
            Request.Options options);

    @RequestLine(value = "GET /orgs/{orgId}/events", decodeSlash = false)
    List<Event> listEvents(
            @Param(value = "authorization", expander = Credential.Expander.class) Credential credential,
            @Param(value = "orgId", expander = PathSegments.class) String orgId,
            Request.Options options);
}
