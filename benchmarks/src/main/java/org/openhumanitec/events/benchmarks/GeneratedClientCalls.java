package org.openhumanitec.events.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.openapitools.client.ApiClient;
import org.openapitools.client.api.EventApi;
import org.openapitools.client.auth.HttpBearerAuth;
import org.openapitools.client.model.WebhookRequest;
import org.openapitools.client.model.WebhookResponse;

/**
 * The client OpenAPI Generator 7.x makes from {@code spec/humanitec/openapi-event-subset.json} (generator {@code
 * java}, library {@code feign}, default options; generated at build time into {@code target/generated-sources}),
 * used as its generated README shows: an {@code ApiClient} with the base path and a bearer token, and the {@code
 * EventApi} interface it builds (the spec's "Event" tag: the webhook operations). Everything else is the
 * generator's default: its static feign-okhttp client with OkHttp's defaults, its Jackson encoder and decoder, its
 * models.
 *
 * <p>Humanitec's document declares no security scheme, so the generated {@code ApiClient} knows no auth by name;
 * the token goes through the generated {@code HttpBearerAuth} and {@code ApiClient.addAuthorization}, the generated
 * code's own way to add one. The generated interface is a Feign proxy, safe to share between threads once built,
 * so all threads share it, as with the other contenders.
 */
public final class GeneratedClientCalls implements WebhookCalls<WebhookResponse> {

    private final EventApi events;
    private final WebhookRequest createRequest;

    /**
     * A client of the stub.
     *
     * @param baseUrl the stub
     */
    public GeneratedClientCalls(String baseUrl) {
        ApiClient apiClient = new ApiClient();
        apiClient.setBasePath(baseUrl);
        HttpBearerAuth bearer = new HttpBearerAuth("bearer");
        bearer.setBearerToken(RawOkHttpCalls.TOKEN);
        apiClient.addAuthorization("bearer", bearer);
        this.events = apiClient.buildClient(EventApi.class);
        try {
            // The same request as the other contenders send, read into the generated model once.
            this.createRequest = apiClient.getObjectMapper().readValue(StubPayloads.createBody(), WebhookRequest.class);
        } catch (IOException e) {
            throw new UncheckedIOException("the generated model cannot read the canned request", e);
        }
    }

    @Override
    public List<WebhookResponse> list() {
        return events.orgsOrgIdAppsAppIdWebhooksGet(StubPayloads.ORG, StubPayloads.APP);
    }

    @Override
    public WebhookResponse get() {
        return events.orgsOrgIdAppsAppIdWebhooksJobIdGet(StubPayloads.ORG, StubPayloads.APP, StubPayloads.WEBHOOK_ID);
    }

    @Override
    public WebhookResponse create() {
        return events.orgsOrgIdAppsAppIdWebhooksPost(StubPayloads.ORG, StubPayloads.APP, createRequest);
    }

    @Override
    public String id(WebhookResponse webhook) {
        return webhook.getId();
    }

    /** Nothing to release: the generated {@code ApiClient} keeps one static OkHttp client for the JVM's life. */
    @Override
    public void close() {}
}
