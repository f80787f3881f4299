package org.openhumanitec.events.feign;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.openhumanitec.events.feign.Fixtures.APP;
import static org.openhumanitec.events.feign.Fixtures.ERROR;
import static org.openhumanitec.events.feign.Fixtures.EVENTS;
import static org.openhumanitec.events.feign.Fixtures.HOOK_SECRET;
import static org.openhumanitec.events.feign.Fixtures.HTML_502;
import static org.openhumanitec.events.feign.Fixtures.JOB;
import static org.openhumanitec.events.feign.Fixtures.ORG;
import static org.openhumanitec.events.feign.Fixtures.TOKEN;
import static org.openhumanitec.events.feign.Fixtures.UPDATED_WEBHOOK;
import static org.openhumanitec.events.feign.Fixtures.WEBHOOK;
import static org.openhumanitec.events.feign.Fixtures.WEBHOOK_WITH_NULLS;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.openhumanitec.events.api.HumanitecEventApi;
import org.openhumanitec.events.api.errors.BadRequestException;
import org.openhumanitec.events.api.errors.ConflictException;
import org.openhumanitec.events.api.errors.ForbiddenException;
import org.openhumanitec.events.api.errors.HumanitecApiException;
import org.openhumanitec.events.api.errors.HumanitecException;
import org.openhumanitec.events.api.errors.InvalidResponseException;
import org.openhumanitec.events.api.errors.NetworkException;
import org.openhumanitec.events.api.errors.NetworkTimeoutException;
import org.openhumanitec.events.api.errors.NotFoundException;
import org.openhumanitec.events.api.errors.RateLimitException;
import org.openhumanitec.events.api.errors.ServerErrorException;
import org.openhumanitec.events.api.errors.UnauthorizedException;
import org.openhumanitec.events.api.errors.UnexpectedStatusException;
import org.openhumanitec.events.api.errors.UnprocessableEntityException;
import org.openhumanitec.events.api.model.CreateWebhookRequest;
import org.openhumanitec.events.api.model.Event;
import org.openhumanitec.events.api.model.EventScope;
import org.openhumanitec.events.api.model.EventType;
import org.openhumanitec.events.api.model.Trigger;
import org.openhumanitec.events.api.model.UpdateWebhookRequest;
import org.openhumanitec.events.api.model.UpdatedWebhook;
import org.openhumanitec.events.api.model.Webhook;
import org.openhumanitec.events.feign.internal.RetryClock;
import org.openhumanitec.events.feign.testing.CapturedLogs;

/**
 * What the client promises over HTTP, whatever the transport: the 7 operations on the wire, the mapping of every
 * status to its exception, encoded ids, retries, the call deadline, network faults, logging and credentials.
 * Each subclass names one transport and nothing else.
 */
abstract class HumanitecClientBehaviourTest extends SpecCheckedWireMock {

    private static final String HOOKS = "/orgs/" + ORG + "/apps/" + APP + "/webhooks";
    private static final String HOOK = HOOKS + "/" + JOB;
    private static final String JOBS = "/orgs/" + ORG + "/apps/" + APP + "/jobs";
    private static final String EVENTS_PATH = "/orgs/" + ORG + "/events";
    /** The logger the client's HTTP log writes to, at DEBUG. */
    private static final String HTTP_LOGGER = "org.openhumanitec.events.feign.http";

    private static final String USER_AGENT = "humanitec-events-java/\\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(Java \\S+\\)";

    /** The transport under test. */
    protected abstract Transport transport();

    /**
     * How many requests reach the server in one attempt of an idempotent GET when the server drops the connection
     * without answering (a reset, or an empty response). One, except where the transport re-sends on its own and
     * cannot be told not to.
     */
    protected int requestsPerGetAttemptWhenTheConnectionDropsUnanswered() {
        return 1;
    }

    protected FakeRetryClock clock;
    private final List<HumanitecClient> clients = new ArrayList<>();

    @BeforeEach
    final void freshClock() {
        clock = new FakeRetryClock();
        CapturedLogs.clear();
        CapturedLogs.everyLevel(HTTP_LOGGER::equals);
    }

    @AfterEach
    final void closeClients() {
        CapturedLogs.everyLevel(logger -> false);
        clients.forEach(HumanitecClient::close);
    }

    /** A builder for a client of the transport under test, pointed at WireMock, with the fake retry clock. */
    protected HumanitecClient.Builder builder() {
        return HumanitecClient.builder()
                .token(TOKEN)
                .baseUrl(wm.baseUrl())
                .transport(transport())
                .retryClock(clock);
    }

    protected HumanitecClient client(HumanitecClient.Builder builder) {
        HumanitecClient client = builder.build();
        clients.add(client);
        return client;
    }

    protected HumanitecClient client() {
        return client(builder());
    }

    private static RequestPatternBuilder withStandardHeaders(RequestPatternBuilder request) {
        return request.withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("User-Agent", matching(USER_AGENT));
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }

    private static int requests() {
        return wm.getAllServeEvents().size();
    }

    // ---------------------------------------------------------------- the 7 operations

    @Test
    void deleteAllJobs_sendsDeleteAndReturnsOn204() {
        wm.stubFor(delete(JOBS).willReturn(aResponse().withStatus(204)));

        client().jobs().deleteAll(ORG, APP);

        wm.verify(1, withStandardHeaders(deleteRequestedFor(urlEqualTo(JOBS))).withoutHeader("Content-Type"));
        assertThat(wm.getAllServeEvents().get(0).getRequest().getBody()).isEmpty();
    }

    @Test
    void listWebhooks_decodesEveryFieldNullsAndUnknownFields() {
        wm.stubFor(get(HOOKS).willReturn(okJson("[" + WEBHOOK + "," + WEBHOOK_WITH_NULLS + "]")));

        List<Webhook> hooks = client().webhooks().list(ORG, APP);

        wm.verify(1, withStandardHeaders(getRequestedFor(urlEqualTo(HOOKS))).withoutHeader("Content-Type"));
        assertThat(hooks).hasSize(2);
        Webhook full = hooks.get(0);
        assertThat(full.id()).isEqualTo(JOB);
        assertThat(full.url()).isEqualTo("https://hooks.example.com/humanitec");
        assertThat(full.disabled()).isFalse();
        assertThat(full.headers()).containsExactly(Map.entry("X-Hook-Token", HOOK_SECRET));
        assertThat(full.payload())
                .containsExactly(
                        Map.entry("event", "${event}"),
                        Map.entry("app_id", "${app_id}"),
                        Map.entry("env_id", "${env_id}"));
        assertThat(full.triggers()).containsExactly(Trigger.DEPLOYMENT_FINISHED);
        assertThat(full.createdAt()).isEqualTo(Instant.parse("2020-06-22T09:37:23.523Z"));
        assertThat(full.createdBy()).isEqualTo("a1b2c3d4-0000-4000-8000-123456789abc");
        Webhook nulls = hooks.get(1);
        assertThat(nulls.id()).isEqualTo("paused-hook");
        assertThat(nulls.url()).isNull();
        assertThat(nulls.disabled()).isNull();
        assertThat(nulls.isDisabled()).isFalse();
        assertThat(nulls.createdAt()).isNull();
        assertThat(nulls.createdBy()).isNull();
        assertThatThrownBy(() -> hooks.add(full)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void listWebhooks_emptyArrayIsAnEmptyUnmodifiableList() {
        wm.stubFor(get(HOOKS).willReturn(okJson("[]")));

        List<Webhook> hooks = client().webhooks().list(ORG, APP);

        assertThat(hooks).isEmpty();
        assertThatThrownBy(() -> hooks.add(null)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void createWebhook_postsOnlyTheFieldsSetAndDecodesThe201() {
        wm.stubFor(post(HOOKS).willReturn(json(201, WEBHOOK)));
        CreateWebhookRequest request = CreateWebhookRequest.builder()
                .id(JOB)
                .url("https://hooks.example.com/humanitec")
                .header("X-Hook-Token", HOOK_SECRET)
                .payload(Map.of("event", "${event}"))
                .trigger(Trigger.DEPLOYMENT_FINISHED)
                .build();

        Webhook created = client().webhooks().create(ORG, APP, request);

        wm.verify(
                1,
                withStandardHeaders(postRequestedFor(urlEqualTo(HOOKS)))
                        .withHeader("Content-Type", equalTo("application/json"))
                        .withRequestBody(equalToJson("""
                                {"id": "deploy-notifier",
                                 "url": "https://hooks.example.com/humanitec",
                                 "headers": {"X-Hook-Token": "hook-secret-b7d1e0"},
                                 "payload": {"event": "${event}"},
                                 "triggers": [{"scope": "deployment", "type": "finished"}]}""")));
        assertThat(created.id()).isEqualTo(JOB);
        assertThat(created.createdAt()).isEqualTo(Instant.parse("2020-06-22T09:37:23.523Z"));
        assertThat(created.triggers()).containsExactly(Trigger.DEPLOYMENT_FINISHED);
    }

    @Test
    void getWebhook_sendsGetAndDecodesTheWebhook() {
        wm.stubFor(get(HOOK).willReturn(okJson(WEBHOOK)));

        Webhook hook = client().webhooks().get(ORG, APP, JOB);

        wm.verify(1, withStandardHeaders(getRequestedFor(urlEqualTo(HOOK))).withoutHeader("Content-Type"));
        assertThat(hook.id()).isEqualTo(JOB);
        assertThat(hook.url()).isEqualTo("https://hooks.example.com/humanitec");
        assertThat(hook.headers()).containsEntry("X-Hook-Token", HOOK_SECRET);
    }

    @Test
    void deleteWebhook_sendsDeleteAndReturnsOn204() {
        wm.stubFor(delete(HOOK).willReturn(aResponse().withStatus(204)));

        client().webhooks().delete(ORG, APP, JOB);

        wm.verify(1, withStandardHeaders(deleteRequestedFor(urlEqualTo(HOOK))).withoutHeader("Content-Type"));
    }

    @Test
    void updateWebhook_patchesOnlyTheFieldsSetWithExplicitNullsAndDecodesTheUpdateShape() {
        wm.stubFor(patch(urlEqualTo(HOOK)).willReturn(okJson(UPDATED_WEBHOOK)));
        UpdateWebhookRequest request =
                UpdateWebhookRequest.builder().disabled(true).url(null).build();

        UpdatedWebhook updated = client().webhooks().update(ORG, APP, JOB, request);

        wm.verify(
                1,
                withStandardHeaders(patchRequestedFor(urlEqualTo(HOOK)))
                        .withHeader("Content-Type", equalTo("application/json"))
                        .withRequestBody(equalToJson("{\"disabled\": true, \"url\": null}")));
        assertThat(updated.url()).isEqualTo("https://hooks.example.com/humanitec-v2");
        assertThat(updated.disabled()).isTrue();
        assertThat(updated.headers()).containsEntry("X-Hook-Token", HOOK_SECRET);
        assertThat(updated.payload()).containsEntry("event", "${event}");
        assertThat(updated.triggers()).isNull();
    }

    @Test
    void listEvents_decodesScopesTypesAndPropertiesIntoAnUnmodifiableList() {
        wm.stubFor(get(EVENTS_PATH).willReturn(okJson(EVENTS)));

        List<Event> events = client().events().list(ORG);

        wm.verify(
                1, withStandardHeaders(getRequestedFor(urlEqualTo(EVENTS_PATH))).withoutHeader("Content-Type"));
        assertThat(events)
                .extracting(Event::trigger)
                .containsExactly(Trigger.ENVIRONMENT_CREATED, Trigger.DEPLOYMENT_FINISHED);
        assertThat(events.get(0).scope()).isEqualTo(EventScope.ENVIRONMENT);
        assertThat(events.get(1).type()).isEqualTo(EventType.FINISHED);
        assertThat(events.get(1).properties()).contains("deploy_id", "status");
        assertThatThrownBy(() -> events.remove(0)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void baseUrl_pathPrefixAndTrailingSlashAreKept() {
        wm.stubFor(get("/v1" + EVENTS_PATH).willReturn(okJson(EVENTS)));

        client(builder().baseUrl(wm.baseUrl() + "/v1/")).events().list(ORG);

        wm.verify(1, withStandardHeaders(getRequestedFor(urlEqualTo("/v1" + EVENTS_PATH))));
    }

    // ---------------------------------------------------------------- status → exception

    static Stream<Arguments> statuses() {
        return Stream.of(
                arguments(400, BadRequestException.class),
                arguments(401, UnauthorizedException.class),
                arguments(403, ForbiddenException.class),
                arguments(404, NotFoundException.class),
                arguments(405, UnexpectedStatusException.class),
                arguments(409, ConflictException.class),
                arguments(422, UnprocessableEntityException.class),
                arguments(429, RateLimitException.class),
                arguments(500, ServerErrorException.class),
                arguments(501, ServerErrorException.class),
                arguments(502, ServerErrorException.class),
                arguments(503, ServerErrorException.class),
                arguments(504, ServerErrorException.class),
                arguments(505, ServerErrorException.class));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("statuses")
    void errorStatus_becomesItsTypedExceptionWithEveryField(
            int status, Class<? extends HumanitecApiException> expected) {
        wm.stubFor(get(HOOK).willReturn(json(status, ERROR).withHeader("X-Request-Id", "req-42")));

        HumanitecApiException e = catchThrowableOfType(
                HumanitecApiException.class,
                () -> client(builder().retryPolicy(RetryPolicy.none()))
                        .webhooks()
                        .get(ORG, APP, JOB));

        assertThat(e).isExactlyInstanceOf(expected);
        assertThat(e.status()).isEqualTo(status);
        assertThat(e.errorCode()).isEqualTo("API-000");
        assertThat(e.errorMessage()).isEqualTo("Could not validate token.");
        assertThat(e.details()).containsExactly(Map.entry("field", "url"));
        assertThat(e.body()).contains("Could not validate token.");
        assertThat(e.header("x-request-id")).contains("req-42");
        assertThat(e.getMessage())
                .startsWith("HTTP " + status)
                .contains("API-000")
                .doesNotContain(TOKEN);
        assertThat(requests()).isEqualTo(1);
    }

    @Test
    void errorStatus_withAnHtmlBodyIsStillTheTypedExceptionWithTheRawBody() {
        wm.stubFor(get(HOOK)
                .willReturn(aResponse()
                        .withStatus(502)
                        .withHeader("Content-Type", "text/html")
                        .withBody(HTML_502))
                .withMetadata(offContract("a proxy's HTML error page")));

        ServerErrorException e = catchThrowableOfType(
                ServerErrorException.class,
                () -> client(builder().retryPolicy(RetryPolicy.none()))
                        .webhooks()
                        .get(ORG, APP, JOB));

        assertThat(e.status()).isEqualTo(502);
        assertThat(e.error()).isEmpty();
        assertThat(e.errorCode()).isNull();
        assertThat(e.details()).isEmpty();
        assertThat(e.body()).isEqualTo(HTML_502);
        assertThat(e.getMessage()).isEqualTo("HTTP 502 Bad Gateway (no Humanitec error body)");
    }

    @ParameterizedTest(name = "HTTP {0} with an empty body")
    @CsvSource({"401", "404", "503"})
    void errorStatus_withAnEmptyBodyIsStillTheTypedException(int status) {
        wm.stubFor(get(HOOK).willReturn(aResponse().withStatus(status)).withMetadata(offContract("no body at all")));

        HumanitecApiException e = catchThrowableOfType(
                HumanitecApiException.class,
                () -> client(builder().retryPolicy(RetryPolicy.none()))
                        .webhooks()
                        .get(ORG, APP, JOB));

        assertThat(e)
                .isExactlyInstanceOf(
                        HumanitecApiException.of(status, null, null, null).getClass());
        assertThat(e.status()).isEqualTo(status);
        assertThat(e.error()).isEmpty();
        assertThat(e.body()).isNull();
    }

    @Test
    void errorStatus_withJsonThatIsNotAHumanitecErrorKeepsTheBodyAndNoError() {
        wm.stubFor(post(HOOKS)
                .willReturn(json(400, "{\"errors\": [\"url must be https\"]}"))
                .withMetadata(offContract("a JSON error in another shape")));

        BadRequestException e = catchThrowableOfType(
                BadRequestException.class,
                () -> client().webhooks()
                        .create(ORG, APP, CreateWebhookRequest.builder().id(JOB).build()));

        assertThat(e.error()).isEmpty();
        assertThat(e.body()).isEqualTo("{\"errors\": [\"url must be https\"]}");
    }

    @Test
    void errorStatus_withAnOversizedBody_keepsItsCodeAndATruncatedBody() {
        String huge = "{\"error\":\"API-000\",\"message\":\"" + "x".repeat(100_000) + "\"}";
        wm.stubFor(get(HOOK).willReturn(json(404, huge)).withMetadata(offContract("a 100 kB error body")));

        NotFoundException e = catchThrowableOfType(
                NotFoundException.class, () -> client().webhooks().get(ORG, APP, JOB));

        // The message is cut where the reading stopped: only the code is certain.
        assertThat(e.errorCode()).isEqualTo("API-000");
        assertThat(e.errorMessage()).isNull();
        assertThat(e.body()).startsWith("{\"error\":\"API-000\"").hasSizeLessThan(9000);
    }

    @Test
    void errorStatus_whoseBodyEchoesTheToken_neverCarriesIt() {
        wm.stubFor(get(HOOK)
                .willReturn(json(401, "{\"error\":\"API-401\",\"message\":\"Bearer " + TOKEN + " expired\"}"))
                .withMetadata(offContract("an error body quoting the token")));

        UnauthorizedException e = catchThrowableOfType(
                UnauthorizedException.class, () -> client().webhooks().get(ORG, APP, JOB));

        assertThat(e.errorMessage()).isEqualTo("Bearer <redacted> expired");
        assertThat(e.getMessage()).doesNotContain(TOKEN);
        assertThat(e.body()).doesNotContain(TOKEN);
    }

    static Stream<Arguments> undecodableBodies() {
        return Stream.of(
                arguments("not JSON", "<html>ok</html>", "malformed JSON at line 1, column 1"),
                arguments("a required field missing", "{\"url\": \"https://x.example\"}", "'id' is required"),
                arguments("a value of the wrong type", "{\"id\": 42}", "'id' must be a string"),
                arguments("JSON null", "null", "the response body is JSON null"),
                arguments("content after the JSON value", WEBHOOK + " {}", "the body does not match the schema"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("undecodableBodies")
    void success_withABodyThatCannotBeDecodedIsAnInvalidResponse(String what, String body, String message) {
        wm.stubFor(get(HOOK).willReturn(okJson(body)).withMetadata(offContract("a 200 body that breaks the schema")));

        InvalidResponseException e = catchThrowableOfType(
                InvalidResponseException.class, () -> client().webhooks().get(ORG, APP, JOB));

        assertThat(e.status()).isEqualTo(200);
        assertThat(e.getMessage()).contains(message).doesNotContain(TOKEN);
        assertThat(requests()).as("an invalid response is not retried").isEqualTo(1);
    }

    @Test
    void success_withAnEmptyBodyWhereOneIsExpectedIsAnInvalidResponse() {
        wm.stubFor(get(HOOKS).willReturn(aResponse().withStatus(200)).withMetadata(offContract("an empty 200")));

        InvalidResponseException e = catchThrowableOfType(
                InvalidResponseException.class, () -> client().webhooks().list(ORG, APP));

        assertThat(e.getMessage()).isEqualTo("the response body is empty");
    }

    @Test
    void success_withANullListElementIsAnInvalidResponse() {
        wm.stubFor(get(EVENTS_PATH).willReturn(okJson("[null]")).withMetadata(offContract("a null element")));

        InvalidResponseException e = catchThrowableOfType(
                InvalidResponseException.class, () -> client().events().list(ORG));

        assertThat(e.getMessage()).contains("null at [0]");
        assertThat(e.body()).isEqualTo("[null]");
    }

    // ---------------------------------------------------------------- ids

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "a/b       | a%2Fb",
                "%2F       | %252F",
                "x?y=1     | x%3Fy%3D1",
                "é         | %C3%A9",
                "a b       | a%20b",
                "#top      | %23top",
                "a;b=c     | a%3Bb%3Dc",
                "...       | ...",
                "~user_1.x | ~user_1.x"
            })
    void hostileIds_travelAsOneEncodedSegmentInEveryPosition(String id, String encoded) {
        wm.stubFor(any(anyUrl()).willReturn(okJson(WEBHOOK)));
        HumanitecClient client = client();

        client.webhooks().get(id, id, id);

        assertThat(wm.getAllServeEvents().get(0).getRequest().getUrl())
                .isEqualTo("/orgs/" + encoded + "/apps/" + encoded + "/webhooks/" + encoded);
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(
            value = {"''", "'   '", "'.'", "'..'", "NULL"},
            nullValues = "NULL")
    void invalidIds_failBeforeAnyRequestNamingTheParameter(String bad) {
        HumanitecClient client = client();
        CreateWebhookRequest create = CreateWebhookRequest.builder().id(JOB).build();
        UpdateWebhookRequest update =
                UpdateWebhookRequest.builder().disabled(true).build();
        Map<String, ThrowingCallable> calls = new LinkedHashMap<>();
        calls.put("orgId", () -> client.jobs().deleteAll(bad, APP));
        calls.put("appId", () -> client.jobs().deleteAll(ORG, bad));
        calls.put("orgId ", () -> client.webhooks().list(bad, APP));
        calls.put("appId ", () -> client.webhooks().list(ORG, bad));
        calls.put("orgId  ", () -> client.webhooks().create(bad, APP, create));
        calls.put("appId  ", () -> client.webhooks().create(ORG, bad, create));
        calls.put("orgId   ", () -> client.webhooks().get(bad, APP, JOB));
        calls.put("appId   ", () -> client.webhooks().get(ORG, bad, JOB));
        calls.put("jobId", () -> client.webhooks().get(ORG, APP, bad));
        calls.put("orgId    ", () -> client.webhooks().delete(bad, APP, JOB));
        calls.put("appId    ", () -> client.webhooks().delete(ORG, bad, JOB));
        calls.put("jobId ", () -> client.webhooks().delete(ORG, APP, bad));
        calls.put("orgId     ", () -> client.webhooks().update(bad, APP, JOB, update));
        calls.put("appId     ", () -> client.webhooks().update(ORG, bad, JOB, update));
        calls.put("jobId  ", () -> client.webhooks().update(ORG, APP, bad, update));
        calls.put("orgId      ", () -> client.events().list(bad));

        calls.forEach((parameter, call) -> assertThatThrownBy(call)
                .as(parameter.trim())
                .isInstanceOfAny(NullPointerException.class, IllegalArgumentException.class)
                .hasMessageStartingWith(parameter.trim() + " must not"));
        assertThat(requests()).isZero();
    }

    // ---------------------------------------------------------------- retries

    private static MappingBuilder failingThenOk(MappingBuilder request, ResponseDefinitionBuilder failure) {
        return request.inScenario("retry")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(failure)
                .willSetStateTo("failed once");
    }

    @Test
    void get_retriesOn503ThenSucceeds() {
        wm.stubFor(failingThenOk(get(HOOK), json(503, ERROR)));
        wm.stubFor(
                get(HOOK).inScenario("retry").whenScenarioStateIs("failed once").willReturn(okJson(WEBHOOK)));

        Webhook hook = client().webhooks().get(ORG, APP, JOB);

        assertThat(hook.id()).isEqualTo(JOB);
        assertThat(requests()).isEqualTo(2);
        assertThat(clock.sleeps()).containsExactly(RetryPolicy.DEFAULT_INITIAL_BACKOFF);
    }

    @Test
    void list_honoursRetryAfterSeconds() {
        wm.stubFor(failingThenOk(get(HOOKS), json(429, ERROR).withHeader("Retry-After", "1")));
        wm.stubFor(get(HOOKS)
                .inScenario("retry")
                .whenScenarioStateIs("failed once")
                .willReturn(okJson("[]")));

        assertThat(client().webhooks().list(ORG, APP)).isEmpty();

        assertThat(requests()).isEqualTo(2);
        assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void list_honoursRetryAfterHttpDate() {
        String in5s = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                FakeRetryClock.START.plusSeconds(5).atOffset(ZoneOffset.UTC));
        wm.stubFor(failingThenOk(get(EVENTS_PATH), json(429, ERROR).withHeader("Retry-After", in5s)));
        wm.stubFor(get(EVENTS_PATH)
                .inScenario("retry")
                .whenScenarioStateIs("failed once")
                .willReturn(okJson(EVENTS)));

        assertThat(client().events().list(ORG)).hasSize(2);

        assertThat(requests()).isEqualTo(2);
        assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(5));
    }

    @Test
    void get_capsALongRetryAfter() {
        wm.stubFor(failingThenOk(get(HOOK), json(503, ERROR).withHeader("Retry-After", "86400")));
        wm.stubFor(
                get(HOOK).inScenario("retry").whenScenarioStateIs("failed once").willReturn(okJson(WEBHOOK)));

        client().webhooks().get(ORG, APP, JOB);

        assertThat(clock.sleeps()).containsExactly(RetryPolicy.DEFAULT_MAX_RETRY_AFTER);
    }

    @Test
    void get_retriesOn500ThreeTimesInAllThenThrowsTheLastFailure() {
        wm.stubFor(get(HOOK).willReturn(json(500, ERROR)));

        ServerErrorException e = catchThrowableOfType(
                ServerErrorException.class, () -> client().webhooks().get(ORG, APP, JOB));

        assertThat(requests()).isEqualTo(3);
        assertThat(e.status()).isEqualTo(500);
        assertThat(e.errorCode()).isEqualTo("API-000");
        assertThat(e.getSuppressed()).hasSize(2).allMatch(s -> s instanceof ServerErrorException);
        assertThat(clock.sleeps()).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000));
    }

    @Test
    void get_backoffIsExponentialCappedAndJittered() {
        wm.stubFor(get(HOOK).willReturn(json(502, ERROR)));
        clock.jitter(0.5);
        RetryPolicy policy = RetryPolicy.builder()
                .maxAttempts(5)
                .initialBackoff(Duration.ofMillis(100))
                .backoffMultiplier(3)
                .maxBackoff(Duration.ofMillis(1000))
                .jitter(0.2)
                .build();

        assertThatThrownBy(
                        () -> client(builder().retryPolicy(policy)).webhooks().get(ORG, APP, JOB))
                .isInstanceOf(ServerErrorException.class);

        // 100, 300, 900, then capped at 1000 ms; each shortened by jitter × 0.5 = 10 %.
        assertThat(clock.sleeps())
                .containsExactly(
                        Duration.ofMillis(90), Duration.ofMillis(270), Duration.ofMillis(810), Duration.ofMillis(900));
        assertThat(requests()).isEqualTo(5);
    }

    @ParameterizedTest(name = "HTTP {0}")
    @CsvSource({"408", "429", "500", "502", "503", "504"})
    void get_retriesEveryRetryableStatus(int status) {
        wm.stubFor(get(HOOK).willReturn(json(status, ERROR)));

        assertThatThrownBy(() -> client().webhooks().get(ORG, APP, JOB)).isInstanceOf(HumanitecApiException.class);

        assertThat(requests()).isEqualTo(3);
    }

    @ParameterizedTest(name = "HTTP {0}")
    @CsvSource({"400", "401", "403", "404", "405", "409", "422", "501", "505"})
    void get_doesNotRetryOtherStatuses(int status) {
        wm.stubFor(get(HOOK).willReturn(json(status, ERROR)));

        assertThatThrownBy(() -> client().webhooks().get(ORG, APP, JOB)).isInstanceOf(HumanitecApiException.class);

        assertThat(requests()).isEqualTo(1);
        assertThat(clock.sleeps()).isEmpty();
    }

    @Test
    void delete_doesNotRetryOn409() {
        wm.stubFor(delete(HOOK).willReturn(json(409, ERROR)));

        ConflictException e = catchThrowableOfType(
                ConflictException.class, () -> client().webhooks().delete(ORG, APP, JOB));

        assertThat(e.status()).isEqualTo(409);
        assertThat(requests()).isEqualTo(1);
    }

    @Test
    void create_doesNotRetryOn503() {
        wm.stubFor(post(HOOKS).willReturn(json(503, ERROR)));

        ServerErrorException e = catchThrowableOfType(
                ServerErrorException.class,
                () -> client().webhooks()
                        .create(ORG, APP, CreateWebhookRequest.builder().id(JOB).build()));

        assertThat(e.status()).isEqualTo(503);
        assertThat(e.getSuppressed()).isEmpty();
        assertThat(requests()).isEqualTo(1);
        assertThat(clock.sleeps()).isEmpty();
    }

    @Test
    void create_doesNotRetryOn429() {
        wm.stubFor(post(HOOKS).willReturn(json(429, ERROR).withHeader("Retry-After", "1")));

        assertThatThrownBy(() -> client().webhooks()
                        .create(ORG, APP, CreateWebhookRequest.builder().id(JOB).build()))
                .isInstanceOf(RateLimitException.class);

        assertThat(requests()).isEqualTo(1);
    }

    @Test
    void update_retriesOn503ThenSucceeds() {
        wm.stubFor(failingThenOk(patch(urlEqualTo(HOOK)), json(503, ERROR)));
        wm.stubFor(patch(urlEqualTo(HOOK))
                .inScenario("retry")
                .whenScenarioStateIs("failed once")
                .willReturn(okJson(UPDATED_WEBHOOK)));

        client().webhooks()
                .update(
                        ORG,
                        APP,
                        JOB,
                        UpdateWebhookRequest.builder().disabled(true).build());

        wm.verify(2, patchRequestedFor(urlEqualTo(HOOK)).withRequestBody(equalToJson("{\"disabled\": true}")));
    }

    @Test
    void get_withoutRetriesMakesOneAttempt() {
        wm.stubFor(get(HOOK).willReturn(json(503, ERROR)));

        assertThatThrownBy(() -> client(builder().retryPolicy(RetryPolicy.none()))
                        .webhooks()
                        .get(ORG, APP, JOB))
                .isInstanceOf(ServerErrorException.class);

        assertThat(requests()).isEqualTo(1);
    }

    @Test
    void get_stopsRetryingWhenTheNextWaitWouldPassTheCallTimeout() {
        wm.stubFor(get(HOOK).willReturn(json(503, ERROR)));
        RetryPolicy policy = RetryPolicy.builder()
                .maxAttempts(5)
                .initialBackoff(Duration.ofMillis(800))
                .build();

        ServerErrorException e = catchThrowableOfType(
                ServerErrorException.class,
                () -> client(builder().retryPolicy(policy).callTimeout(Duration.ofSeconds(2)))
                        .webhooks()
                        .get(ORG, APP, JOB));

        // 800 ms fits in the 2 s deadline; the next wait, 1600 ms, would end after it.
        assertThat(clock.sleeps()).containsExactly(Duration.ofMillis(800));
        assertThat(requests()).isEqualTo(2);
        assertThat(e.status()).isEqualTo(503);
        assertThat(e.getSuppressed()).hasSize(1);
    }

    @Test
    void get_retryAfterLongerThanTheCallTimeoutEndsTheCallAtOnce() {
        wm.stubFor(get(HOOK).willReturn(json(429, ERROR).withHeader("Retry-After", "20")));

        RateLimitException e = catchThrowableOfType(
                RateLimitException.class,
                () -> client(builder().callTimeout(Duration.ofSeconds(10)))
                        .webhooks()
                        .get(ORG, APP, JOB));

        assertThat(e.header("Retry-After")).contains("20");
        assertThat(requests()).isEqualTo(1);
        assertThat(clock.sleeps()).isEmpty();
    }

    // ---------------------------------------------------------------- faults

    private static MappingBuilder faulty(MappingBuilder request, Fault fault) {
        return request.willReturn(aResponse().withFault(fault));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = Fault.class,
            names = {"CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE", "MALFORMED_RESPONSE_CHUNK", "RANDOM_DATA_THEN_CLOSE"
            })
    void get_retriesANetworkFaultThreeTimesInAllThenThrowsNetworkException(Fault fault) {
        wm.stubFor(faulty(get(HOOK), fault));

        NetworkException e = catchThrowableOfType(
                NetworkException.class, () -> client().webhooks().get(ORG, APP, JOB));

        boolean unanswered = fault == Fault.CONNECTION_RESET_BY_PEER || fault == Fault.EMPTY_RESPONSE;
        assertThat(requests())
                .isEqualTo(3 * (unanswered ? requestsPerGetAttemptWhenTheConnectionDropsUnanswered() : 1));
        assertThat(e).isNotInstanceOf(NetworkTimeoutException.class);
        assertThat(e.mayHaveReachedServer()).isTrue();
        assertThat(e.getMessage())
                .startsWith("GET /orgs/{orgId}/apps/{appId}/webhooks/{jobId} failed: ")
                .doesNotContain(TOKEN);
        assertThat(e.getCause()).isInstanceOf(IOException.class);
        assertThat(clock.sleeps()).hasSize(2);
    }

    @Test
    void get_retriesAResetThenSucceeds() {
        wm.stubFor(failingThenOk(get(HOOK), aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        wm.stubFor(
                get(HOOK).inScenario("retry").whenScenarioStateIs("failed once").willReturn(okJson(WEBHOOK)));

        assertThat(client().webhooks().get(ORG, APP, JOB).id()).isEqualTo(JOB);

        assertThat(requests()).isEqualTo(2);
    }

    @Test
    void get_timesOutWhenTheResponseIsSlowerThanTheReadTimeout() {
        wm.stubFor(get(HOOK).willReturn(okJson(WEBHOOK).withFixedDelay(1500)));

        NetworkTimeoutException e = catchThrowableOfType(
                NetworkTimeoutException.class,
                () -> client(builder().readTimeout(Duration.ofMillis(200)))
                        .webhooks()
                        .get(ORG, APP, JOB));

        assertThat(e.mayHaveReachedServer()).isTrue();
        assertThat(e.getMessage()).doesNotContain(TOKEN);
        assertThat(requests()).isEqualTo(3);
    }

    @Test
    void get_callTimeoutCutsASlowAttemptShort() {
        wm.stubFor(get(HOOK).willReturn(okJson(WEBHOOK).withFixedDelay(1500)));

        NetworkTimeoutException e = catchThrowableOfType(
                NetworkTimeoutException.class,
                () -> client(builder().callTimeout(Duration.ofMillis(300)))
                        .webhooks()
                        .get(ORG, APP, JOB));

        assertThat(e.getMessage()).contains("the call timeout of PT0.3S elapsed during attempt 1");
        assertThat(e.getCause()).isInstanceOf(NetworkTimeoutException.class);
        assertThat(requests()).isEqualTo(1);
        assertThat(clock.sleeps()).isEmpty();
    }

    /** 30 bytes of a webhook, where the headers announce 5000. */
    private static final byte[] BODY_CUT_SHORT = WEBHOOK.substring(0, 30).getBytes(StandardCharsets.UTF_8);

    private static RawHttpServer.Answer bodyCutShort() {
        return out -> {
            out.write(RawHttpServer.okHeaders(5000));
            out.write(BODY_CUT_SHORT);
        };
    }

    @Test
    void get_retriesABodyCutShortThreeTimesInAllThenThrowsNetworkException() throws IOException {
        try (RawHttpServer server = RawHttpServer.start(bodyCutShort())) {
            NetworkException e = catchThrowableOfType(
                    NetworkException.class,
                    () -> client(builder().baseUrl(server.baseUrl())).webhooks().get(ORG, APP, JOB));

            assertThat(e.mayHaveReachedServer()).isTrue();
            assertThat(e.getMessage()).startsWith("GET /orgs/{orgId}/apps/{appId}/webhooks/{jobId} failed: ");
            assertThat(server.requests()).isEqualTo(3);
            assertThat(clock.sleeps()).hasSize(2);
        }
    }

    @Test
    void create_doesNotRetryABodyCutShort() throws IOException {
        try (RawHttpServer server = RawHttpServer.start(bodyCutShort())) {
            NetworkException e = catchThrowableOfType(
                    NetworkException.class,
                    () -> client(builder().baseUrl(server.baseUrl()))
                            .webhooks()
                            .create(
                                    ORG,
                                    APP,
                                    CreateWebhookRequest.builder().id(JOB).build()));

            assertThat(e.mayHaveReachedServer()).isTrue();
            assertThat(server.requests()).isEqualTo(1);
            assertThat(clock.sleeps()).isEmpty();
        }
    }

    @Test
    void get_callTimeoutBoundsABodySentByteByByte() throws IOException {
        // About 30 s to send, one byte every 50 ms: each read is quick, so only the call's deadline can stop it.
        try (RawHttpServer server = webhookSentByteByByte()) {
            HumanitecClient client = client(builder()
                    .baseUrl(server.baseUrl())
                    .callTimeout(Duration.ofSeconds(1))
                    .retryPolicy(RetryPolicy.none()));
            long start = System.nanoTime();

            NetworkTimeoutException e = catchThrowableOfType(
                    NetworkTimeoutException.class, () -> client.webhooks().get(ORG, APP, JOB));

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
            assertThat(e.getMessage()).contains("the call timeout of PT1S elapsed during attempt 1");
            assertThat(e.mayHaveReachedServer()).isTrue();
            assertThat(server.requests()).isEqualTo(1);
        }
    }

    @Test
    void get_callTimeoutBoundsAByteByByteBodyWhoseReadsEachBeatTheReadTimeout() throws IOException {
        // Each read waits 50 ms, well within the 300 ms read timeout, so no read fails on its own; the deadline
        // (1 s, more than the read timeout away when the body starts) must still cut the body short. The clock is
        // the system's: the deadline has to come nearer while the body is read.
        try (RawHttpServer server = webhookSentByteByByte()) {
            HumanitecClient client = client(builder()
                    .baseUrl(server.baseUrl())
                    .retryClock(RetryClock.system())
                    .readTimeout(Duration.ofMillis(300))
                    .callTimeout(Duration.ofSeconds(1))
                    .retryPolicy(RetryPolicy.none()));
            long start = System.nanoTime();

            NetworkTimeoutException e = catchThrowableOfType(
                    NetworkTimeoutException.class, () -> client.webhooks().get(ORG, APP, JOB));

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
            assertThat(e.getMessage()).contains("the call timeout of PT1S elapsed during attempt 1");
            assertThat(server.requests()).isEqualTo(1);
        }
    }

    /** A server answering a webhook padded to 600 bytes, one byte every 50 ms (about 30 s in all). */
    private static RawHttpServer webhookSentByteByByte() throws IOException {
        byte[] body = (WEBHOOK + " ".repeat(600 - WEBHOOK.length())).getBytes(StandardCharsets.UTF_8);
        return RawHttpServer.start(out -> {
            out.write(RawHttpServer.okHeaders(body.length));
            for (byte b : body) {
                out.write(b);
                out.flush();
                Thread.sleep(50);
            }
        });
    }

    @Test
    void create_doesNotRetryWhenTheConnectionIsResetAfterSending() {
        wm.stubFor(faulty(post(HOOKS), Fault.CONNECTION_RESET_BY_PEER));

        NetworkException e = catchThrowableOfType(
                NetworkException.class,
                () -> client().webhooks()
                        .create(ORG, APP, CreateWebhookRequest.builder().id(JOB).build()));

        assertThat(e.mayHaveReachedServer()).isTrue();
        assertThat(requests()).isEqualTo(1);
        assertThat(clock.sleeps()).isEmpty();
    }

    @Test
    void create_retriesWhenTheConnectionIsRefusedBeforeAnythingWasSent() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        HumanitecClient client = client(builder().baseUrl("http://127.0.0.1:" + closedPort));

        NetworkException e = catchThrowableOfType(
                NetworkException.class,
                () -> client.webhooks()
                        .create(ORG, APP, CreateWebhookRequest.builder().id(JOB).build()));

        assertThat(e.mayHaveReachedServer()).isFalse();
        assertThat(e.getSuppressed()).hasSize(2);
        assertThat(clock.sleeps()).hasSize(2);
    }

    // ---------------------------------------------------------------- credentials, threads, logs

    @Test
    void withToken_sendsTheOtherTokenAndSharesTheClient() {
        wm.stubFor(get(EVENTS_PATH).willReturn(okJson(EVENTS)));
        HumanitecClient client = client();
        HumanitecEventApi other = client.withToken("caller-token-42");

        other.events().list(ORG);
        other.close();
        client.events().list(ORG);

        wm.verify(
                1,
                getRequestedFor(urlEqualTo(EVENTS_PATH))
                        .withHeader("Authorization", equalTo("Bearer caller-token-42")));
        wm.verify(1, getRequestedFor(urlEqualTo(EVENTS_PATH)).withHeader("Authorization", equalTo("Bearer " + TOKEN)));
        assertThat(other.toString()).doesNotContain("caller-token-42");
        client.close();
        assertThatThrownBy(() -> other.events().list(ORG))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the HumanitecClient is closed");
    }

    @Test
    void buildWithoutToken_sendsOnlyTheCallersTokens() {
        wm.stubFor(get(EVENTS_PATH).willReturn(okJson(EVENTS)));
        // The builder holds a token too: a client built without one never sends it.
        try (TokenlessHumanitecClient client = builder().baseUrl(wm.baseUrl()).buildWithoutToken()) {
            client.withToken("caller-a").events().list(ORG);
            client.withToken("caller-b").events().list(ORG);
        }
        wm.verify(1, getRequestedFor(urlEqualTo(EVENTS_PATH)).withHeader("Authorization", equalTo("Bearer caller-a")));
        wm.verify(1, getRequestedFor(urlEqualTo(EVENTS_PATH)).withHeader("Authorization", equalTo("Bearer caller-b")));
        wm.verify(2, getRequestedFor(urlEqualTo(EVENTS_PATH)));
    }

    @Test
    void client_isSafeToShareBetweenThreads() throws Exception {
        wm.stubFor(get(EVENTS_PATH).willReturn(okJson(EVENTS)));
        HumanitecClient client = client();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<Event>>> results = new ArrayList<>();
            for (int i = 0; i < 80; i++) {
                results.add(pool.submit(() -> client.events().list(ORG)));
            }
            for (Future<List<Event>> result : results) {
                assertThat(result.get()).hasSize(2);
            }
        } finally {
            pool.shutdownNow();
        }
        wm.verify(80, anyRequestedFor(urlEqualTo(EVENTS_PATH)));
    }

    @ParameterizedTest
    @EnumSource(HttpLogLevel.class)
    void logs_neverShowTheTokenOrWebhookHeaderValues(HttpLogLevel level) {
        wm.stubFor(post(HOOKS).willReturn(json(201, WEBHOOK)));
        wm.stubFor(get(HOOKS).willReturn(okJson("[" + WEBHOOK + "]")));
        wm.stubFor(get(HOOK).willReturn(json(503, ERROR)));
        HumanitecClient client = client(builder().logLevel(level));
        CreateWebhookRequest request = CreateWebhookRequest.builder()
                .id(JOB)
                .url("https://hooks.example.com/humanitec")
                .header("X-Hook-Token", HOOK_SECRET)
                .payload(Map.of("token", HOOK_SECRET))
                .trigger(Trigger.DEPLOYMENT_FINISHED)
                .build();

        client.webhooks().create(ORG, APP, request);
        client.webhooks().list(ORG, APP);
        assertThatThrownBy(() -> client.webhooks().get(ORG, APP, JOB)).isInstanceOf(HumanitecException.class);

        String log = String.join("\n", CapturedLogs.texts(HTTP_LOGGER));
        assertThat(log).doesNotContain(TOKEN).doesNotContain(HOOK_SECRET);
        switch (level) {
            case NONE -> assertThat(log).isEmpty();
            case BASIC ->
                assertThat(log)
                        .contains("---> POST " + wm.baseUrl() + HOOKS)
                        .contains("<--- HTTP 201")
                        .contains("retrying in 500 ms")
                        .doesNotContain("Authorization");
            case HEADERS ->
                assertThat(log).contains("Authorization: Bearer <redacted>").doesNotContain("\"X-Hook-Token\"");
            case FULL ->
                assertThat(log)
                        .contains("Authorization: Bearer <redacted>")
                        .contains("\"headers\":{\"X-Hook-Token\":\"<redacted>\"}")
                        .contains("\"payload\":{\"token\":\"<redacted>\"}")
                        .contains("\"error\":\"API-000\"");
        }
    }

    @Test
    void exceptions_neverShowTheToken() {
        wm.stubFor(get(HOOK).willReturn(json(401, ERROR)));

        UnauthorizedException e = catchThrowableOfType(
                UnauthorizedException.class, () -> client().webhooks().get(ORG, APP, JOB));

        assertThat(e.getMessage()).doesNotContain(TOKEN);
        assertThat(e.toString()).doesNotContain(TOKEN);
        assertThat(e.headers().toString()).doesNotContain(TOKEN);
        assertThat(client().toString())
                .doesNotContain(TOKEN)
                .contains(transport().toString());
    }
}
