package org.openhumanitec.events.samples.notifier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openhumanitec.events.api.errors.ServerErrorException;
import org.openhumanitec.events.api.errors.UnauthorizedException;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * How start-up goes when Humanitec (WireMock on loopback, over the real client) does not simply answer: a refused
 * token or a failing server stops it with Spring Boot's failure analysis saying what to do and never showing the
 * token; a webhook created by another instance meanwhile (409) is taken as found.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartUpTest {

    private static final String TOKEN = "hmtc-sample-0b5e7a19c6d4";
    private static final String WEBHOOKS = "/orgs/acme/apps/shop/webhooks";
    private static final String WEBHOOK = WEBHOOKS + "/deploy-notifier";
    private static final String WEBHOOK_JSON = """
            {"id": "deploy-notifier", "url": "https://hooks.example.com/deploys",
             "triggers": [{"scope": "deployment", "type": "finished"}]}""";

    private WireMockServer humanitec;

    @BeforeEach
    void startHumanitec() {
        humanitec = new WireMockServer(options().bindAddress("127.0.0.1").port(0));
        humanitec.start();
    }

    @AfterEach
    void stopHumanitec() {
        humanitec.stop();
    }

    @Test
    void refusedToken_stopsStartUp_sayingWhichPropertyToSet(CapturedOutput output) {
        // A server that echoes the token it refuses: the client's error decoder keeps it out of the message.
        humanitec.stubFor(get(WEBHOOK).willReturn(error(401, "API-401", "The token " + TOKEN + " is not valid.")));

        assertThatThrownBy(this::start)
                .isInstanceOf(WebhookNotEnsuredException.class)
                .hasCauseInstanceOf(UnauthorizedException.class)
                .hasMessageStartingWith(
                        "The webhook 'deploy-notifier' of app 'shop' in org 'acme' could not be ensured:"
                                + " HTTP 401 Unauthorized [API-401]");
        assertThat(output)
                .contains("APPLICATION FAILED TO START")
                .contains("could not be ensured: HTTP 401 Unauthorized [API-401]")
                .contains("Set humanitec.api-key (or the HUMANITEC_API_KEY environment variable)")
                .doesNotContain(TOKEN);
    }

    @Test
    void failingServer_stopsStartUp_afterTheRetries(CapturedOutput output) {
        humanitec.stubFor(get(WEBHOOK).willReturn(error(500, "API-500", "Internal error.")));

        assertThatThrownBy(this::start)
                .isInstanceOf(WebhookNotEnsuredException.class)
                .hasCauseInstanceOf(ServerErrorException.class)
                .hasMessageContaining(
                        "could not be ensured: HTTP 500 Internal Server Error [API-500]: Internal error.");
        humanitec.verify(2, getRequestedFor(urlPathEqualTo(WEBHOOK)));
        assertThat(output)
                .contains("APPLICATION FAILED TO START")
                .contains("Check humanitec.base-url, or start again once Humanitec answers.")
                .doesNotContain(TOKEN);
    }

    @Test
    void webhookCreatedMeanwhile_isTakenAsFound(CapturedOutput output) {
        humanitec.stubFor(get(WEBHOOK)
                .inScenario("another instance")
                .whenScenarioStateIs(STARTED)
                .willReturn(error(404, "API-404", "Webhook not found."))
                .willSetStateTo("created"));
        humanitec.stubFor(post(WEBHOOKS).willReturn(error(409, "API-409", "Job ID already exists.")));
        humanitec.stubFor(get(WEBHOOK)
                .inScenario("another instance")
                .whenScenarioStateIs("created")
                .willReturn(okJson(WEBHOOK_JSON)));

        try (ConfigurableApplicationContext started = start()) {
            assertThat(started.isRunning()).isTrue();
        }
        humanitec.verify(1, postRequestedFor(urlPathEqualTo(WEBHOOKS)));
        humanitec.verify(2, getRequestedFor(urlPathEqualTo(WEBHOOK)));
        assertThat(output).contains("Webhook 'deploy-notifier' of app 'shop' in org 'acme' was created meanwhile");
    }

    @Test
    void idHeldByAnotherApp_stopsStartUp_sayingToChooseAnother(CapturedOutput output) {
        humanitec.stubFor(get(WEBHOOK).willReturn(error(404, "API-404", "Webhook not found.")));
        humanitec.stubFor(post(WEBHOOKS).willReturn(error(409, "API-409", "Job ID already exists.")));

        assertThatThrownBy(this::start)
                .isInstanceOf(WebhookNotEnsuredException.class)
                .hasMessageEndingWith("could not be ensured: another app of the organization holds this id");
        assertThat(output).contains("Choose another notifier.webhook.id");
    }

    @Test
    void missingOrg_stopsStartUp_namingTheProperty(CapturedOutput output) {
        assertThatThrownBy(() -> start(Map.of("notifier.org-id", " ")))
                .hasRootCauseInstanceOf(BindValidationException.class);
        assertThat(output).contains("APPLICATION FAILED TO START").contains("Property: notifier.orgId");
        assertThat(humanitec.getAllServeEvents()).as("requests to Humanitec").isEmpty();
    }

    private ConfigurableApplicationContext start() {
        return start(Map.of());
    }

    /** Starts the application with these settings, and the overrides, as command-line arguments. */
    private ConfigurableApplicationContext start(Map<String, String> overrides) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("humanitec.base-url", "http://127.0.0.1:" + humanitec.port());
        settings.put("humanitec.api-key", TOKEN);
        settings.put("humanitec.retry.max-attempts", "2");
        settings.put("humanitec.retry.initial-backoff", "1ms");
        settings.put("notifier.org-id", "acme");
        settings.put("notifier.app-id", "shop");
        settings.putAll(overrides);
        return new SpringApplicationBuilder(DeployNotifierApplication.class)
                .web(WebApplicationType.NONE)
                .run(settings.entrySet().stream()
                        .map(setting -> "--" + setting.getKey() + "=" + setting.getValue())
                        .toArray(String[]::new));
    }

    private static ResponseDefinitionBuilder error(int status, String code, String message) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\": \"" + code + "\", \"message\": \"" + message + "\"}");
    }
}
