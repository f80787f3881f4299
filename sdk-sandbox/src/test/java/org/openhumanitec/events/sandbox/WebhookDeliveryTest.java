package org.openhumanitec.events.sandbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openhumanitec.events.api.errors.BadRequestException;
import org.openhumanitec.events.api.errors.NotFoundException;
import org.openhumanitec.events.api.model.CreateWebhookRequest;
import org.openhumanitec.events.api.model.Event;
import org.openhumanitec.events.api.model.Trigger;
import org.openhumanitec.events.jackson.HumanitecJson;

/** Firing events at real receivers on loopback: what is sent, to whom, and what is recorded. */
class WebhookDeliveryTest {

    @RegisterExtension
    static final WireMockExtension receiver = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    private static final String ORG = "my-org";
    private static final String APP = "shop";
    private static final Instant NOW = Instant.parse("2026-03-04T05:06:07.123456Z");

    // The default delivery timeout (10 s), so that a slow first request on a busy machine is not taken for a
    // slow receiver; the timeout tests use a sandbox of their own with a short one.
    private final HumanitecSandbox sandbox = HumanitecSandbox.builder()
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .createdBy("ci-bot")
            .build();
    private final HumanitecSandbox impatient =
            HumanitecSandbox.builder().deliveryTimeout(Duration.ofMillis(300)).build();

    private String url(String path) {
        return "http://127.0.0.1:" + receiver.getPort() + path;
    }

    private void create(String id, String path, Trigger trigger, Map<String, ?> payload) {
        CreateWebhookRequest.Builder request =
                CreateWebhookRequest.builder().id(id).url(url(path)).trigger(trigger);
        if (payload != null) {
            request.payload(payload);
        }
        sandbox.webhooks().create(ORG, APP, request.build());
    }

    static Stream<Event> everyEvent() {
        return HumanitecSandbox.create().events().list(ORG).stream();
    }

    @ParameterizedTest
    @MethodSource("everyEvent")
    void fire_fillsEveryPlaceholderListEventsOffers_inPlaceAndWhole(Event event) {
        receiver.stubFor(post("/hook").willReturn(ok()));
        Map<String, Object> template = new LinkedHashMap<>();
        Map<String, String> given = new LinkedHashMap<>();
        Map<String, Object> expected = new LinkedHashMap<>();
        for (String name : event.properties()) {
            template.put(name, "${" + name + "}");
        }
        template.put("text", "${org_id}/${app_id}: ${event} by ${triggered_by} (${unknown})");
        template.put("nested", Map.of("list", List.of("${org_id}", 7, true)));
        for (String name : event.properties()) {
            if (!List.of("event", "org_id", "app_id", "triggered_at", "triggered_by")
                    .contains(name)) {
                given.put(name, "v-" + name);
            }
        }
        String eventId = event.scope().value() + "." + event.type().value();
        for (String name : event.properties()) {
            expected.put(
                    name,
                    switch (name) {
                        case "event" -> eventId;
                        case "org_id" -> ORG;
                        case "app_id" -> APP;
                        case "triggered_at" -> "2026-03-04T05:06:07.123Z";
                        case "triggered_by" -> "ci-bot";
                        default -> "v-" + name;
                    });
        }
        expected.put("text", ORG + "/" + APP + ": " + eventId + " by ci-bot (${unknown})");
        expected.put("nested", Map.of("list", List.of(ORG, 7, true)));
        create("hook", "/hook", event.trigger(), template);

        List<Delivery> deliveries = sandbox.fire(ORG, APP, event.trigger(), given);

        assertThat(deliveries).singleElement().satisfies(d -> {
            assertThat(d.outcome()).isEqualTo(Delivery.Outcome.DELIVERED);
            assertThat(d.status()).isEqualTo(OptionalInt.of(200));
            assertThat(d.error()).isEmpty();
            assertThat(d.event()).isEqualTo(event.trigger());
            assertThat(d.startedAt()).isEqualTo(NOW);
        });
        receiver.verify(postRequestedFor(urlEqualTo("/hook"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson(json(expected))));
    }

    @Test
    void fire_withoutAPayload_sendsHumanitecsDefaultPayload() {
        receiver.stubFor(post("/hook").willReturn(ok()));
        create("hook", "/hook", Trigger.DEPLOYMENT_FINISHED, null);

        sandbox.fire(ORG, APP, Trigger.DEPLOYMENT_FINISHED, Map.of("env_id", "production", "status", "succeeded"));

        receiver.verify(postRequestedFor(urlEqualTo("/hook"))
                .withRequestBody(equalToJson("{\"event\":\"deployment.finished\","
                        + "\"triggered_at\":\"2026-03-04T05:06:07.123Z\",\"triggered_by\":\"ci-bot\","
                        + "\"org_id\":\"my-org\",\"app_id\":\"shop\",\"env_id\":\"production\"}")));
    }

    @Test
    void fire_aPlaceholderOfTheEventWithoutAValue_isEmptied() {
        receiver.stubFor(post("/hook").willReturn(ok()));
        create("hook", "/hook", Trigger.DEPLOYMENT_STARTED, Map.of("c", "[${comment}]"));

        assertThat(sandbox.fire(ORG, APP, Trigger.DEPLOYMENT_STARTED, Map.of()))
                .singleElement()
                .matches(Delivery::delivered, "delivered");

        receiver.verify(postRequestedFor(urlEqualTo("/hook")).withRequestBody(equalToJson("{\"c\":\"[]\"}")));
    }

    @Test
    void fire_sendsTheWebhooksHeaders_andTheirContentTypeWins() {
        receiver.stubFor(post("/hook").willReturn(ok()));
        sandbox.webhooks()
                .create(
                        ORG,
                        APP,
                        CreateWebhookRequest.builder()
                                .id("hook")
                                .url(url("/hook"))
                                .trigger(Trigger.ENVIRONMENT_CREATED)
                                .headers(Map.of(
                                        "X-Hook-Secret",
                                        "s3cret",
                                        "X-Count",
                                        3,
                                        "Content-Type",
                                        "application/vnd.x+json"))
                                .build());

        sandbox.fire(ORG, APP, Trigger.ENVIRONMENT_CREATED, Map.of());

        receiver.verify(postRequestedFor(urlEqualTo("/hook"))
                .withHeader("X-Hook-Secret", equalTo("s3cret"))
                .withHeader("X-Count", equalTo("3"))
                .withHeader("Content-Type", equalTo("application/vnd.x+json")));
    }

    @Test
    void fire_callsOnlyEnabledWebhooksWhoseTriggersMatch() {
        receiver.stubFor(post("/matching").willReturn(ok()));
        receiver.stubFor(post("/every-event").willReturn(ok()));
        receiver.stubFor(post("/other-event").willReturn(ok()));
        receiver.stubFor(post("/disabled").willReturn(ok()));
        create("matching", "/matching", Trigger.DEPLOYMENT_FINISHED, null);
        create("other-event", "/other-event", Trigger.DEPLOYMENT_STARTED, null);
        sandbox.webhooks()
                .create(
                        ORG,
                        APP,
                        CreateWebhookRequest.builder()
                                .id("disabled")
                                .url(url("/disabled"))
                                .disabled(true)
                                .trigger(Trigger.DEPLOYMENT_FINISHED)
                                .build());
        sandbox.webhooks()
                .create(
                        ORG,
                        "other-app",
                        CreateWebhookRequest.builder()
                                .id("other-app")
                                .url(url("/matching"))
                                .trigger(Trigger.DEPLOYMENT_FINISHED)
                                .build());

        List<Delivery> deliveries = sandbox.fire(ORG, APP, Trigger.DEPLOYMENT_FINISHED, Map.of());

        assertThat(deliveries).extracting(Delivery::jobId).containsExactly("matching");
        receiver.verify(1, postRequestedFor(urlEqualTo("/matching")));
        receiver.verify(0, postRequestedFor(urlEqualTo("/other-event")));
        receiver.verify(0, postRequestedFor(urlEqualTo("/disabled")));
        assertThat(sandbox.deliveries(ORG, APP, "disabled")).isEmpty();
        assertThat(sandbox.deliveries(ORG, APP, "other-event")).isEmpty();
    }

    @Test
    void fire_aSlowReceiver_isRecordedAsTimedOut() {
        receiver.stubFor(post("/slow").willReturn(ok().withFixedDelay(10_000)));
        impatient
                .webhooks()
                .create(
                        ORG,
                        APP,
                        CreateWebhookRequest.builder()
                                .id("slow")
                                .url(url("/slow"))
                                .trigger(Trigger.DEPLOYMENT_FINISHED)
                                .build());

        Delivery delivery =
                impatient.fire(ORG, APP, Trigger.DEPLOYMENT_FINISHED, Map.of()).get(0);

        assertThat(delivery.outcome()).isEqualTo(Delivery.Outcome.TIMED_OUT);
        assertThat(delivery.status()).isEmpty();
        assertThat(delivery.error()).hasValue("no answer within 300 ms");
        assertThat(impatient.deliveries(ORG, APP, "slow")).containsExactly(delivery);
    }

    @Test
    void fire_aReceiverThatIsDown_isRecordedAsFailed_andDoesNotFailTheFiring() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        sandbox.webhooks()
                .create(
                        ORG,
                        APP,
                        CreateWebhookRequest.builder()
                                .id("down")
                                .url("http://127.0.0.1:" + closedPort + "/hook?token=secret-in-url")
                                .trigger(Trigger.DEPLOYMENT_FINISHED)
                                .build());

        Delivery delivery =
                sandbox.fire(ORG, APP, Trigger.DEPLOYMENT_FINISHED, Map.of()).get(0);

        assertThat(delivery.outcome()).isEqualTo(Delivery.Outcome.FAILED);
        assertThat(delivery.error()).hasValue("connection refused or unreachable");
        assertThat(delivery.toString()).doesNotContain("secret-in-url");
    }

    @Test
    void fire_aReceiverAnswering500_isRecordedAsRejected_andNotRetried() {
        receiver.stubFor(post("/failing").willReturn(aResponse().withStatus(500)));
        create("failing", "/failing", Trigger.DEPLOYMENT_FINISHED, null);

        Delivery delivery =
                sandbox.fire(ORG, APP, Trigger.DEPLOYMENT_FINISHED, Map.of()).get(0);

        assertThat(delivery.outcome()).isEqualTo(Delivery.Outcome.REJECTED);
        assertThat(delivery.status()).isEqualTo(OptionalInt.of(500));
        assertThat(delivery.error()).hasValue("the receiver answered 500");
        receiver.verify(1, postRequestedFor(urlEqualTo("/failing")));
    }

    @Test
    void fire_aHeaderHttpCannotCarry_isRecordedAsFailed_withoutItsValue() {
        sandbox.webhooks()
                .create(
                        ORG,
                        APP,
                        CreateWebhookRequest.builder()
                                .id("bad-header")
                                .url(url("/hook"))
                                .headers(Map.of("X-Secret", "top-secret\r\nInjected: yes"))
                                .trigger(Trigger.DEPLOYMENT_FINISHED)
                                .build());

        Delivery delivery =
                sandbox.fire(ORG, APP, Trigger.DEPLOYMENT_FINISHED, Map.of()).get(0);

        assertThat(delivery.outcome()).isEqualTo(Delivery.Outcome.FAILED);
        assertThat(delivery.error())
                .hasValueSatisfying(error -> assertThat(error)
                        .contains("header 'X-Secret' cannot be sent")
                        .doesNotContain("top-secret"));
        receiver.verify(0, postRequestedFor(urlEqualTo("/hook")));
    }

    @Test
    void fireAsync_returnsWhileTheReceiverHoldsTheRequest_andCompletesWithItsOutcome() throws IOException {
        try (ServerSocket holding = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            sandbox.webhooks()
                    .create(
                            ORG,
                            APP,
                            CreateWebhookRequest.builder()
                                    .id("held")
                                    .url("http://127.0.0.1:" + holding.getLocalPort() + "/hook")
                                    .trigger(Trigger.DEPLOYMENT_FINISHED)
                                    .build());

            CompletableFuture<List<Delivery>> firing =
                    sandbox.fireAsync(ORG, APP, Trigger.DEPLOYMENT_FINISHED, Map.of());

            Socket request = holding.accept();
            assertThat(request.isConnected()).isTrue();
            assertThat(firing).isNotDone();
            request.close(); // without an answer
            assertThat(firing.join())
                    .singleElement()
                    .extracting(Delivery::outcome)
                    .isEqualTo(Delivery.Outcome.FAILED);
        }
    }

    @Test
    void concurrentFirings_deliverEveryEvent_andKeepTheLast20PerWebhook() throws Exception {
        receiver.stubFor(post("/hook").willReturn(ok()));
        create("hook", "/hook", Trigger.DEPLOYMENT_FINISHED, Map.of("deploy", "${deploy_id}"));
        int firings = 40;
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<Delivery>>> results = new ArrayList<>();
            for (int i = 0; i < firings; i++) {
                Map<String, String> values = Map.of("deploy_id", "d" + i);
                results.add(threads.submit(() -> sandbox.fire(ORG, APP, Trigger.DEPLOYMENT_FINISHED, values)));
            }
            for (Future<List<Delivery>> result : results) {
                assertThat(result.get()).singleElement().matches(Delivery::delivered);
            }
        } finally {
            threads.shutdown();
        }

        receiver.verify(firings, postRequestedFor(urlEqualTo("/hook")));
        assertThat(receiver.findAll(postRequestedFor(urlEqualTo("/hook"))).stream()
                        .map(request -> request.getBodyAsString())
                        .collect(Collectors.toSet()))
                .hasSize(firings);
        assertThat(sandbox.deliveries(ORG, APP, "hook")).hasSize(20).allMatch(Delivery::delivered);
    }

    @Test
    void fire_withNoMatchingWebhook_answersNoDeliveries() {
        assertThat(sandbox.fire(ORG, APP, Trigger.DEPLOYMENT_FINISHED, Map.of()))
                .isEmpty();
    }

    @Test
    void deliveries_ofAnUnknownWebhook_is404() {
        assertThatThrownBy(() -> sandbox.deliveries(ORG, APP, "nope")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void reset_forgetsTheDeliveries() {
        receiver.stubFor(post("/hook").willReturn(ok()));
        create("hook", "/hook", Trigger.DEPLOYMENT_FINISHED, null);
        sandbox.fire(ORG, APP, Trigger.DEPLOYMENT_FINISHED, Map.of());

        sandbox.reset();
        create("hook", "/hook", Trigger.DEPLOYMENT_FINISHED, null);

        assertThat(sandbox.deliveries(ORG, APP, "hook")).isEmpty();
    }

    @Test
    void fire_checksItsArguments_namingThem() {
        assertThatThrownBy(() -> sandbox.fire(ORG, APP, null, Map.of())).hasMessage("event must not be null");
        assertThatThrownBy(() -> sandbox.fire(ORG, APP, Trigger.DEPLOYMENT_FINISHED, null))
                .hasMessage("values must not be null");
        Map<String, String> withNull = new LinkedHashMap<>();
        withNull.put("status", null);
        assertThatThrownBy(() -> sandbox.fire(ORG, APP, Trigger.DEPLOYMENT_FINISHED, withNull))
                .hasMessage("values.status must not be null");
        assertThatThrownBy(() -> sandbox.fire(" ", APP, Trigger.DEPLOYMENT_FINISHED, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("orgId");
    }

    @Test
    void plainHttp_isAcceptedForLoopbackHostsOnly() {
        for (String url :
                List.of("http://127.0.0.1:9/x", "http://localhost/x", "http://[::1]:8080/", "http://127.1.2.3/")) {
            assertThat(sandbox.webhooks()
                            .create(
                                    ORG,
                                    APP,
                                    CreateWebhookRequest.builder()
                                            .id("h" + Math.abs(url.hashCode()))
                                            .url(url)
                                            .trigger(Trigger.DEPLOYMENT_FINISHED)
                                            .build())
                            .url())
                    .isEqualTo(url);
        }
        for (String url : List.of("http://hooks.example.com/x", "http://127.0.0.1.example.com/", "http://10.0.0.1/")) {
            assertThatThrownBy(() -> sandbox.webhooks()
                            .create(
                                    ORG,
                                    APP,
                                    CreateWebhookRequest.builder()
                                            .id("refused")
                                            .url(url)
                                            .trigger(Trigger.DEPLOYMENT_FINISHED)
                                            .build()))
                    .isInstanceOf(BadRequestException.class)
                    .hasMessageEndingWith("url must use HTTPS: start it with https:// or leave the scheme out");
        }
    }

    @Test
    void deliveryTimeout_isBounded() {
        assertThatThrownBy(() -> HumanitecSandbox.builder().deliveryTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("deliveryTimeout");
        assertThatThrownBy(() -> HumanitecSandbox.builder().deliveryTimeout(Duration.ofMinutes(6)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String json(Map<String, Object> value) {
        try {
            return HumanitecJson.newMapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
