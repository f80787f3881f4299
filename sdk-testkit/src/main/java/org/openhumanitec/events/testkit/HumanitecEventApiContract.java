package org.openhumanitec.events.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openhumanitec.events.api.HumanitecEventApi;
import org.openhumanitec.events.api.WebhooksApi;
import org.openhumanitec.events.api.errors.BadRequestException;
import org.openhumanitec.events.api.errors.ConflictException;
import org.openhumanitec.events.api.errors.HumanitecApiException;
import org.openhumanitec.events.api.errors.NotFoundException;
import org.openhumanitec.events.api.model.CreateWebhookRequest;
import org.openhumanitec.events.api.model.Event;
import org.openhumanitec.events.api.model.Trigger;
import org.openhumanitec.events.api.model.UpdateWebhookRequest;
import org.openhumanitec.events.api.model.UpdatedWebhook;
import org.openhumanitec.events.api.model.Webhook;

/**
 * What every implementation of {@link HumanitecEventApi} promises, as a JUnit 5 suite: the webhook lifecycle
 * (create, get, list, update, delete), organization-wide id conflicts, not-found, validation failures that name
 * the field, delete-all-jobs scoped to one app, the event catalog, path-id checks and concurrent creates.
 *
 * <p>Extend it in a test class and return the implementation under test from {@link #api()}:
 *
 * <pre>{@code
 * class MyApiContractTest extends HumanitecEventApiContract {
 *     private final HumanitecEventApi api = HumanitecSandbox.create();
 *
 *     @Override
 *     protected HumanitecEventApi api() {
 *         return api;
 *     }
 * }
 * }</pre>
 *
 * <p>The suite uses nothing but the public interfaces, so it runs unchanged against the in-memory sandbox and
 * against an HTTP client talking to a server. It asserts exception types, statuses and that errors name the field,
 * never an implementation's error codes or exact messages. Each test works in organizations of its own (see
 * {@link #newOrgId()}), so tests never see each other's data, even on a shared server that is never reset; the
 * suite does not delete what it creates. Every test is public: a subclass that must leave one out overrides it
 * without {@code @Test}, and says why.
 */
public abstract class HumanitecEventApiContract {

    private static final int THREADS = 8;
    private static final UpdateWebhookRequest DISABLE =
            UpdateWebhookRequest.builder().disabled(true).build();

    private String org;
    private String otherOrg;
    private String app;
    private String otherApp;

    /** For subclasses. */
    protected HumanitecEventApiContract() {}

    /**
     * The implementation under test. Called several times in a test; return the same instance within one test.
     *
     * @return the implementation, open and ready
     */
    protected abstract HumanitecEventApi api();

    /**
     * An organization id no other test uses. By default a random one; override it where organizations must
     * exist beforehand.
     *
     * @return a fresh organization id
     */
    protected String newOrgId() {
        return "contract-" + UUID.randomUUID();
    }

    /**
     * An application id for a test. By default a random one.
     *
     * @return an application id
     */
    protected String newAppId() {
        return "app-" + UUID.randomUUID();
    }

    /** Gives the test two fresh organizations and two apps; runs before each test. */
    @BeforeEach
    protected final void useFreshIds() {
        org = newOrgId();
        otherOrg = newOrgId();
        app = newAppId();
        otherApp = newAppId();
    }

    // ---- create, get, list -------------------------------------------------------------------------------------

    /** Create answers with the webhook as stored, stamped with its creation in the spec's precision. */
    @Test
    public void create_returnsTheWebhookAsStored() {
        CreateWebhookRequest request = CreateWebhookRequest.builder()
                .id("deploy-notifier")
                .url("https://hooks.example.com/humanitec?team=core")
                .disabled(true)
                .header("X-Token", "s3cret")
                .payload(Map.of("text", "${event} in ${app_id}", "attempt", 1, "tags", List.of("a", "b")))
                .trigger(Trigger.DEPLOYMENT_FINISHED)
                .trigger(Trigger.ENVIRONMENT_CREATED)
                .build();

        Webhook created = webhooks().create(org, app, request);

        assertThat(created.id()).isEqualTo("deploy-notifier");
        assertThat(created.url()).isEqualTo("https://hooks.example.com/humanitec?team=core");
        assertThat(created.disabled()).isTrue();
        assertThat(created.headers()).isEqualTo(Map.of("X-Token", "s3cret"));
        assertThat(created.payload()).isEqualTo(request.payload());
        assertThat(created.triggers()).containsExactly(Trigger.DEPLOYMENT_FINISHED, Trigger.ENVIRONMENT_CREATED);
        assertThat(created.createdAt()).isNotNull();
        assertThat(created.createdAt().truncatedTo(ChronoUnit.MILLIS))
                .as("created_at has at most milliseconds, as in the spec's format")
                .isEqualTo(created.createdAt());
        assertThat(created.createdBy()).isNotBlank();
    }

    /** Left out, disabled is false, and headers and payload are empty objects. */
    @Test
    public void create_withOnlyRequiredFields_defaultsToEnabledWithEmptyHeadersAndPayload() {
        Webhook created = webhooks().create(org, app, hook("minimal"));

        assertThat(created.disabled()).isFalse();
        assertThat(created.headers()).isEmpty();
        assertThat(created.payload()).isEmpty();
    }

    /** Get answers with exactly what create answered. */
    @Test
    public void create_thenGet_returnsTheSameWebhook() {
        Webhook created = webhooks().create(org, app, hook("hook-1"));

        assertThat(webhooks().get(org, app, "hook-1")).isEqualTo(created);
    }

    /** List shows an app's webhooks in the order they were created, not sorted. */
    @Test
    public void list_returnsTheAppsWebhooksInCreationOrder() {
        List<Webhook> created = Stream.of("hook-c", "hook-a", "hook-b")
                .map(id -> webhooks().create(org, app, hook(id)))
                .toList();

        assertThat(webhooks().list(org, app)).containsExactlyElementsOf(created);
    }

    /** An app without webhooks, even in an organization never seen before, lists none. */
    @Test
    public void list_ofAnAppWithoutWebhooks_isEmpty() {
        webhooks().create(org, app, hook("hook-1"));

        assertThat(webhooks().list(org, otherApp)).isEmpty();
        assertThat(webhooks().list(otherOrg, app)).isEmpty();
    }

    /** The lists returned cannot be changed by the caller. */
    @Test
    public void lists_areUnmodifiable() {
        webhooks().create(org, app, hook("hook-1"));
        List<Webhook> webhooks = webhooks().list(org, app);
        List<Event> events = api().events().list(org);

        assertThatThrownBy(webhooks::clear).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(events::clear).isInstanceOf(UnsupportedOperationException.class);
    }

    /** A webhook belongs to the app it was created in: another app of the organization cannot see or touch it. */
    @Test
    public void webhook_inAnotherAppOfTheOrg_isNotFound() {
        Webhook created = webhooks().create(org, app, hook("hook-1"));

        assertNotFound(() -> webhooks().get(org, otherApp, "hook-1"));
        assertNotFound(() -> webhooks().update(org, otherApp, "hook-1", DISABLE));
        assertNotFound(() -> webhooks().delete(org, otherApp, "hook-1"));
        assertThat(webhooks().get(org, app, "hook-1")).isEqualTo(created);
    }

    /** Get of an id no app has is a 404. */
    @Test
    public void get_ofUnknownWebhook_isNotFound() {
        assertNotFound(() -> webhooks().get(org, app, "no-such-hook"));
    }

    // ---- conflicts ---------------------------------------------------------------------------------------------

    /** Creating an id the app already has is a 409, and the existing webhook stays as it was. */
    @Test
    public void create_withIdTakenInTheSameApp_isConflict() {
        Webhook first = webhooks().create(org, app, hook("hook-1"));

        CreateWebhookRequest sameId = CreateWebhookRequest.builder()
                .id("hook-1")
                .url("https://other.example.com")
                .trigger(Trigger.ENVIRONMENT_DELETED)
                .build();

        assertConflict(() -> webhooks().create(org, app, sameId));
        assertThat(webhooks().list(org, app)).containsExactly(first);
    }

    /** Ids are unique across all the apps of an organization: creating one taken in another app is a 409. */
    @Test
    public void create_withIdTakenInAnotherApp_isConflict() {
        webhooks().create(org, app, hook("hook-1"));

        assertConflict(() -> webhooks().create(org, otherApp, hook("hook-1")));
        assertThat(webhooks().list(org, otherApp)).isEmpty();
    }

    /** Ids are unique per organization only: another organization may use the same id. */
    @Test
    public void create_withIdTakenInAnotherOrg_succeeds() {
        webhooks().create(org, app, hook("hook-1"));

        assertThat(webhooks().create(otherOrg, app, hook("hook-1")).id()).isEqualTo("hook-1");
    }

    // ---- validation --------------------------------------------------------------------------------------------

    static Stream<Arguments> invalidCreates() {
        return Stream.of(
                invalid("no id", b -> b.id(null), "id"),
                invalid("upper-case id", b -> b.id("Hook-1"), "id"),
                invalid("id with a space", b -> b.id("hook 1"), "id"),
                invalid("id with an underscore", b -> b.id("hook_1"), "id"),
                invalid("id with a leading dash", b -> b.id("-hook"), "id"),
                invalid("id with a trailing dash", b -> b.id("hook-"), "id"),
                invalid("id with a double dash", b -> b.id("hook--1"), "id"),
                invalid("one-character id", b -> b.id("h"), "id"),
                invalid("no url", b -> b.url(null), "url"),
                invalid("http url", b -> b.url("http://hooks.example.com"), "url"),
                invalid("ftp url", b -> b.url("ftp://hooks.example.com/humanitec"), "url"),
                invalid("https url without host", b -> b.url("https:///humanitec"), "url"),
                invalid("https url that is not a URI", b -> b.url("https://hooks example.com"), "url"),
                invalid("blank trigger scope", b -> b.trigger(Trigger.of(" ", "created")), "triggers"),
                invalid("blank trigger type", b -> b.trigger(Trigger.of("environment", "")), "triggers"),
                invalid(
                        "trigger list-events does not offer",
                        b -> b.trigger(Trigger.of("deployment", "created")),
                        "triggers"));
    }

    /**
     * Create rejects an invalid field with a 400 whose message or details name the field, and stores nothing.
     *
     * @param request a request with one invalid field
     * @param field the field's name
     */
    @ParameterizedTest(name = "{0} -> 400 naming {1}")
    @MethodSource("invalidCreates")
    public void create_withAnInvalidField_isBadRequestNamingIt(CreateWebhookRequest request, String field) {
        assertBadRequestNaming(field, () -> webhooks().create(org, app, request));
        assertThat(webhooks().list(org, app)).isEmpty();
    }

    /**
     * Ids shaped like Humanitec's ids are accepted.
     *
     * @param id a valid id
     */
    @ParameterizedTest
    @ValueSource(strings = {"ab", "a1", "0x", "hook-1", "my-deploy-hook-2026"})
    public void create_withAHumanitecShapedId_succeeds(String id) {
        assertThat(webhooks().create(org, app, hook(id)).id()).isEqualTo(id);
    }

    // ---- update ------------------------------------------------------------------------------------------------

    /** Update changes only the fields sent, answers in the PATCH shape, and keeps id and creation data. */
    @Test
    public void update_changesOnlyTheFieldsSent() {
        CreateWebhookRequest request = CreateWebhookRequest.builder()
                .id("hook-1")
                .url("https://hooks.example.com/a")
                .header("X-Token", "s3cret")
                .payload(Map.of("text", "${event}"))
                .trigger(Trigger.DEPLOYMENT_STARTED)
                .build();
        Webhook created = webhooks().create(org, app, request);

        UpdatedWebhook updated = webhooks().update(org, app, "hook-1", DISABLE);

        assertThat(updated)
                .isEqualTo(new UpdatedWebhook(
                        request.url(), true, request.headers(), request.payload(), request.triggers()));
        assertThat(webhooks().get(org, app, "hook-1"))
                .isEqualTo(new Webhook(
                        "hook-1",
                        request.url(),
                        true,
                        request.headers(),
                        request.payload(),
                        request.triggers(),
                        created.createdAt(),
                        created.createdBy()));
    }

    /** Headers, payload and triggers sent in an update replace the old ones whole, not merged. */
    @Test
    public void update_replacesHeadersPayloadAndTriggers() {
        CreateWebhookRequest request = CreateWebhookRequest.builder()
                .id("hook-1")
                .url("https://hooks.example.com/a")
                .headers(Map.of("X-Old", "1"))
                .payload(Map.of("old", "1"))
                .trigger(Trigger.DEPLOYMENT_STARTED)
                .build();
        webhooks().create(org, app, request);
        UpdateWebhookRequest change = UpdateWebhookRequest.builder()
                .url("https://hooks.example.com/b")
                .headers(Map.of("X-New", "2"))
                .payload(Map.of("new", "2"))
                .triggers(List.of(Trigger.ENVIRONMENT_DELETED, Trigger.DEPLOYMENT_FINISHED))
                .build();

        UpdatedWebhook updated = webhooks().update(org, app, "hook-1", change);

        UpdatedWebhook expected = new UpdatedWebhook(
                "https://hooks.example.com/b",
                false,
                Map.of("X-New", "2"),
                Map.of("new", "2"),
                List.of(Trigger.ENVIRONMENT_DELETED, Trigger.DEPLOYMENT_FINISHED));
        assertThat(updated).isEqualTo(expected);
        Webhook after = webhooks().get(org, app, "hook-1");
        assertThat(new UpdatedWebhook(
                        after.url(), after.disabled(), after.headers(), after.payload(), after.triggers()))
                .isEqualTo(expected);
    }

    /**
     * An explicit null is a field not given: Humanitec's own Go client sends {@code "url": null} in every update that
     * does not set the url, so a partial update from it must not erase the url.
     */
    @Test
    public void update_withExplicitNullUrlAndDisabled_keepsThem() {
        webhooks().create(org, app, hook("hook-1"));
        webhooks().update(org, app, "hook-1", DISABLE);
        Webhook before = webhooks().get(org, app, "hook-1");
        UpdateWebhookRequest nulls =
                UpdateWebhookRequest.builder().url(null).disabled(null).build();

        UpdatedWebhook updated = webhooks().update(org, app, "hook-1", nulls);

        assertThat(updated.url()).isEqualTo(before.url());
        assertThat(updated.disabled()).isTrue();
        assertThat(webhooks().get(org, app, "hook-1")).isEqualTo(before);
    }

    /** A webhook without triggers, or with an empty list, is one of all triggers, as Humanitec's docs say. */
    @Test
    public void create_withoutTriggers_succeeds() {
        CreateWebhookRequest noTriggers = CreateWebhookRequest.builder()
                .id("hook-1")
                .url("https://hooks.example.com/hook-1")
                .build();
        CreateWebhookRequest emptyTriggers = CreateWebhookRequest.builder()
                .id("hook-2")
                .url("https://hooks.example.com/hook-2")
                .triggers(List.of())
                .build();

        assertThat(webhooks().create(org, app, noTriggers).triggers()).isEmpty();
        assertThat(webhooks().create(org, app, emptyTriggers).triggers()).isEmpty();
    }

    /** The URL form Humanitec's spec describes, without the protocol, is accepted. */
    @Test
    public void create_withAUrlWithoutScheme_succeeds() {
        CreateWebhookRequest request = CreateWebhookRequest.builder()
                .id("hook-1")
                .url("hooks.example.com/humanitec")
                .trigger(Trigger.DEPLOYMENT_FINISHED)
                .build();

        assertThat(webhooks().create(org, app, request).url()).isEqualTo("hooks.example.com/humanitec");
    }

    /** Sending the id of the path, as Humanitec's Terraform provider does, is accepted. */
    @Test
    public void update_withTheIdOfThePath_isAccepted() {
        webhooks().create(org, app, hook("hook-1"));
        UpdateWebhookRequest sameId =
                UpdateWebhookRequest.builder().id("hook-1").disabled(true).build();

        assertThat(webhooks().update(org, app, "hook-1", sameId).disabled()).isTrue();
        assertThat(webhooks().get(org, app, "hook-1").isDisabled()).isTrue();
    }

    static Stream<Arguments> invalidUpdates() {
        return Stream.of(
                invalidUpdate("another id than the path's", b -> b.id("hook-2"), "id"),
                invalidUpdate("http url", b -> b.url("http://hooks.example.com"), "url"),
                invalidUpdate("https url without host", b -> b.url("https://"), "url"),
                invalidUpdate(
                        "trigger list-events does not offer",
                        b -> b.triggers(List.of(Trigger.of("environment", "started"))),
                        "triggers"),
                invalidUpdate(
                        "blank trigger type", b -> b.triggers(List.of(Trigger.of("deployment", " "))), "triggers"));
    }

    /**
     * Update rejects an invalid field with a 400 naming it, and changes nothing, not even the valid fields sent
     * with it.
     *
     * @param request an update of {@code hook-1} that disables it and sets one invalid field
     * @param field the field's name
     */
    @ParameterizedTest(name = "{0} -> 400 naming {1}")
    @MethodSource("invalidUpdates")
    public void update_withAnInvalidField_isBadRequestNamingItAndChangesNothing(
            UpdateWebhookRequest request, String field) {
        Webhook created = webhooks().create(org, app, hook("hook-1"));

        assertBadRequestNaming(field, () -> webhooks().update(org, app, "hook-1", request));
        assertThat(webhooks().get(org, app, "hook-1")).isEqualTo(created);
    }

    /** Update of an id no app has is a 404, and creates nothing. */
    @Test
    public void update_ofUnknownWebhook_isNotFound() {
        assertNotFound(() -> webhooks().update(org, app, "no-such-hook", DISABLE));
        assertThat(webhooks().list(org, app)).isEmpty();
    }

    // ---- delete ------------------------------------------------------------------------------------------------

    /** Delete removes the webhook, and only it; get and a second delete are then 404. */
    @Test
    public void delete_removesTheWebhook() {
        webhooks().create(org, app, hook("hook-1"));
        Webhook kept = webhooks().create(org, app, hook("hook-2"));

        webhooks().delete(org, app, "hook-1");

        assertNotFound(() -> webhooks().get(org, app, "hook-1"));
        assertNotFound(() -> webhooks().delete(org, app, "hook-1"));
        assertThat(webhooks().list(org, app)).containsExactly(kept);
    }

    /** Delete of an id no app has is a 404. */
    @Test
    public void delete_ofUnknownWebhook_isNotFound() {
        assertNotFound(() -> webhooks().delete(org, app, "no-such-hook"));
    }

    /** Once deleted, an id is free again in every app of the organization. */
    @Test
    public void delete_freesTheIdForTheWholeOrg() {
        webhooks().create(org, app, hook("hook-1"));
        webhooks().delete(org, app, "hook-1");

        assertThat(webhooks().create(org, otherApp, hook("hook-1")).id()).isEqualTo("hook-1");
    }

    // ---- delete all jobs ---------------------------------------------------------------------------------------

    /** Delete-all-jobs removes every webhook of the app, and frees their ids. */
    @Test
    public void deleteAll_removesEveryWebhookOfTheApp() {
        webhooks().create(org, app, hook("hook-1"));
        webhooks().create(org, app, hook("hook-2"));

        api().jobs().deleteAll(org, app);

        assertThat(webhooks().list(org, app)).isEmpty();
        assertNotFound(() -> webhooks().get(org, app, "hook-1"));
        assertThat(webhooks().create(org, app, hook("hook-2")).id()).isEqualTo("hook-2");
    }

    /** Delete-all-jobs leaves other apps of the organization, and the same app id in other organizations, alone. */
    @Test
    public void deleteAll_removesOnlyThatApp() {
        webhooks().create(org, app, hook("hook-1"));
        Webhook otherAppsHook = webhooks().create(org, otherApp, hook("hook-2"));
        Webhook otherOrgsHook = webhooks().create(otherOrg, app, hook("hook-1"));

        api().jobs().deleteAll(org, app);

        assertThat(webhooks().list(org, otherApp)).containsExactly(otherAppsHook);
        assertThat(webhooks().list(otherOrg, app)).containsExactly(otherOrgsHook);
    }

    /** Delete-all-jobs succeeds when there is nothing to delete, every time. */
    @Test
    public void deleteAll_ofAnAppWithoutWebhooks_succeeds() {
        assertThatCode(() -> api().jobs().deleteAll(org, app)).doesNotThrowAnyException();
        assertThatCode(() -> api().jobs().deleteAll(org, app)).doesNotThrowAnyException();
    }

    // ---- events ------------------------------------------------------------------------------------------------

    /**
     * The events include the four Humanitec documents, each with the common placeholders and its own. Other
     * events may appear too.
     */
    @Test
    public void listEvents_includesTheFourKnownEventsWithTheirPlaceholders() {
        Map<Trigger, List<String>> events =
                api().events().list(org).stream().collect(Collectors.toMap(Event::trigger, Event::properties));

        List<String> common = List.of("event", "org_id", "triggered_at", "triggered_by");
        List<String> environment = List.of("app_id", "env_id", "name", "type");
        List<String> deployment = List.of("app_id", "env_id", "deploy_id", "delta_id", "set_id", "comment", "status");
        assertThat(events)
                .containsKeys(
                        Trigger.ENVIRONMENT_CREATED,
                        Trigger.ENVIRONMENT_DELETED,
                        Trigger.DEPLOYMENT_STARTED,
                        Trigger.DEPLOYMENT_FINISHED);
        assertThat(events.get(Trigger.ENVIRONMENT_CREATED)).containsAll(common).containsAll(environment);
        assertThat(events.get(Trigger.ENVIRONMENT_DELETED)).containsAll(common).containsAll(environment);
        assertThat(events.get(Trigger.DEPLOYMENT_STARTED)).containsAll(common).containsAll(deployment);
        assertThat(events.get(Trigger.DEPLOYMENT_FINISHED)).containsAll(common).containsAll(deployment);
        assertThat(events.values())
                .allSatisfy(properties -> assertThat(properties).doesNotHaveDuplicates());
    }

    // ---- path ids ----------------------------------------------------------------------------------------------

    /** A null, blank, "." or ".." path id fails with an exception naming the parameter, before anything happens. */
    @Test
    public void operations_withAnInvalidPathId_failNamingTheParameter() {
        assertThatThrownBy(() -> webhooks().create(null, app, hook("hook-1")))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("orgId");
        assertThatThrownBy(() -> webhooks().list(org, " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("appId");
        assertThatThrownBy(() -> webhooks().get(org, app, ".."))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jobId");
        assertThatThrownBy(() -> webhooks().delete(org, app, "."))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jobId");
        assertThatThrownBy(() -> api().jobs().deleteAll(org, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("appId");
        assertThatThrownBy(() -> api().events().list(""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("orgId");
        assertThat(webhooks().list(org, app)).isEmpty();
    }

    // ---- concurrency -------------------------------------------------------------------------------------------

    /**
     * Many threads creating the same ids, one id per round and all threads at once, half of them in one app and half
     * in another app of the organization: exactly one create wins per id, every other attempt is a 409, and the
     * lists afterwards hold exactly the winners.
     *
     * @throws Exception if a thread fails in a way the test does not expect
     */
    @Test
    // The timeouts of the races guard against a deadlock; they are no time limit: the 8,000 calls take seconds on an
    // idle machine and many times that on a loaded one.
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    public void concurrentCreates_exactlyOneWinsPerId() throws Exception {
        int ids = 1000;
        CyclicBarrier round = new CyclicBarrier(THREADS);
        Queue<Attempt> wins = new ConcurrentLinkedQueue<>();
        AtomicInteger conflicts = new AtomicInteger();
        Queue<RuntimeException> unexpected = new ConcurrentLinkedQueue<>();

        race(thread -> {
            String appId = thread % 2 == 0 ? app : otherApp;
            for (int i = 0; i < ids; i++) {
                round.await(10, TimeUnit.SECONDS);
                try {
                    webhooks().create(org, appId, hook("hook-" + i));
                    wins.add(new Attempt("hook-" + i, appId));
                } catch (ConflictException e) {
                    conflicts.incrementAndGet();
                } catch (RuntimeException e) {
                    unexpected.add(e); // keep going, or the other threads would wait for this one at the barrier
                }
            }
        });

        assertThat(unexpected).isEmpty();
        assertThat(wins.stream().map(Attempt::id))
                .as("one win per id")
                .hasSize(ids)
                .doesNotHaveDuplicates();
        assertThat(conflicts).hasValue(ids * (THREADS - 1));
        List<Attempt> listed = Stream.of(app, otherApp)
                .flatMap(appId -> webhooks().list(org, appId).stream().map(w -> new Attempt(w.id(), appId)))
                .toList();
        assertThat(listed).as("no lost and no extra webhook").containsExactlyInAnyOrderElementsOf(wins);
    }

    /**
     * Many threads deleting the same webhook: exactly one succeeds, the others get 404.
     *
     * @throws Exception if a thread fails in a way the test does not expect
     */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    public void concurrentDeletes_exactlyOneSucceeds() throws Exception {
        webhooks().create(org, app, hook("hook-1"));
        AtomicInteger deleted = new AtomicInteger();
        AtomicInteger notFound = new AtomicInteger();

        race(thread -> {
            try {
                webhooks().delete(org, app, "hook-1");
                deleted.incrementAndGet();
            } catch (NotFoundException e) {
                notFound.incrementAndGet();
            }
        });

        assertThat(deleted).hasValue(1);
        assertThat(notFound).hasValue(THREADS - 1);
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private WebhooksApi webhooks() {
        return api().webhooks();
    }

    /** A webhook id and the app it was created in. */
    private record Attempt(String id, String appId) {}

    /** What one thread of a race does. */
    @FunctionalInterface
    private interface ThreadWork {
        void run(int thread) throws Exception;
    }

    /** Runs {@code work} on {@link #THREADS} threads released at once; rethrows the first failure of a thread. */
    private static void race(ThreadWork work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> threads = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                threads.add(pool.submit(() -> {
                    start.await();
                    work.run(thread);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> thread : threads) {
                thread.get(20, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static CreateWebhookRequest hook(String id) {
        return CreateWebhookRequest.builder()
                .id(id)
                .url("https://hooks.example.com/" + id)
                .trigger(Trigger.DEPLOYMENT_FINISHED)
                .build();
    }

    private static Arguments invalid(
            String description,
            Function<CreateWebhookRequest.Builder, CreateWebhookRequest.Builder> breakIt,
            String field) {
        CreateWebhookRequest.Builder builder = CreateWebhookRequest.builder()
                .id("hook-1")
                .url("https://hooks.example.com/humanitec")
                .trigger(Trigger.DEPLOYMENT_FINISHED);
        return Arguments.of(Named.of(description, breakIt.apply(builder).build()), field);
    }

    private static Arguments invalidUpdate(
            String description,
            Function<UpdateWebhookRequest.Builder, UpdateWebhookRequest.Builder> breakIt,
            String field) {
        return Arguments.of(
                Named.of(
                        description,
                        breakIt.apply(UpdateWebhookRequest.builder().disabled(true))
                                .build()),
                field);
    }

    private static void assertBadRequestNaming(String field, ThrowingCallable call) {
        Pattern named = Pattern.compile("\\b" + Pattern.quote(field) + "\\b");
        assertThatThrownBy(call).isInstanceOfSatisfying(BadRequestException.class, e -> {
            assertHumanitecError(e, 400);
            assertThat(Stream.concat(Stream.of(e.errorMessage()), e.details().values().stream())
                            .map(String::valueOf)
                            .anyMatch(text -> named.matcher(text).find()))
                    .as("message or details name '%s': %s %s", field, e.errorMessage(), e.details())
                    .isTrue();
        });
    }

    private static void assertNotFound(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(NotFoundException.class, e -> assertHumanitecError(e, 404));
    }

    private static void assertConflict(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ConflictException.class, e -> assertHumanitecError(e, 409));
    }

    /** The status, and the error body every Humanitec error carries: a code and a message. */
    private static void assertHumanitecError(HumanitecApiException e, int status) {
        assertThat(e.status()).isEqualTo(status);
        assertThat(e.errorCode()).as("error code").isNotBlank();
        assertThat(e.errorMessage()).as("error message").isNotBlank();
    }
}
