package org.openhumanitec.events.samples.notifier;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * A deploy notifier as a Spring Boot application: the starter gives it a Humanitec client from the
 * {@code humanitec.*} properties; at start-up it makes sure its webhook exists ({@link NotifierWebhook}), and
 * {@code GET /webhooks} lists the app's webhooks ({@link WebhooksController}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class DeployNotifierApplication {

    /** Used by Spring. */
    public DeployNotifierApplication() {}

    /**
     * Starts the application.
     *
     * @param args Spring Boot's command-line arguments, such as {@code --notifier.app-id=my-app}
     */
    public static void main(String[] args) {
        SpringApplication.run(DeployNotifierApplication.class, args);
    }
}
