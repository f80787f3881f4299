package org.openhumanitec.events.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openhumanitec.events.api.HumanitecEventApi;
import org.openhumanitec.events.feign.HumanitecClient;
import org.openhumanitec.events.feign.TokenlessHumanitecClient;
import org.openhumanitec.events.sandbox.HumanitecSandbox;

class BackendsTest {

    private static final FaceOptions FACE = FaceOptions.forFace("HUMANITEC_TEST", 8080);

    private static LaunchOptions parse(Map<String, String> environment, String... args) {
        return LaunchOptions.parse(FACE.all(), args, environment);
    }

    @Test
    void forFace_namesTheVariablesAfterTheFaceAndKeepsTheSdksUrlVariable() {
        assertThat(FACE.all())
                .extracting(LaunchOption::environmentVariable)
                .containsExactly(
                        "HUMANITEC_TEST_HOST",
                        "HUMANITEC_TEST_PORT",
                        "HUMANITEC_TEST_SANDBOX",
                        "HUMANITEC_API_URL",
                        "HUMANITEC_TEST_AUTH_TOKEN",
                        "HUMANITEC_TEST_REQUEST_READ_TIMEOUT",
                        "HUMANITEC_TEST_MAX_CONNECTIONS",
                        "HUMANITEC_PROXY",
                        "HUMANITEC_NO_PROXY",
                        "HUMANITEC_CA_BUNDLE",
                        "HUMANITEC_CA_BUNDLE_ONLY",
                        "HUMANITEC_CLIENT_CERT",
                        "HUMANITEC_CLIENT_KEY",
                        "HUMANITEC_CLIENT_KEY_PASSWORD");
        LaunchOptions defaults = parse(Map.of());
        assertThat(defaults.value(FACE.host())).isEqualTo("127.0.0.1");
        assertThat(defaults.port(FACE.port())).isEqualTo(8080);
        assertThat(defaults.value(FACE.humanitecUrl())).isEqualTo("https://api.humanitec.io");
        assertThat(FACE.authToken().secret()).isTrue();
        assertThat(FACE.connectionLimits(defaults)).isEqualTo(ConnectionLimits.DEFAULTS);
    }

    @Test
    void connectionLimits_areReadFromTheOptions_andRefusedOutOfBounds_namingTheOption() {
        assertThat(FACE.connectionLimits(
                        parse(Map.of("HUMANITEC_TEST_MAX_CONNECTIONS", "7"), "--request-read-timeout", "5")))
                .isEqualTo(new ConnectionLimits(java.time.Duration.ofSeconds(5), 7));
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> FACE.connectionLimits(parse(Map.of(), "--request-read-timeout", "0")))
                .isInstanceOf(UsageException.class)
                .hasMessage("--request-read-timeout must be a number of seconds from 1 to 3600, not '0'");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> FACE.connectionLimits(parse(Map.of(), "--max-connections", "many")))
                .isInstanceOf(UsageException.class)
                .hasMessage("--max-connections must be a number of connections from 1 to 100000, not 'many'");
    }

    @Test
    void open_sandboxNeedsNoToken() {
        LaunchOptions options = parse(Map.of(), "--sandbox");
        try (HumanitecEventApi backend = Backends.open(options, FACE, Map.of())) {
            assertThat(backend).isInstanceOf(HumanitecSandbox.class);
            assertThat(Backends.describe(backend, options, FACE)).isEqualTo("the sandbox");
            assertThat(backend.events().list("any-org")).hasSize(4);
        }
    }

    @Test
    void open_humanitecTakesTheServersTokenAndNeverShowsIt() {
        Map<String, String> environment = Map.of("HUMANITEC_API_KEY", "server-secret-1");
        LaunchOptions options = parse(environment, "--humanitec-url", "http://127.0.0.1:9/v1");
        try (HumanitecEventApi backend = Backends.open(options, FACE, environment)) {
            assertThat(backend).isInstanceOf(HumanitecClient.class);
            assertThat(Backends.describe(backend, options, FACE)).isEqualTo("http://127.0.0.1:9/v1");
            assertThat(backend.toString()).doesNotContain("server-secret-1");
        }
    }

    @Test
    void open_withoutATokenSuggestsTheSandbox() {
        assertThatThrownBy(() -> Backends.open(parse(Map.of()), FACE, Map.of()))
                .isInstanceOf(UsageException.class)
                .hasMessage("No Humanitec token: set HUMANITEC_API_KEY (or HUMANITEC_TOKEN), or run with --sandbox"
                        + " to serve the in-memory sandbox");
    }

    @Test
    void open_aMalformedUrlNamesTheOption() {
        Map<String, String> environment = Map.of("HUMANITEC_TOKEN", "server-secret-2");
        assertThatThrownBy(() -> Backends.open(parse(environment, "--humanitec-url=ftp://x"), FACE, environment))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith("--humanitec-url 'ftp://x'")
                .hasMessageNotContaining("server-secret-2");
    }

    @Test
    void open_aTokenAHeaderCannotCarryIsReportedWithoutShowingIt() {
        Map<String, String> environment = Map.of("HUMANITEC_API_KEY", "bad secret");
        assertThatThrownBy(() -> Backends.open(parse(environment), FACE, environment))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith("HUMANITEC_API_KEY has a character")
                .hasMessageNotContaining("bad secret");
    }

    @Test
    void openWithoutToken_needsNoServerToken() {
        try (TokenlessHumanitecClient client = Backends.openWithoutToken(parse(Map.of()), FACE, Map.of())) {
            assertThat(client.withToken("caller-token")).isNotNull();
        }
    }
}
