package org.openhumanitec.events.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhumanitec.events.api.HumanitecEventApi;

/**
 * The company-network options of every face: they reach the client to Humanitec as the SDK's variables would,
 * the command line winning, and a wrong value is reported under the option's name.
 */
class NetworkOptionsTest {

    private static final FaceOptions FACE = FaceOptions.forFace("HUMANITEC_TEST", 8080);
    private static final Map<String, String> TOKEN = Map.of("HUMANITEC_API_KEY", "server-secret-1");

    private static String opened(Map<String, String> environment, String... args) {
        LaunchOptions options = LaunchOptions.parse(FACE.all(), args, environment);
        try (HumanitecEventApi backend = Backends.open(options, FACE, environment)) {
            return backend.toString();
        }
    }

    private static Map<String, String> with(String name, String value) {
        return Map.of("HUMANITEC_API_KEY", "server-secret-1", name, value);
    }

    @Test
    void proxy_fromTheFlag_winsOverTheVariables_andItsCredentialsNeverShow() {
        String described = opened(
                with("HTTPS_PROXY", "http://env-proxy.example:8080"),
                "--proxy",
                "http://jane:proxy-secret@flag-proxy.example:3128");
        assertThat(described)
                .contains("proxy=http://<credentials>@flag-proxy.example:3128")
                .doesNotContain("proxy-secret")
                .doesNotContain("jane");
        assertThat(LaunchOptions.parse(FACE.all(), new String[] {"--proxy", "http://jane:proxy-secret@p:1"}, Map.of())
                        .toString())
                .doesNotContain("proxy-secret");
    }

    @Test
    void proxy_fromHttpsProxy_andNoProxyFromTheFlag() {
        assertThat(opened(with("HTTPS_PROXY", "env-proxy.example:8080")))
                .contains("proxy=http://env-proxy.example:8080");
        assertThat(opened(with("HTTPS_PROXY", "env-proxy.example:8080"), "--no-proxy", ".humanitec.io"))
                .contains("proxy=none (.humanitec.io)");
        assertThat(opened(
                        Map.of(
                                "HUMANITEC_API_KEY", "k",
                                "HTTPS_PROXY", "env-proxy.example:8080",
                                "no_proxy", "humanitec.io"),
                        "--no-proxy",
                        "other.example"))
                .contains("proxy=http://env-proxy.example:8080");
    }

    @Test
    void wrongValues_areReportedUnderTheOptionsName(@TempDir Path directory) {
        Path missing = directory.resolve("missing.pem");
        assertThatThrownBy(() -> opened(TOKEN, "--ca-bundle", missing.toString()))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith("--ca-bundle (HUMANITEC_CA_BUNDLE) '" + missing + "' cannot be read");
        assertThatThrownBy(() -> opened(TOKEN, "--client-cert", missing.toString()))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith("--client-cert (HUMANITEC_CLIENT_CERT) '" + missing + "' cannot be read");
        assertThatThrownBy(() -> opened(TOKEN, "--proxy", "socks5://user:hunter2@p.example"))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith("--proxy (HUMANITEC_PROXY) must be an http:// proxy")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> opened(with("HTTPS_PROXY", "p.example"), "--no-proxy", "host.example:443"))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith("--no-proxy (HUMANITEC_NO_PROXY) entry 'host.example:443'");
        assertThatThrownBy(() -> opened(with("HTTPS_PROXY", "socks5://p.example")))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith("HTTPS_PROXY must be an http:// proxy");
    }

    @Test
    void theSandbox_ignoresThem() {
        assertThat(opened(Map.of(), "--sandbox", "--ca-bundle", "/nowhere.pem")).doesNotContain("nowhere");
    }
}
