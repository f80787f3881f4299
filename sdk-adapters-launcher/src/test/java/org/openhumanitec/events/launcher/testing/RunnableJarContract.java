package org.openhumanitec.events.launcher.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openhumanitec.events.feign.HumanitecClient;
import org.openhumanitec.events.launcher.LaunchOption;
import org.openhumanitec.events.launcher.Launcher;

/**
 * What every face's runnable jar does, as an abstract JUnit 5 class its {@code RunnableJarIT} extends: it starts with
 * {@code java -jar} and nothing else, names its options in {@code --help}, exits 2 on a usage error, serves the sandbox
 * and exits 0 on SIGTERM; with {@code --log-format json} every line it logs is JSON, a failure's line names the
 * request id, and no token is ever logged. The hooks say how the face is called and what it logs.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
public abstract class RunnableJarContract {

    /** The request id the failing call sends, which its log lines must carry. */
    private static final String REQUEST_ID = "req-json-1";

    private static final String SERVER_TOKEN = "server-token-secret-0123";
    private static final String INBOUND_TOKEN = "inbound-secret-4567";

    private final Launcher.Face face;
    private final String faceName;
    private final String endpoint;
    private final String accessLogLineOfTheSandbox;

    /**
     * For a face's {@code RunnableJarIT}.
     *
     * @param face the face the jar runs: the jar's manifest names its class, {@code --help} names all its options
     *     with their environment variables, and the one of {@code --auth-token} carries the failing call's token
     * @param faceName the face's name in the start-up announcement, {@code REST} or {@code MCP}
     * @param endpoint the path the start-up announcement ends with, such as {@code /v1}
     * @param accessLogLineOfTheSandbox text of the access-log line that {@link #exerciseTheSandbox} leaves, such as
     *     {@code GET /v1/orgs/o/events 200}
     */
    protected RunnableJarContract(
            Launcher.Face face, String faceName, String endpoint, String accessLogLineOfTheSandbox) {
        this.face = face;
        this.faceName = faceName;
        this.endpoint = endpoint;
        this.accessLogLineOfTheSandbox = accessLogLineOfTheSandbox;
    }

    /**
     * Talks to the jar serving the sandbox with the face's own client and checks its answers.
     *
     * @param base the server's base URI, without the endpoint
     * @throws Exception if talking fails
     */
    protected abstract void exerciseTheSandbox(URI base) throws Exception;

    /**
     * Arguments the face needs beside the port, Humanitec's URL and the log format for {@link #makeTheFailingCall}.
     * None by default.
     *
     * @return for example {@code --stateless}
     */
    protected List<String> argumentsOfTheFailingCall() {
        return List.of();
    }

    /**
     * What Humanitec's answer that is not JSON makes the face log when {@link #makeTheFailingCall} reaches it.
     *
     * @return for example {@code /orgs/acme-corp/events}, {@code HumanitecRestServlet}, {@code listEvents failed: }
     *     and 502
     */
    protected abstract LoggedFailure failure();

    /**
     * Makes a call that fails because Humanitec's answer is not JSON, and checks the face's answer.
     *
     * @param base the server's base URI, without the endpoint
     * @param authorization the {@code Authorization} header to send
     * @param requestId the {@code X-Request-Id} header to send
     * @throws Exception if talking fails
     */
    protected abstract void makeTheFailingCall(URI base, String authorization, String requestId) throws Exception;

    @BeforeAll
    public static void onlyOnceTheJarIsBuilt() {
        RunnableJar.assumeBuilt();
    }

    @Test
    public void theJar_namesItsMainClassAndLogsWithLogback() throws Exception {
        RunnableJar.assertLaunchesWithLogback(face.getClass());
    }

    @Test
    public void help_printsTheOptionsAndExits0() throws Exception {
        RunnableJar.assertHelpNames(face.options().stream()
                .flatMap(option -> Stream.of(option.name(), option.environmentVariable()))
                .filter(Objects::nonNull)
                .toArray(String[]::new));
    }

    @Test
    public void aUsageError_exits2WithAOneLineMessage() throws Exception {
        RunnableJar.assertUsageErrorExits2();
    }

    @Test
    public void theSandbox_startsOnAFreePort_servesAndExits0OnSigterm() throws Exception {
        RunnableJar.assertServesTheSandboxUntilSigterm(
                faceName, endpoint, this::exerciseTheSandbox, accessLogLineOfTheSandbox);
    }

    @Test
    public void jsonLogs_everyLineIsAJsonObject_theFailureNamesTheRequestId_andNoTokenIsLogged() throws Exception {
        LoggedFailure failure = failure();
        WireMockServer humanitec =
                new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        humanitec.start();
        try {
            humanitec.stubFor(get(urlPathEqualTo(failure.humanitecPath())).willReturn(okJson("[{not json")));
            List<String> args = new ArrayList<>(argumentsOfTheFailingCall());
            args.addAll(List.of(
                    "--port", "0", "--humanitec-url", "http://127.0.0.1:" + humanitec.port(), "--log-format", "json"));
            String log = RunnableJar.logOf(
                    endpoint,
                    Map.of(HumanitecClient.ENV_API_KEY, SERVER_TOKEN, authTokenVariable(), INBOUND_TOKEN),
                    base -> makeTheFailingCall(base, "Bearer " + INBOUND_TOKEN, REQUEST_ID),
                    args.toArray(String[]::new));

            List<JsonNode> lines = RunnableJar.jsonLines(log);
            assertThat(lines).anySatisfy(line -> {
                assertThat(line.path("level").asText()).isEqualTo("WARN");
                assertThat(line.path("loggerName").asText()).endsWith(failure.logger());
                assertThat(line.path("formattedMessage").asText()).startsWith(failure.message());
                assertThat(line.path("mdc").path("requestId").asText()).isEqualTo(REQUEST_ID);
            });
            assertThat(lines).anySatisfy(line -> {
                assertThat(line.path("logger").asText()).isEqualTo("org.openhumanitec.events.access");
                assertThat(line.path("requestId").asText()).isEqualTo(REQUEST_ID);
                assertThat(line.path("status").asInt()).isEqualTo(failure.accessStatus());
            });
            assertThat(log).doesNotContain(SERVER_TOKEN, INBOUND_TOKEN);
        } finally {
            humanitec.stop();
        }
    }

    /**
     * The face's {@code deploy/<face>/Dockerfile}, rehearsed without a container engine (none runs where the tests
     * do): the image is made of this jar, started as its {@code ENTRYPOINT} says by a numeric non-root user, with
     * environment variables the face knows; run with the image's environment it picks up the JVM options, refuses
     * to listen on every interface without an inbound token, and with one (on loopback and a free port here, as tests
     * must) its {@code HEALTHCHECK} command passes.
     */
    @Test
    public void theDockerfile_runsThisJarAsItsEntrypointSays_andItsHealthCheckPasses() throws Exception {
        Dockerfile image = Dockerfile.read(Path.of("..", "deploy", faceName.toLowerCase(Locale.ROOT), "Dockerfile"));
        Map<String, String> environment = image.environment();
        String port = environment.get(variableOf("--port"));
        assertThat(port)
                .as("the port the image sets in %s", variableOf("--port"))
                .isNotNull();

        assertThat(Path.of("..", image.copySource()).toRealPath())
                .isEqualTo(RunnableJar.path().toRealPath());
        assertThat(image.entrypoint()).containsExactly("java", "-jar", image.copyTarget());
        assertThat(image.user()).matches("[1-9][0-9]*:[1-9][0-9]*");
        assertThat(image.exposedPort()).isEqualTo(Integer.parseInt(port));
        assertThat(image.healthCheck()).contains("http://127.0.0.1:" + port + "/healthz");
        assertThat(environment.keySet().stream().filter(name -> name.startsWith("HUMANITEC_")))
                .isNotEmpty()
                .isSubsetOf(face.options().stream()
                        .map(LaunchOption::environmentVariable)
                        .filter(Objects::nonNull)
                        .toList());
        assertThat(environment.get(variableOf("--host"))).isEqualTo("0.0.0.0");

        ProcessBuilder withoutInboundToken = RunnableJar.javaJar();
        withoutInboundToken.environment().putAll(environment);
        withoutInboundToken.environment().put(HumanitecClient.ENV_API_KEY, SERVER_TOKEN);
        RunnableJar.Finished refused = RunnableJar.finish(withoutInboundToken.start());
        assertThat(refused.status()).isEqualTo(2);
        assertThat(refused.errors())
                .contains("Picked up JDK_JAVA_OPTIONS: " + environment.get("JDK_JAVA_OPTIONS"))
                .contains("Refusing to listen on 0.0.0.0 without an inbound token", authTokenVariable());

        assumeTrue(Files.isExecutable(Path.of("/usr/bin/curl")), "the health check runs curl, as the image does");
        Map<String, String> onLoopback = new HashMap<>(environment);
        onLoopback.put(variableOf("--host"), "127.0.0.1");
        onLoopback.put(variableOf("--port"), "0");
        onLoopback.put(HumanitecClient.ENV_API_KEY, SERVER_TOKEN);
        onLoopback.put(authTokenVariable(), INBOUND_TOKEN);
        RunnableJar.logOf(endpoint, onLoopback, base -> {
            String healthCheck = image.healthCheck().replace("127.0.0.1:" + port, base.getAuthority());
            Process check = new ProcessBuilder("/bin/sh", "-c", healthCheck)
                    .redirectErrorStream(true)
                    .start();
            assertThat(check.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(check.exitValue()).as(healthCheck).isZero();
        });
    }

    private String authTokenVariable() {
        return variableOf("--auth-token");
    }

    private String variableOf(String option) {
        return face.options().stream()
                .filter(launchOption -> launchOption.name().equals(option))
                .map(LaunchOption::environmentVariable)
                .filter(Objects::nonNull)
                .findFirst()
                .orElseThrow(() -> new AssertionError(faceName + " has no environment variable for " + option));
    }

    /**
     * What a face logs when Humanitec's answer is not JSON.
     *
     * @param humanitecPath the path of Humanitec's API the failing call reaches
     * @param logger the simple name of the class that logs the failure at WARN
     * @param message how the failure's log message starts
     * @param accessStatus the HTTP status the access log gives the failing call
     */
    public record LoggedFailure(String humanitecPath, String logger, String message, int accessStatus) {}
}
