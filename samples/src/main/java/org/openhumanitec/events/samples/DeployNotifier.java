package org.openhumanitec.events.samples;

import org.openhumanitec.events.api.HumanitecEventApi;
import org.openhumanitec.events.api.errors.ConflictException;
import org.openhumanitec.events.api.model.CreateWebhookRequest;
import org.openhumanitec.events.api.model.Trigger;
import org.openhumanitec.events.api.model.Webhook;

/**
 * "Your code" in the testing sample: it subscribes a URL to an app's finished deployments, and
 * {@code DeployNotifierTest} tests it against the sandbox. It sees nothing but the public API, so the same class
 * runs on the sandbox in tests and on Humanitec in production.
 */
// BEGIN deploy-notifier
public final class DeployNotifier {

    private final HumanitecEventApi humanitec;
    private final String orgId;

    /**
     * A notifier for one organization.
     *
     * @param humanitec the API: the Feign client in production, a sandbox in tests
     * @param orgId the organization
     */
    public DeployNotifier(HumanitecEventApi humanitec, String orgId) {
        this.humanitec = humanitec;
        this.orgId = orgId;
    }

    /**
     * Subscribes a URL to the finished deployments of an app, once.
     *
     * @param appId the application
     * @param url the HTTPS URL to call
     * @return the subscription, new or existing
     */
    public Webhook subscribe(String appId, String url) {
        CreateWebhookRequest request = CreateWebhookRequest.builder()
                .id("deploys-" + appId)
                .url(url)
                .trigger(Trigger.DEPLOYMENT_FINISHED)
                .build();
        try {
            return humanitec.webhooks().create(orgId, appId, request);
        } catch (ConflictException alreadySubscribed) {
            return humanitec.webhooks().get(orgId, appId, request.id());
        }
    }
}
// END
