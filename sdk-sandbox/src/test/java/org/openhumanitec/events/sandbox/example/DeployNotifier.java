package org.openhumanitec.events.sandbox.example;

import org.openhumanitec.events.api.HumanitecEventApi;
import org.openhumanitec.events.api.errors.ConflictException;
import org.openhumanitec.events.api.model.CreateWebhookRequest;
import org.openhumanitec.events.api.model.Trigger;
import org.openhumanitec.events.api.model.Webhook;

// docs/sandbox.md quotes this class as "your code": keep the two in step. It sits outside the sandbox's package to
// show that users need nothing but the public API.
public final class DeployNotifier {

    private final HumanitecEventApi humanitec;
    private final String orgId;

    public DeployNotifier(HumanitecEventApi humanitec, String orgId) {
        this.humanitec = humanitec;
        this.orgId = orgId;
    }

    /** Subscribes a URL to the finished deployments of an app, once. */
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
