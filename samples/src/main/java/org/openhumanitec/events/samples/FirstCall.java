package org.openhumanitec.events.samples;

import org.openhumanitec.events.api.errors.ConflictException;
import org.openhumanitec.events.api.model.CreateWebhookRequest;
import org.openhumanitec.events.api.model.Trigger;
import org.openhumanitec.events.api.model.Webhook;
import org.openhumanitec.events.feign.HumanitecClient;

/**
 * The README's first call: creates a webhook in Humanitec with the token from {@code HUMANITEC_API_KEY}. Point
 * {@code HUMANITEC_API_URL} at the demo's REST face ({@code http://127.0.0.1:8080/v1}) to try it on the sandbox.
 */
public final class FirstCall {

    private FirstCall() {}

    /**
     * Creates the webhook {@code deploy-notifier} in {@code my-org/my-app}.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        // BEGIN first-call
        try (HumanitecClient humanitec = HumanitecClient.fromEnv()) { // HUMANITEC_API_KEY, HUMANITEC_API_URL
            Webhook hook = humanitec
                    .webhooks()
                    .create(
                            "my-org",
                            "my-app",
                            CreateWebhookRequest.builder()
                                    .id("deploy-notifier")
                                    .url("https://hooks.example.com/humanitec")
                                    .trigger(Trigger.DEPLOYMENT_FINISHED)
                                    .build());
            System.out.println("created " + hook.id() + " at " + hook.createdAt());
        } catch (ConflictException e) { // every API error is typed: status, Humanitec code, message
            System.out.println("already there: " + e.errorMessage());
        }
        // END
    }
}
