package org.openhumanitec.events.feign;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openhumanitec.events.api.model.CreateWebhookRequest;
import org.openhumanitec.events.api.model.Trigger;
import org.openhumanitec.events.api.model.Webhook;

/**
 * The usage examples of the root README, {@code sdk-feign/README.md} and {@code docs/transports-retries-timeouts.md},
 * compiled and run against WireMock. Keep each snippet between its BEGIN and END lines identical to the docs.
 */
class ReadmeExampleTest extends SpecCheckedWireMock {

    @Test
    void readmeExample_listsAndCreatesWebhooks() {
        wm.stubFor(post("/orgs/my-org/apps/my-app/webhooks")
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody(Fixtures.WEBHOOK)));
        wm.stubFor(get("/orgs/my-org/apps/my-app/webhooks").willReturn(okJson("[" + Fixtures.WEBHOOK + "]")));
        Map<String, String> env = Map.of("HUMANITEC_API_KEY", Fixtures.TOKEN, "HUMANITEC_API_URL", wm.baseUrl());
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            // BEGIN README example
            try (HumanitecClient client = HumanitecClient.builder()
                    .fromEnvironment(env) // in an application: HumanitecClient.fromEnv()
                    .build()) {
                CreateWebhookRequest request = CreateWebhookRequest.builder()
                        .id("deploy-notifier")
                        .url("https://hooks.example.com/humanitec")
                        .trigger(Trigger.DEPLOYMENT_FINISHED)
                        .build();
                client.webhooks().create("my-org", "my-app", request);
                for (Webhook hook : client.webhooks().list("my-org", "my-app")) {
                    System.out.println(hook.id() + " -> " + hook.triggers());
                }
            }
            // END README example
        } finally {
            System.setOut(stdout);
        }

        assertThat(printed.toString(StandardCharsets.UTF_8))
                .isEqualTo("deploy-notifier -> [deployment.finished]" + System.lineSeparator());
    }

    @Test
    void docsExample_configuresTransportRetriesTimeoutsAndLogging() {
        wm.stubFor(get("/orgs/my-org/events").willReturn(okJson(Fixtures.EVENTS)));
        String token = Fixtures.TOKEN;
        String baseUrl = wm.baseUrl();

        // BEGIN docs example
        HumanitecClient client = HumanitecClient.builder()
                .token(token)
                .baseUrl(baseUrl) // default https://api.humanitec.io
                .transport(Transport.jdkHttpClient()) // needs io.github.openfeign:feign-java11
                .connectTimeout(Duration.ofSeconds(5)) // default 10 s, per attempt
                .readTimeout(Duration.ofSeconds(20)) // default 30 s, per attempt
                .callTimeout(Duration.ofSeconds(45)) // default 60 s, all attempts together
                .retryPolicy(RetryPolicy.builder()
                        .maxAttempts(4) // default 3; RetryPolicy.none() for 1
                        .initialBackoff(Duration.ofMillis(200)) // default 500 ms
                        .maxRetryAfter(Duration.ofSeconds(10)) // default 30 s
                        .build())
                .logLevel(HttpLogLevel.BASIC) // default NONE
                .build();
        // END docs example

        try (client) {
            assertThat(client.events().list("my-org")).hasSize(2);
            assertThat(client.toString()).contains("transport=JDK HttpClient", "maxAttempts=4");
        }
    }
}
