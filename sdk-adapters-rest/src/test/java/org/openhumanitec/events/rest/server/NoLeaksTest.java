package org.openhumanitec.events.rest.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhumanitec.events.api.EventsApi;
import org.openhumanitec.events.api.HumanitecEventApi;
import org.openhumanitec.events.api.JobsApi;
import org.openhumanitec.events.api.WebhooksApi;
import org.openhumanitec.events.feign.testing.CapturedLogs;
import org.openhumanitec.events.launcher.EmbeddedServer;
import org.openhumanitec.events.launcher.LaunchOptions;
import org.openhumanitec.events.rest.Http;
import org.openhumanitec.events.sandbox.HumanitecSandbox;

/**
 * Nothing internal reaches a caller, and no token reaches a log: an unexpected failure of the backend is a plain
 * 500 (its details logged server-side), and the access log has one line per request with method, path, status and
 * duration only.
 */
class NoLeaksTest {

    private static final String TOKEN = "inbound-secret-5555";
    private static final String BROKEN_ORG = "broken";
    /** The logger of the access log, as the launcher's embedded server names it. */
    private static final String ACCESS_LOG = "org.openhumanitec.events.access";

    private static EmbeddedServer server;
    private static Http http;

    /** The sandbox, except that the events of one organization fail as a bug would. */
    private static final class BrokenEvents implements HumanitecEventApi {
        private final HumanitecSandbox sandbox = HumanitecSandbox.create();

        @Override
        public WebhooksApi webhooks() {
            return sandbox.webhooks();
        }

        @Override
        public JobsApi jobs() {
            return sandbox.jobs();
        }

        @Override
        public EventsApi events() {
            return orgId -> {
                if (orgId.equals(BROKEN_ORG)) {
                    throw new IllegalStateException("backend bug in com.example.internal.Catalog");
                }
                return sandbox.events().list(orgId);
            };
        }
    }

    @BeforeAll
    static void start() {
        RestFace face = new RestFace();
        server = face.start(
                LaunchOptions.parse(face.options(), new String[] {"--port", "0", "--auth-token", TOKEN}, Map.of()),
                new BrokenEvents());
        http = new Http(server.uri());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void clearLogs() {
        CapturedLogs.clear();
    }

    @Test
    void anUnexpectedFailure_isAPlain500_loggedWithItsCause() {
        Http.Answer answer = http.get("/v1/orgs/" + BROKEN_ORG + "/events", "Authorization", "Bearer " + TOKEN);

        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.body())
                .isEqualTo("{\"error\":\"ADAPTER-500\",\"message\":\"The adapter failed to handle the request.\"}");
        assertThat(CapturedLogs.lines())
                .anySatisfy(line -> assertThat(line.text())
                        .startsWith("listEvents failed unexpectedly")
                        .contains("backend bug in com.example.internal.Catalog"));
    }

    @Test
    void noAnswerCarriesATraceAClassNameOrAToken() {
        List<Http.Answer> answers = List.of(
                http.get("/v1/orgs/" + BROKEN_ORG + "/events", "Authorization", "Bearer " + TOKEN),
                http.get("/v1/orgs/o/events", "Authorization", "Bearer not-" + TOKEN),
                http.send("POST", "/v1/orgs/o/apps/a/webhooks", "{\"id\": [", "Authorization", "Bearer " + TOKEN),
                http.send("POST", "/v1/orgs/o/apps/a/webhooks", "{\"id\": 1}", "Authorization", "Bearer " + TOKEN),
                http.send("PUT", "/v1/orgs/o/events", null, "Authorization", "Bearer " + TOKEN),
                http.raw("GET /v1/orgs/%zz/events HTTP/1.1\r\nAuthorization: Bearer " + TOKEN),
                http.get("/nowhere", "Authorization", "Bearer " + TOKEN));

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.status()).isGreaterThanOrEqualTo(400);
            assertThat(answer.body())
                    .startsWith("{\"error\":\"ADAPTER-")
                    .doesNotContain(TOKEN, "Exception", "com.example", "org.openhumanitec", "java.", "\tat ");
        });
    }

    @Test
    void theAccessLog_hasOneLinePerRequest_withoutSecrets() throws InterruptedException {
        http.get("/v1/orgs/access-logged/events", "Authorization", "Bearer " + TOKEN);
        http.get("/v1/orgs/access-logged/events?token=" + TOKEN, "Authorization", "Bearer " + TOKEN);
        http.get("/v1/orgs/access-logged/events", "Authorization", "Bearer wrong-" + TOKEN);
        http.send(
                "POST",
                "/v1/orgs/access-logged/apps/a/webhooks",
                "{\"headers\":{\"X-Token\":\"" + TOKEN + "\"}}",
                "Authorization",
                "Bearer " + TOKEN);

        List<String> access = CapturedLogs.awaitTexts(ACCESS_LOG, line -> line.contains("/access-logged/"), 4);
        assertThat(access).hasSize(4);
        assertThat(access.get(0)).matches("GET /v1/orgs/access-logged/events 200 \\d+ms");
        assertThat(access.get(1)).matches("GET /v1/orgs/access-logged/events 200 \\d+ms");
        assertThat(access.get(2)).matches("GET /v1/orgs/access-logged/events 401 \\d+ms");
        assertThat(access.get(3)).matches("POST /v1/orgs/access-logged/apps/a/webhooks 400 \\d+ms");
        assertThat(CapturedLogs.lines())
                .allSatisfy(line -> assertThat(line.text()).doesNotContain(TOKEN));
    }

    @Test
    void withJettysHeaderLoggingAtDebug_theFaceRefusesToStart_namingTheLoggers() {
        RestFace face = new RestFace();
        CapturedLogs.everyLevel(logger -> true);
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> face.start(
                            LaunchOptions.parse(
                                    face.options(), new String[] {"--port", "0", "--auth-token", TOKEN}, Map.of()),
                            HumanitecSandbox.create()))
                    .isInstanceOf(org.openhumanitec.events.launcher.UsageException.class)
                    .hasMessageContaining("org.eclipse.jetty.http.HttpParser")
                    .hasMessageContaining("org.eclipse.jetty.io.SocketChannelEndPoint");
        } finally {
            CapturedLogs.everyLevel(logger -> false);
        }
    }

    @Test
    void atDebugAndTrace_everyOtherLogger_neverPrintsAToken() throws InterruptedException {
        // Every logger at TRACE, ours, the access log and the rest of Jetty's, but the two the face holds at WARN.
        CapturedLogs.everyLevel(logger -> !logger.equals("org.eclipse.jetty.http.HttpParser")
                && !logger.equals("org.eclipse.jetty.io.SocketChannelEndPoint"));
        try {
            http.get("/v1/orgs/my-org/events", "Authorization", "Bearer " + TOKEN);
            http.get("/v1/orgs/my-org/events", "Authorization", "Bearer wrong-" + TOKEN);
            http.send("TRACE", "/v1/orgs/my-org/events", null, "Authorization", "Bearer " + TOKEN);
            http.get("/v1/orgs/" + BROKEN_ORG + "/events", "Authorization", "Bearer " + TOKEN);
            CapturedLogs.awaitTexts(ACCESS_LOG, 4);
        } finally {
            CapturedLogs.everyLevel(logger -> false);
        }

        assertThat(CapturedLogs.lines()).extracting(CapturedLogs.Line::level).contains(org.slf4j.event.Level.DEBUG);
        assertThat(CapturedLogs.lines())
                .noneSatisfy(line -> assertThat(line.text()).contains(TOKEN));
    }
}
