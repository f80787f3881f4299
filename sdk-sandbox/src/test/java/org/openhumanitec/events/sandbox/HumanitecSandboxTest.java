package org.openhumanitec.events.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openhumanitec.events.api.WebhooksApi;
import org.openhumanitec.events.api.errors.HumanitecApiException;
import org.openhumanitec.events.api.model.CreateWebhookRequest;
import org.openhumanitec.events.api.model.Event;
import org.openhumanitec.events.api.model.EventScope;
import org.openhumanitec.events.api.model.EventType;
import org.openhumanitec.events.api.model.Trigger;
import org.openhumanitec.events.api.model.UpdateWebhookRequest;
import org.openhumanitec.events.api.model.Webhook;

/** What only the sandbox promises: its exact errors, its defaults, its determinism, reset and the event catalog. */
class HumanitecSandboxTest {

    private static final String ORG = "org";
    private static final String APP = "app-a";
    private static final String OTHER_APP = "app-b";

    private final HumanitecSandbox sandbox = HumanitecSandbox.create();

    @BeforeEach
    void createTakenWebhook() {
        sandbox.webhooks().create(ORG, APP, valid().id("taken").build());
    }

    // ---- the error table of docs/sandbox.md --------------------------------------------------------------------

    static Stream<Arguments> errors() {
        return Stream.of(
                badRequest("create without id", create(b -> b.id(null)), "id", "id is required"),
                badRequest(
                        "create with an id that is not Humanitec-shaped",
                        create(b -> b.id("Hook_1")),
                        "id",
                        "id must match ^[a-z0-9](?:-?[a-z0-9]+)+$"),
                badRequest(
                        "create with an id over 50 characters",
                        create(b -> b.id("a".repeat(51))),
                        "id",
                        "id must be at most 50 characters long"),
                badRequest(
                        "create with an id too long for a path, 8100 characters",
                        create(b -> b.id("a".repeat(8100))),
                        "id",
                        "id must be at most 50 characters long"),
                badRequest("create without url", create(b -> b.url(null)), "url", "url is required"),
                badRequest(
                        "create with an http url",
                        create(b -> b.url("http://hooks.example.com")),
                        "url",
                        "url must use HTTPS: start it with https:// or leave the scheme out"),
                badRequest(
                        "create with an https url without host",
                        create(b -> b.url("https:///path")),
                        "url",
                        "url must be a valid absolute URL with a host"),
                badRequest(
                        "create with a url of another scheme",
                        create(b -> b.url("ftp://hooks.example.com")),
                        "url",
                        "url must use HTTPS: start it with https:// or leave the scheme out"),
                badRequest(
                        "create with a scheme-less url without a host",
                        create(b -> b.url("/humanitec")),
                        "url",
                        "url must be a valid absolute URL with a host"),
                badRequest(
                        "create with an internationalised host that is no host",
                        create(b -> b.url("https://bü cher.example/x")),
                        "url",
                        "url must be a valid absolute URL with a host"),
                badRequest(
                        "create with a trigger list-events does not offer",
                        create(b -> b.trigger(Trigger.of("deployment", "created"))),
                        "triggers[1]",
                        "triggers[1] must be an event that list-events offers, not deployment/created"),
                badRequest(
                        "create with a blank trigger scope",
                        create(b -> b.trigger(Trigger.of("", "created"))),
                        "triggers[1].scope",
                        "triggers[1].scope must not be blank"),
                badRequest(
                        "create with a blank trigger type",
                        create(b -> b.trigger(Trigger.of("environment", " "))),
                        "triggers[1].type",
                        "triggers[1].type must not be blank"),
                badRequest(
                        "create with a bad id and a bad url reports the id",
                        create(b -> b.id("-").url("ftp://x")),
                        "id",
                        "id must match ^[a-z0-9](?:-?[a-z0-9]+)+$"),
                badRequest(
                        "create with a taken id and a bad url reports the url",
                        create(b -> b.id("taken").url("http://x")),
                        "url",
                        "url must use HTTPS: start it with https:// or leave the scheme out"),
                badRequest(
                        "update with another id than the path's",
                        update("taken", b -> b.id("other")),
                        "id",
                        "id 'other' does not match the webhook id 'taken' in the path"),
                badRequest(
                        "update with an http url",
                        update("taken", b -> b.url("http://x")),
                        "url",
                        "url must use HTTPS: start it with https:// or leave the scheme out"),
                badRequest(
                        "update of an unknown webhook with a trigger list-events does not offer",
                        update("nope", b -> b.triggers(List.of(Trigger.of("app", "created")))),
                        "triggers[0]",
                        "triggers[0] must be an event that list-events offers, not app/created"),
                Arguments.of(
                        Named.of("create with an id taken in another app", (Consumer<WebhooksApi>) api ->
                                api.create(ORG, OTHER_APP, valid().id("taken").build())),
                        409,
                        "HUM-409",
                        "The supplied `id` clashes with an existing Job: 'taken'.",
                        Map.of("field", "id")),
                notFound("get of an unknown webhook", api -> api.get(ORG, APP, "nope"), "nope", APP),
                notFound("get of another app's webhook", api -> api.get(ORG, OTHER_APP, "taken"), "taken", OTHER_APP),
                notFound("update of an unknown webhook", update("nope", b -> b.disabled(true)), "nope", APP),
                notFound("delete of an unknown webhook", api -> api.delete(ORG, APP, "nope"), "nope", APP));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void errors_carryTheDocumentedStatusCodeMessageAndDetails(
            Consumer<WebhooksApi> call, int status, String code, String message, Map<String, Object> details) {
        assertThatThrownBy(() -> call.accept(sandbox.webhooks()))
                .isInstanceOfSatisfying(HumanitecApiException.class, e -> {
                    assertThat(e)
                            .isExactlyInstanceOf(HumanitecApiException.of(status, null, null, null)
                                    .getClass());
                    assertThat(e.status()).isEqualTo(status);
                    assertThat(e.errorCode()).isEqualTo(code);
                    assertThat(e.errorMessage()).isEqualTo(message);
                    assertThat(e.details()).isEqualTo(details);
                });
    }

    // ---- defaults and determinism ------------------------------------------------------------------------------

    @Test
    void create_stampsCreatedAtFromTheClockToTheMillisecond_andCreatedByFromTheBuilder() {
        // BEGIN deterministic sandbox (docs/sandbox.md)
        HumanitecSandbox deterministic = HumanitecSandbox.builder()
                .clock(Clock.fixed(Instant.parse("2026-03-04T05:06:07.123456789Z"), ZoneOffset.UTC))
                .createdBy("ci-bot") // the default is "sandbox"
                .build();
        // END

        Webhook created = deterministic.webhooks().create(ORG, APP, valid().build());

        assertThat(created.createdAt()).isEqualTo(Instant.parse("2026-03-04T05:06:07.123Z"));
        assertThat(created.createdBy()).isEqualTo("ci-bot");
    }

    @Test
    void create_byDefault_isCreatedBySandboxNow() {
        Instant before = Instant.now().minusMillis(1);

        Webhook created = sandbox.webhooks().create(ORG, APP, valid().build());

        assertThat(created.createdBy()).isEqualTo("sandbox");
        assertThat(created.createdAt()).isBetween(before, Instant.now());
    }

    @Test
    void create_withOnlyIdUrlAndTriggers_storesTheDefaults() {
        Webhook created = sandbox.webhooks().create(ORG, APP, valid().build());

        assertThat(created.disabled()).isEqualTo(Boolean.FALSE);
        assertThat(created.headers()).isEmpty();
        assertThat(created.payload()).isEmpty();
    }

    @Test
    void create_withNullDisabledHeadersAndPayload_storesTheDefaultsAsIfLeftOut() {
        Webhook created = sandbox.webhooks()
                .create(ORG, APP, new CreateWebhookRequest("hook-1", "https://x.example.com", null, null, null, null));

        assertThat(created.disabled()).isEqualTo(Boolean.FALSE);
        assertThat(created.headers()).isEmpty();
        assertThat(created.payload()).isEmpty();
    }

    // ---- the rules of docs/sandbox.md, from Humanitec's docs and clients ---------------------------------------

    @ParameterizedTest
    @MethodSource("noTriggers")
    void create_withoutTriggersOrWithNone_isAWebhookOfAllTriggers_storedAsNone(List<Trigger> triggers) {
        Webhook created = sandbox.webhooks()
                .create(
                        ORG,
                        APP,
                        new CreateWebhookRequest("hook-1", "https://x.example.com", null, null, null, triggers));

        assertThat(created.triggers()).isEmpty();
        assertThat(sandbox.webhooks().get(ORG, APP, "hook-1").triggers()).isEmpty();
    }

    static Stream<List<Trigger>> noTriggers() {
        return Stream.of(null, List.of());
    }

    @Test
    void update_withNoTriggers_makesItAWebhookOfAllTriggers() {
        sandbox.webhooks()
                .update(
                        ORG,
                        APP,
                        "taken",
                        UpdateWebhookRequest.builder().triggers(List.of()).build());

        assertThat(sandbox.webhooks().get(ORG, APP, "taken").triggers()).isEmpty();
    }

    @Test
    void update_withNullUrlAndDisabled_keepsBoth_asHumanitecsGoClientNeeds() {
        sandbox.webhooks()
                .update(
                        ORG,
                        APP,
                        "taken",
                        UpdateWebhookRequest.builder().disabled(true).build());
        Webhook before = sandbox.webhooks().get(ORG, APP, "taken");

        sandbox.webhooks()
                .update(
                        ORG,
                        APP,
                        "taken",
                        UpdateWebhookRequest.builder().url(null).disabled(null).build());

        assertThat(sandbox.webhooks().get(ORG, APP, "taken")).isEqualTo(before);
    }

    @ParameterizedTest
    @MethodSource("acceptedUrls")
    void urls_inEveryFormHumanitecDescribes_areStoredAsGiven(String url) {
        assertThat(sandbox.webhooks().create(ORG, APP, valid().url(url).build()).url())
                .isEqualTo(url);
        assertThat(sandbox.webhooks()
                        .update(
                                ORG,
                                APP,
                                "taken",
                                UpdateWebhookRequest.builder().url(url).build())
                        .url())
                .isEqualTo(url);
    }

    static Stream<String> acceptedUrls() {
        return Stream.of(
                "https://hooks.example.com/humanitec",
                "HTTPS://hooks.example.com/humanitec",
                "hooks.example.com/humanitec",
                "hooks.example.com:8443/humanitec?x=1",
                "hooks.example.com",
                "https://bücher.example/hook",
                "https://user@bücher.example:8443/hook",
                "münchen.example/hook");
    }

    @Test
    void everyTriggerOfTheCatalogue_isAccepted() {
        List<Trigger> all = sandbox.events().list(ORG).stream()
                .map(event -> new Trigger(event.scope(), event.type()))
                .toList();

        assertThat(sandbox.webhooks()
                        .create(ORG, APP, valid().triggers(all).build())
                        .triggers())
                .isEqualTo(all);
    }

    @Test
    void getAndDelete_checkTheirPathIdsFirst_namingTheParameter() {
        assertThatThrownBy(() -> sandbox.webhooks().get(null, APP, "taken"))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("orgId");
        assertThatThrownBy(() -> sandbox.webhooks().delete(ORG, APP, "."))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jobId");
        assertThat(sandbox.webhooks().list(ORG, APP)).extracting(Webhook::id).containsExactly("taken");
    }

    @Test
    void create_storesTheHeadersAndPayloadGiven() {
        Webhook created = sandbox.webhooks()
                .create(
                        ORG,
                        APP,
                        valid().header("X-Token", "t")
                                .payload(Map.of("text", "${event}"))
                                .build());

        assertThat(created.headers()).isEqualTo(Map.of("X-Token", "t"));
        assertThat(created.payload()).isEqualTo(Map.of("text", "${event}"));
    }

    @Test
    void listAndDeleteAllJobs_concernOneAppOnly() {
        sandbox.webhooks().create(ORG, OTHER_APP, valid().id("elsewhere").build());

        assertThat(sandbox.webhooks().list(ORG, APP)).extracting(Webhook::id).containsExactly("taken");
        sandbox.jobs().deleteAll(ORG, APP);

        assertThat(sandbox.webhooks().list(ORG, APP)).isEmpty();
        assertThat(sandbox.webhooks().list(ORG, OTHER_APP))
                .extracting(Webhook::id)
                .containsExactly("elsewhere");
    }

    @Test
    void aWriteReleasesTheOrganizationsLock_forOtherThreads() throws Exception {
        // Under a lock that is never released, the other thread's create would wait forever.
        Thread other = new Thread(() -> sandbox.webhooks()
                .create(ORG, APP, valid().id("from-another-thread").build()));
        other.start();
        other.join();

        assertThat(sandbox.webhooks().get(ORG, APP, "from-another-thread")).isNotNull();
    }

    @Test
    void update_checksItsPathIdsFirst_namingTheParameter() {
        UpdateWebhookRequest disable =
                UpdateWebhookRequest.builder().disabled(true).build();

        assertThatThrownBy(() -> sandbox.webhooks().update(null, APP, "taken", disable))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("orgId");
        assertThatThrownBy(() -> sandbox.webhooks().update(ORG, "..", "taken", disable))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("appId");
        assertThatThrownBy(() -> sandbox.webhooks().update(ORG, APP, "..", disable))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jobId");
    }

    @Test
    void anIdOfTheMaximumLength_isCreated_andReachedByGetUpdateAndDelete() {
        String longest = "a".repeat(49) + "b";

        sandbox.webhooks().create(ORG, APP, valid().id(longest).build());

        assertThat(sandbox.webhooks().get(ORG, APP, longest).id()).isEqualTo(longest);
        assertThat(sandbox.webhooks()
                        .update(
                                ORG,
                                APP,
                                longest,
                                UpdateWebhookRequest.builder().disabled(true).build())
                        .disabled())
                .isTrue();
        sandbox.webhooks().delete(ORG, APP, longest);
        assertThat(sandbox.webhooks().list(ORG, APP)).extracting(Webhook::id).containsExactly("taken");
    }

    @Test
    void builder_rejectsANullClockAndANullOrBlankCreator() {
        assertThatThrownBy(() -> HumanitecSandbox.builder().clock(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("clock must not be null");
        assertThatThrownBy(() -> HumanitecSandbox.builder().createdBy(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("createdBy must not be null");
        assertThatThrownBy(() -> HumanitecSandbox.builder().createdBy(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("createdBy must not be blank");
    }

    // ---- state -------------------------------------------------------------------------------------------------

    @Test
    void reset_removesEveryWebhookOfEveryOrgAndFreesTheirIds() {
        sandbox.webhooks().create("other-org", APP, valid().id("elsewhere").build());

        sandbox.reset();

        assertThat(sandbox.webhooks().list(ORG, APP)).isEmpty();
        assertThat(sandbox.webhooks().list("other-org", APP)).isEmpty();
        assertThat(sandbox.webhooks().create(ORG, OTHER_APP, valid().id("taken").build()))
                .isNotNull();
    }

    @Test
    void anyOrgAndAppId_isAccepted() {
        for (String id : List.of("Acme Corp", "APP_1", "ünïcode", "a/b")) {
            sandbox.webhooks().create(id, id, valid().build());

            assertThat(sandbox.webhooks().list(id, id)).hasSize(1);
        }
    }

    @Test
    void update_keepsTheWebhooksPlaceInTheList() {
        sandbox.webhooks().create(ORG, APP, valid().id("second").build());

        sandbox.webhooks()
                .update(
                        ORG,
                        APP,
                        "taken",
                        UpdateWebhookRequest.builder().disabled(true).build());

        assertThat(sandbox.webhooks().list(ORG, APP)).extracting(Webhook::id).containsExactly("taken", "second");
    }

    @Test
    void list_isASnapshotThatLaterChangesDoNotTouch() {
        List<Webhook> before = sandbox.webhooks().list(ORG, APP);

        sandbox.webhooks().create(ORG, APP, valid().id("later").build());
        sandbox.webhooks().delete(ORG, APP, "taken");

        assertThat(before).extracting(Webhook::id).containsExactly("taken");
    }

    // ---- events ------------------------------------------------------------------------------------------------

    @Test
    void events_areTheFourKnownOnesWithCommonThenOwnPlaceholders() {
        List<String> common = List.of("event", "org_id", "triggered_at", "triggered_by");
        List<String> environment = concat(common, List.of("app_id", "env_id", "name", "type"));
        List<String> deployment =
                concat(common, List.of("app_id", "env_id", "deploy_id", "delta_id", "set_id", "comment", "status"));

        assertThat(sandbox.events().list("any-org"))
                .containsExactly(
                        new Event(EventScope.ENVIRONMENT, EventType.CREATED, environment),
                        new Event(EventScope.ENVIRONMENT, EventType.DELETED, environment),
                        new Event(EventScope.DEPLOYMENT, EventType.STARTED, deployment),
                        new Event(EventScope.DEPLOYMENT, EventType.FINISHED, deployment));
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private static CreateWebhookRequest.Builder valid() {
        return CreateWebhookRequest.builder()
                .id("hook-1")
                .url("https://hooks.example.com/humanitec")
                .trigger(Trigger.DEPLOYMENT_FINISHED);
    }

    private static Consumer<WebhooksApi> create(Consumer<CreateWebhookRequest.Builder> change) {
        CreateWebhookRequest.Builder builder = valid();
        change.accept(builder);
        CreateWebhookRequest request = builder.build();
        return api -> api.create(ORG, APP, request);
    }

    private static Consumer<WebhooksApi> update(String jobId, Consumer<UpdateWebhookRequest.Builder> change) {
        UpdateWebhookRequest.Builder builder = UpdateWebhookRequest.builder();
        change.accept(builder);
        UpdateWebhookRequest request = builder.build();
        return api -> api.update(ORG, APP, jobId, request);
    }

    private static Arguments badRequest(String name, Consumer<WebhooksApi> call, String field, String message) {
        return Arguments.of(Named.of(name, call), 400, "HUM-400", message, Map.of("field", field));
    }

    private static Arguments notFound(String name, Consumer<WebhooksApi> call, String jobId, String appId) {
        String message = "Webhook '" + jobId + "' not found in app '" + appId + "'.";
        return Arguments.of(Named.of(name, call), 404, "HUM-404", message, Map.of());
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }
}
