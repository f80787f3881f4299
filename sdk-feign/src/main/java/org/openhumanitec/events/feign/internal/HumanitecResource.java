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
 * The 7 operations as Feign sees them, read by Feign's default {@code Contract}; Feign builds each request from
 * the {@code RequestTemplate} this describes and runs it through its own method handler.
 *
 * <ul>
 *   <li>The credential is an argument, bound to the {@code Authorization} header by the contract (its expander
 *       gives {@code Bearer <token>}), so one proxy serves every {@code withToken} view.
 *   <li>Ids are expanded by {@link PathSegments} into one strictly encoded segment each; {@code decodeSlash =
 *       false} keeps Feign from turning {@code %2F} back into {@code /}.
 *   <li>The options argument carries the attempt's timeouts and the call's deadline ({@link AttemptOptions}).
 *   <li>{@code User-Agent} is added by the {@link UserAgent} request interceptor.
 * </ul>
 */
@Headers({"Accept: application/json", "Authorization: {authorization}"})
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
    @Headers("Content-Type: application/json")
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
    @Headers("Content-Type: application/json")
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
