package org.openhumanitec.events.samples;

import org.openhumanitec.events.api.HumanitecEventApi;
import org.openhumanitec.events.api.errors.BadRequestException;
import org.openhumanitec.events.api.errors.ConflictException;
import org.openhumanitec.events.api.errors.HumanitecApiException;
import org.openhumanitec.events.api.errors.NetworkException;
import org.openhumanitec.events.api.errors.NotFoundException;
import org.openhumanitec.events.api.model.CreateWebhookRequest;
import org.openhumanitec.events.api.model.Trigger;
import org.openhumanitec.events.sandbox.HumanitecSandbox;

/**
 * Catching the SDK's typed exceptions: a conflict, a missing webhook, a validation failure, and the catch-all
 * order for the rest. The sandbox fails exactly as Humanitec does, so the sample needs no account.
 */
public final class ErrorHandling {

    private ErrorHandling() {}

    /**
     * Provokes and handles each failure.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        try (HumanitecEventApi humanitec = HumanitecSandbox.create()) {
            CreateWebhookRequest request = CreateWebhookRequest.builder()
                    .id("errors-hook")
                    .url("https://hooks.example.com/humanitec")
                    .trigger(Trigger.DEPLOYMENT_STARTED)
                    .build();
            humanitec.webhooks().create("my-org", "my-app", request);

            createOrReuse(humanitec, request);
            describe(humanitec, "no-such-hook");
            createWithoutHttps(humanitec);
        }
    }

    // BEGIN conflict
    static void createOrReuse(HumanitecEventApi humanitec, CreateWebhookRequest request) {
        try {
            humanitec.webhooks().create("my-org", "other-app", request);
        } catch (ConflictException e) {
            // Webhook ids are unique across the whole organization, not just the app.
            System.out.println(e.status() + " " + e.errorCode() + ": " + e.errorMessage());
        }
    }
    // END

    // BEGIN catch-order
    static void describe(HumanitecEventApi humanitec, String webhookId) {
        try {
            System.out.println(humanitec.webhooks().get("my-org", "my-app", webhookId));
        } catch (NotFoundException e) {
            System.out.println("no webhook " + webhookId + " (" + e.errorCode() + ")");
        } catch (HumanitecApiException e) {
            // Any other status: 401, 403, 429 after the retries, 5xx. Status, code and message are all there.
            System.out.println("Humanitec answered " + e.status() + " " + e.errorCode() + ": " + e.errorMessage());
        } catch (NetworkException e) {
            // No answer at all. Reads were retried already; mayHaveReachedServer() tells whether a create might
            // have happened anyway.
            System.out.println("Humanitec unreachable: " + e.getMessage());
        }
    }
    // END

    // BEGIN validation
    static void createWithoutHttps(HumanitecEventApi humanitec) {
        try {
            humanitec
                    .webhooks()
                    .create(
                            "my-org",
                            "my-app",
                            CreateWebhookRequest.builder()
                                    .id("plain-http")
                                    .url("http://hooks.example.com")
                                    .trigger(Trigger.DEPLOYMENT_STARTED)
                                    .build());
        } catch (BadRequestException e) {
            // details() names the field the server rejected.
            System.out.println(e.errorMessage() + " " + e.details());
        }
    }
    // END
}
