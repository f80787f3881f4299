package org.openhumanitec.events.samples.notifier;

import java.util.Optional;
import org.openhumanitec.events.api.HumanitecEventApi;
import org.openhumanitec.events.api.errors.ConflictException;
import org.openhumanitec.events.api.errors.HumanitecException;
import org.openhumanitec.events.api.errors.NotFoundException;
import org.openhumanitec.events.api.model.CreateWebhookRequest;
import org.openhumanitec.events.api.model.Trigger;
import org.openhumanitec.events.api.model.Webhook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * At start-up, makes sure the configured webhook exists: creates it only when the app has no webhook of that id, so
 * restarts and several instances never add a second one. A failure stops start-up with a
 * {@link WebhookNotEnsuredException}.
 */
@Component
public class NotifierWebhook implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(NotifierWebhook.class);

    private final HumanitecEventApi humanitec;
    private final String orgId;
    private final String appId;
    private final NotifierProperties.WebhookSettings webhook;

    /**
     * The runner, over the application's API bean: the client, or the sandbox in tests.
     *
     * @param humanitec the Humanitec Event API
     * @param properties the notifier's settings
     */
    public NotifierWebhook(HumanitecEventApi humanitec, NotifierProperties properties) {
        this.humanitec = humanitec;
        this.orgId = properties.orgId();
        this.appId = properties.appId();
        this.webhook = properties.webhook();
    }

    @Override
    public void run(ApplicationArguments args) {
        ensure();
    }

    /**
     * Creates the webhook unless the app has one of its id.
     *
     * @return the webhook, as found or as created
     * @throws WebhookNotEnsuredException if Humanitec refuses or fails a call, or another app holds the id
     */
    public Webhook ensure() {
        try {
            Optional<Webhook> existing = find();
            if (existing.isPresent()) {
                log.info("Webhook '{}' of app '{}' in org '{}' exists already", webhook.id(), appId, orgId);
                return existing.get();
            }
            return create();
        } catch (HumanitecException e) {
            throw new WebhookNotEnsuredException(orgId, appId, webhook.id(), e.getMessage(), e);
        }
    }

    // BEGIN spring-boot-deploy-notifier
    private Optional<Webhook> find() {
        try {
            return Optional.of(humanitec.webhooks().get(orgId, appId, webhook.id()));
        } catch (NotFoundException absent) {
            return Optional.empty();
        }
    }

    private Webhook create() {
        CreateWebhookRequest request = CreateWebhookRequest.builder()
                .id(webhook.id())
                .url(webhook.url())
                .trigger(Trigger.DEPLOYMENT_FINISHED)
                .build();
        try {
            Webhook created = humanitec.webhooks().create(orgId, appId, request);
            log.info("Created webhook '{}' of app '{}' in org '{}'", webhook.id(), appId, orgId);
            return created;
        } catch (ConflictException idTaken) {
            // Another instance created it since find(), or another app of the organization holds the id.
            Webhook createdMeanwhile = find().orElseThrow(() -> new WebhookNotEnsuredException(
                    orgId, appId, webhook.id(), "another app of the organization holds this id", idTaken));
            log.info("Webhook '{}' of app '{}' in org '{}' was created meanwhile", webhook.id(), appId, orgId);
            return createdMeanwhile;
        }
    }
    // END
}
