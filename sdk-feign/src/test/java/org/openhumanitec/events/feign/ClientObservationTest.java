package org.openhumanitec.events.feign;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openhumanitec.events.feign.Fixtures.APP;
import static org.openhumanitec.events.feign.Fixtures.ERROR;
import static org.openhumanitec.events.feign.Fixtures.EVENTS;
import static org.openhumanitec.events.feign.Fixtures.JOB;
import static org.openhumanitec.events.feign.Fixtures.ORG;
import static org.openhumanitec.events.feign.Fixtures.TOKEN;
import static org.openhumanitec.events.feign.Fixtures.WEBHOOK;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openhumanitec.events.api.errors.NetworkException;
import org.openhumanitec.events.api.errors.NotFoundException;
import org.openhumanitec.events.feign.testing.CapturedLogs;

/**
 * The client's metrics and traces, through feign-micrometer's capability: one observation per HTTP exchange
 * tagged by operation, status, outcome and transport (never an id or a token), a retry counter, and with the
 * OpenTelemetry bridge a client span whose context travels as {@code traceparent}.
 */
class ClientObservationTest extends SpecCheckedWireMock {

    private static final String HOOKS = "/orgs/" + ORG + "/apps/" + APP + "/webhooks";
    private static final String HOOK = HOOKS + "/" + JOB;
    private static final String EVENTS_PATH = "/orgs/" + ORG + "/events";
    private static final String HTTP_LOGGER = "org.openhumanitec.events.feign.http";

    private final List<HumanitecClient> clients = new ArrayList<>();

    @AfterEach
    void closeClients() {
        clients.forEach(HumanitecClient::close);
    }

    static Stream<Transport> transports() {
        return Stream.of(Transport.okHttp(), Transport.jdkHttpClient(), Transport.apacheHttpClient5());
    }

    private HumanitecClient client(HumanitecClient.Builder builder) {
        HumanitecClient client = builder.token(TOKEN)
                .baseUrl(wm.baseUrl())
                .retryClock(new FakeRetryClock())
                .build();
        clients.add(client);
        return client;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transports")
    void meterRegistry_timesEachExchangeTaggedByOperationStatusOutcomeAndTransport(Transport transport) {
        wm.stubFor(get(urlEqualTo(HOOK)).willReturn(okJson(WEBHOOK)));
        wm.stubFor(get(urlEqualTo(EVENTS_PATH))
                .willReturn(aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/json")
                        .withBody(ERROR)));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        HumanitecClient client =
                client(HumanitecClient.builder().transport(transport).meterRegistry(meters));

        client.webhooks().get(ORG, APP, JOB);
        client.webhooks().get(ORG, APP, JOB);
        assertThatThrownBy(() -> client.events().list(ORG)).isInstanceOf(NotFoundException.class);

        String tag = transport.metricTag();
        Timer ok = meters.get("http.client.requests")
                .tags("operation", "getWebhook", "http.status_code", "200", "outcome", "SUCCESS", "transport", tag)
                .timer();
        assertThat(ok.count()).isEqualTo(2);
        assertThat(ok.getId().getTags())
                .extracting(Tag::getKey)
                .containsExactlyInAnyOrder("operation", "http.status_code", "outcome", "transport", "error");
        Timer notFound = meters.get("http.client.requests")
                .tags("operation", "listEvents", "http.status_code", "404", "outcome", "CLIENT_ERROR")
                .timer();
        assertThat(notFound.count()).isEqualTo(1);
        assertThat(tagValues(meters)).doesNotContain(ORG, APP, JOB, TOKEN);
        assertThat(tagValues(meters).stream().filter(value -> value.contains(ORG) || value.contains(TOKEN)))
                .isEmpty();
    }

    @Test
    void meterRegistry_countsRetriesPerOperation() {
        answer503ThenTheList();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        HumanitecClient client = client(HumanitecClient.builder().meterRegistry(meters));

        assertThat(client.webhooks().list(ORG, APP)).hasSize(1);

        assertThat(meters.get("humanitec.client.retries")
                        .tags("operation", "listWebhooks", "transport", "okHttp")
                        .counter()
                        .count())
                .isEqualTo(1);
        assertThat(meters.get("humanitec.client.retries")
                        .tags("operation", "listEvents")
                        .counter()
                        .count())
                .isZero();
        assertThat(meters.get("http.client.requests")
                        .tags("operation", "listWebhooks", "http.status_code", "503", "outcome", "SERVER_ERROR")
                        .timer()
                        .count())
                .isEqualTo(1);
        assertThat(meters.get("http.client.requests")
                        .tags("operation", "listWebhooks", "http.status_code", "200")
                        .timer()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void observationRegistryAlone_retriesAsUsual_andObservesEachAttempt() {
        answer503ThenTheList();
        TestObservationRegistry observations = TestObservationRegistry.create();
        HumanitecClient client = client(HumanitecClient.builder().observationRegistry(observations));

        assertThat(client.webhooks().list(ORG, APP)).hasSize(1);

        TestObservationRegistryAssert.assertThat(observations)
                .hasNumberOfObservationsWithNameEqualTo("http.client.requests", 2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transports")
    void networkFailure_endsTheObservationWithOutcomeUnknownAndTheError(Transport transport) {
        wm.stubFor(get(urlEqualTo(HOOKS)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        TestObservationRegistry observations = TestObservationRegistry.create();
        HumanitecClient client = client(HumanitecClient.builder()
                .transport(transport)
                .retryPolicy(RetryPolicy.none())
                .observationRegistry(observations));

        assertThatThrownBy(() -> client.webhooks().list(ORG, APP)).isInstanceOf(NetworkException.class);

        TestObservationRegistryAssert.assertThat(observations)
                .hasNumberOfObservationsWithNameEqualTo("http.client.requests", 1)
                .hasObservationWithNameEqualTo("http.client.requests")
                .that()
                .hasBeenStarted()
                .hasBeenStopped()
                .hasLowCardinalityKeyValue("operation", "listWebhooks")
                .hasLowCardinalityKeyValue("outcome", "UNKNOWN")
                .hasLowCardinalityKeyValue("transport", transport.metricTag())
                .assertThatError()
                .isNotNull();
    }

    @Test
    void networkFailure_isLoggedAsWithoutObservation() {
        wm.stubFor(get(urlEqualTo(HOOKS)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        CapturedLogs.clear();
        CapturedLogs.everyLevel(HTTP_LOGGER::equals);
        try {
            for (HumanitecClient.Builder builder : List.of(
                    HumanitecClient.builder(),
                    HumanitecClient.builder().observationRegistry(TestObservationRegistry.create()))) {
                HumanitecClient client =
                        client(builder.retryPolicy(RetryPolicy.none()).logLevel(HttpLogLevel.BASIC));
                assertThatThrownBy(() -> client.webhooks().list(ORG, APP)).isInstanceOf(NetworkException.class);
            }
            List<String> lines = CapturedLogs.texts(HTTP_LOGGER).stream()
                    .map(line -> line.replaceAll("\\(\\d+ ?ms\\)", "(n ms)"))
                    .toList();
            assertThat(lines).hasSize(4).anyMatch(line -> line.contains("<--- ERROR"));
            assertThat(lines.subList(2, 4)).isEqualTo(lines.subList(0, 2));
        } finally {
            CapturedLogs.everyLevel(logger -> false);
        }
    }

    @Test
    void observationRegistry_namesEachExchangeByOperationAndNeverByItsIds() {
        wm.stubFor(get(urlEqualTo(EVENTS_PATH)).willReturn(okJson(EVENTS)));
        TestObservationRegistry observations = TestObservationRegistry.create();
        HumanitecClient client = client(HumanitecClient.builder().observationRegistry(observations));

        client.events().list(ORG);

        TestObservationRegistryAssert.assertThat(observations)
                .hasSingleObservationThat()
                .hasNameEqualTo("http.client.requests")
                .hasContextualNameEqualTo("GET /orgs/{orgId}/events")
                .hasBeenStopped()
                .hasLowCardinalityKeyValue("operation", "listEvents")
                .hasLowCardinalityKeyValue("http.status_code", "200")
                .hasLowCardinalityKeyValue("outcome", "SUCCESS")
                .hasLowCardinalityKeyValue("transport", "okHttp")
                .hasHighCardinalityKeyValue("http.method", "GET")
                .hasHighCardinalityKeyValue("http.url", "/orgs/{orgId}/events")
                .doesNotHaveLowCardinalityKeyValueWithKey("http.url")
                .doesNotHaveError();
    }

    @Test
    void withTheOpenTelemetryBridge_eachCallIsAClientSpanAndSendsItsTraceparent() {
        wm.stubFor(get(urlEqualTo(HOOKS)).willReturn(okJson("[]")));
        InMemorySpanExporter spans = InMemorySpanExporter.create();
        try (SdkTracerProvider tracerProvider = SdkTracerProvider.builder()
                .addSpanProcessor(SimpleSpanProcessor.create(spans))
                .build()) {
            io.opentelemetry.api.trace.Tracer otelTracer = tracerProvider.get("test");
            OtelTracer tracer = new OtelTracer(otelTracer, new OtelCurrentTraceContext(), event -> {});
            OtelPropagator propagator =
                    new OtelPropagator(ContextPropagators.create(W3CTraceContextPropagator.getInstance()), otelTracer);
            ObservationRegistry observations = ObservationRegistry.create();
            observations
                    .observationConfig()
                    .observationHandler(new ObservationHandler.FirstMatchingCompositeObservationHandler(
                            new PropagatingSenderTracingObservationHandler<>(tracer, propagator),
                            new DefaultTracingObservationHandler(tracer)));
            HumanitecClient client = client(HumanitecClient.builder().observationRegistry(observations));

            client.webhooks().list(ORG, APP);

            assertThat(spans.getFinishedSpanItems()).hasSize(1);
            SpanData span = spans.getFinishedSpanItems().get(0);
            assertThat(span.getName()).isEqualTo("GET /orgs/{orgId}/apps/{appId}/webhooks");
            assertThat(span.getKind()).isEqualTo(SpanKind.CLIENT);
            assertThat(span.getAttributes().get(AttributeKey.stringKey("http.url")))
                    .isEqualTo("/orgs/{orgId}/apps/{appId}/webhooks");
            assertThat(span.getAttributes().get(AttributeKey.stringKey("operation")))
                    .isEqualTo("listWebhooks");
            assertThat(span.getAttributes().asMap().toString()).doesNotContain(ORG, APP, TOKEN);
            List<LoggedRequest> requests = wm.findAll(getRequestedFor(urlEqualTo(HOOKS)));
            assertThat(requests).hasSize(1);
            String traceparent = requests.get(0).getHeader("traceparent");
            assertThat(traceparent)
                    .isEqualTo("00-" + span.getTraceId() + "-" + span.getSpanId() + "-"
                            + span.getSpanContext().getTraceFlags().asHex());
            assertThat(span.getSpanContext().getTraceFlags().isSampled()).isTrue();
        }
    }

    /** The webhooks' list answers 503 once, then the list: one retry. */
    private void answer503ThenTheList() {
        wm.stubFor(get(urlEqualTo(HOOKS))
                .inScenario("503 then 200")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse()
                        .withStatus(503)
                        .withHeader("Content-Type", "application/json")
                        .withBody(ERROR))
                .willSetStateTo("recovered"));
        wm.stubFor(get(urlEqualTo(HOOKS))
                .inScenario("503 then 200")
                .whenScenarioStateIs("recovered")
                .willReturn(okJson("[" + WEBHOOK + "]")));
    }

    private static List<String> tagValues(SimpleMeterRegistry meters) {
        return meters.getMeters().stream()
                .map(Meter::getId)
                .flatMap(id -> id.getTags().stream())
                .map(Tag::getValue)
                .toList();
    }
}
