package org.openhumanitec.events.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openhumanitec.events.api.errors.BadRequestException;
import org.openhumanitec.events.api.model.Trigger;
import org.openhumanitec.events.api.model.Webhook;
import org.openhumanitec.events.sandbox.HumanitecSandbox;

// BEGIN deploy-notifier-test
class DeployNotifierTest {

    // JUnit makes a new instance per test, so every test gets an empty sandbox.
    private final HumanitecSandbox humanitec = HumanitecSandbox.builder()
            .clock(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC))
            .createdBy("ci-bot")
            .build();
    private final DeployNotifier notifier = new DeployNotifier(humanitec, "my-org");

    @Test
    void subscribe_createsOneWebhookForFinishedDeployments() {
        notifier.subscribe("shop", "https://hooks.example.com/deploys");

        assertThat(humanitec.webhooks().list("my-org", "shop"))
                .containsExactly(Webhook.builder()
                        .id("deploys-shop")
                        .url("https://hooks.example.com/deploys")
                        .disabled(false)
                        .triggers(List.of(Trigger.DEPLOYMENT_FINISHED))
                        .createdAt(Instant.parse("2026-01-01T00:00:00Z"))
                        .createdBy("ci-bot")
                        .build());
    }

    @Test
    void subscribe_twice_keepsTheFirstWebhook() {
        Webhook first = notifier.subscribe("shop", "https://hooks.example.com/deploys");

        assertThat(notifier.subscribe("shop", "https://hooks.example.com/other"))
                .isEqualTo(first);
        assertThat(humanitec.webhooks().list("my-org", "shop")).hasSize(1);
    }

    @Test
    void subscribe_withAnHttpUrl_failsAsHumanitecWould() {
        assertThatThrownBy(() -> notifier.subscribe("shop", "http://hooks.example.com/deploys"))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("url must use HTTPS");
    }
}
// END
