package org.openhumanitec.events.samples.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openhumanitec.events.api.model.CreateWebhookRequest;
import org.openhumanitec.events.api.model.Trigger;
import org.openhumanitec.events.api.model.Webhook;
import org.openhumanitec.events.sandbox.HumanitecSandbox;
import org.openhumanitec.events.spring.boot.test.AutoConfigureHumanitecSandbox;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.TestConstructor;
import org.springframework.web.client.RestClient;

/**
 * The notifier against the in-memory sandbox, no account needed: its webhook is there once it has started, a second
 * start over the same Humanitec adds none, and {@code GET /webhooks} lists the app's webhooks over real HTTP.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "server.address=127.0.0.1",
            "notifier.org-id=" + DeployNotifierSandboxTest.ORG,
            "notifier.app-id=" + DeployNotifierSandboxTest.APP
        })
@AutoConfigureHumanitecSandbox
@ExtendWith(OutputCaptureExtension.class)
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
class DeployNotifierSandboxTest {

    static final String ORG = "acme";
    static final String APP = "shop";

    private final HumanitecSandbox sandbox;
    private final RestClient http;

    DeployNotifierSandboxTest(HumanitecSandbox sandbox, RestClient.Builder http, @LocalServerPort int port) {
        this.sandbox = sandbox;
        this.http = http.baseUrl("http://127.0.0.1:" + port).build();
    }

    @Test
    void startUp_createsTheConfiguredWebhook() {
        Webhook webhook = sandbox.webhooks().get(ORG, APP, "deploy-notifier");

        assertThat(webhook.url()).isEqualTo("https://hooks.example.com/deploys");
        assertThat(webhook.triggers()).containsExactly(Trigger.DEPLOYMENT_FINISHED);
    }

    @Test
    void secondStart_findsTheWebhook_andCreatesNoOther(CapturedOutput output) {
        Webhook first = sandbox.webhooks().get(ORG, APP, "deploy-notifier");

        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(DeployNotifierApplication.class)
                .web(WebApplicationType.NONE)
                // The same Humanitec as the first instance: its sandbox, as the application's own API bean.
                .initializers(context -> context.getBeanFactory().registerSingleton("humanitec", sandbox))
                .run("--notifier.org-id=" + ORG, "--notifier.app-id=" + APP)) {
            assertThat(second.getBean(NotifierWebhook.class).ensure()).isEqualTo(first);
        }

        assertThat(sandbox.webhooks().list(ORG, APP))
                .filteredOn(webhook -> webhook.id().equals("deploy-notifier"))
                .containsExactly(first);
        assertThat(output).contains("Webhook 'deploy-notifier' of app 'shop' in org 'acme' exists already");
    }

    @Test
    void webhooksEndpoint_listsTheAppsWebhooks_withoutTheirSecrets() {
        sandbox.webhooks()
                .create(
                        ORG,
                        APP,
                        CreateWebhookRequest.builder()
                                .id("chat-ops")
                                .url("https://chat.example.com/hooks/s3cr3t-path")
                                .headers(Map.of("X-Receiver-Token", "receiver-s3cr3t"))
                                .trigger(Trigger.DEPLOYMENT_STARTED)
                                .build());

        List<WebhookSummary> listed =
                List.of(http.get().uri("/webhooks").retrieve().body(WebhookSummary[].class));
        String json = http.get().uri("/webhooks").retrieve().body(String.class);

        assertThat(listed)
                .extracting(WebhookSummary::id, WebhookSummary::receiver, WebhookSummary::triggers)
                .contains(
                        tuple("deploy-notifier", "https://hooks.example.com", List.of("deployment.finished")),
                        tuple("chat-ops", "https://chat.example.com", List.of("deployment.started")));
        assertThat(json).doesNotContain("s3cr3t");
    }
}
