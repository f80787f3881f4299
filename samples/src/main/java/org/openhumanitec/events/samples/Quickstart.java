package org.openhumanitec.events.samples;

import org.openhumanitec.events.api.HumanitecEventApi;
import org.openhumanitec.events.api.WebhooksApi;
import org.openhumanitec.events.api.model.CreateWebhookRequest;
import org.openhumanitec.events.api.model.Event;
import org.openhumanitec.events.api.model.Trigger;
import org.openhumanitec.events.api.model.UpdateWebhookRequest;
import org.openhumanitec.events.api.model.UpdatedWebhook;
import org.openhumanitec.events.api.model.Webhook;
import org.openhumanitec.events.feign.HumanitecClient;
import org.openhumanitec.events.sandbox.HumanitecSandbox;

/**
 * The whole webhook lifecycle (create, list, update, get, delete), then the events a webhook can subscribe to.
 * Runs on the in-memory sandbox; with {@code --humanitec <org> <app>} and {@code HUMANITEC_API_KEY} set it runs
 * on Humanitec itself (it creates and then deletes the webhook {@code quickstart-hook} in that app).
 */
public final class Quickstart {

    private Quickstart() {}

    /**
     * Runs the lifecycle.
     *
     * @param args nothing for the sandbox, or {@code --humanitec <org> <app>}
     */
    public static void main(String[] args) {
        boolean onHumanitec = args.length == 3 && args[0].equals("--humanitec");
        if (args.length != 0 && !onHumanitec) {
            System.err.println("usage: Quickstart [--humanitec <org> <app>]");
            System.exit(2);
        }
        String orgId = onHumanitec ? args[1] : "my-org";
        String appId = onHumanitec ? args[2] : "my-app";
        try (HumanitecEventApi humanitec = onHumanitec ? HumanitecClient.fromEnv() : HumanitecSandbox.create()) {
            run(humanitec, orgId, appId);
        }
    }

    /**
     * Runs the lifecycle on any implementation of the API.
     *
     * @param humanitec the API
     * @param orgId the organization
     * @param appId the application
     */
    // BEGIN quickstart
    static void run(HumanitecEventApi humanitec, String orgId, String appId) {
        WebhooksApi webhooks = humanitec.webhooks();

        Webhook created = webhooks.create(
                orgId,
                appId,
                CreateWebhookRequest.builder()
                        .id("quickstart-hook")
                        .url("https://hooks.example.com/humanitec")
                        .trigger(Trigger.DEPLOYMENT_FINISHED)
                        .build());
        System.out.println("created " + created.id() + " at " + created.createdAt());

        for (Webhook hook : webhooks.list(orgId, appId)) {
            System.out.println("listed  " + hook.id() + " -> " + hook.url() + " on " + hook.triggers());
        }

        UpdatedWebhook updated = webhooks.update(
                orgId,
                appId,
                "quickstart-hook",
                UpdateWebhookRequest.builder().disabled(true).build());
        System.out.println("updated disabled=" + updated.disabled());

        System.out.println(
                "fetched " + webhooks.get(orgId, appId, "quickstart-hook").isDisabled());

        webhooks.delete(orgId, appId, "quickstart-hook");
        System.out.println("deleted, " + webhooks.list(orgId, appId).size() + " left");

        for (Event event : humanitec.events().list(orgId)) {
            System.out.println("event   " + event.trigger() + " with " + event.properties());
        }
    }
    // END
}
