package org.openhumanitec.events.rest.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openhumanitec.events.launcher.EmbeddedServer;
import org.openhumanitec.events.launcher.LaunchOptions;
import org.openhumanitec.events.launcher.Launcher;
import org.openhumanitec.events.launcher.UsageException;
import org.openhumanitec.events.rest.Http;
import org.openhumanitec.events.rest.RecordingApi;

/** The standalone server's options, start-up and shutdown. */
class RestFaceTest {

    private final RestFace face = new RestFace();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private List<EmbeddedServer> launch(Map<String, String> env, String... args) {
        return Launcher.start(face, args, env, new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void help_listsEveryOptionWithItsVariableAndDefault() {
        assertThat(launch(Map.of(), "--help")).isEmpty();

        assertThat(printed())
                .startsWith("Usage: java -jar sdk-adapters-rest-")
                .contains("--host <value>", "[env HUMANITEC_REST_HOST]", "(default 127.0.0.1)")
                .contains("--port <value>", "[env HUMANITEC_REST_PORT]", "(default 8080)")
                .contains("--sandbox", "[env HUMANITEC_REST_SANDBOX]")
                .contains("--humanitec-url <value>", "[env HUMANITEC_API_URL]", "(default https://api.humanitec.io)")
                .contains("--auth-token <secret>", "[env HUMANITEC_REST_AUTH_TOKEN]")
                .contains("--pass-through-auth", "[env HUMANITEC_REST_PASS_THROUGH_AUTH]")
                .contains("--cors-origins <value>", "[env HUMANITEC_REST_CORS_ORIGINS]")
                .contains("--max-body-bytes <value>", "[env HUMANITEC_REST_MAX_BODY_BYTES]", "(default 1048576)")
                .contains("-h, --help");
    }

    @Test
    void sandbox_printsOneLineWithTheUrlAndServes() {
        List<EmbeddedServer> servers = launch(Map.of("HUMANITEC_REST_SANDBOX", "true"), "--port", "0");
        try {
            EmbeddedServer server = servers.get(0);
            assertThat(printed())
                    .isEqualTo("Humanitec REST adapter for the sandbox listening on http://127.0.0.1:" + server.port()
                            + "/v1" + System.lineSeparator());
            assertThat(new Http(server.uri()).get("/v1/orgs/o/events").status()).isEqualTo(200);
        } finally {
            servers.forEach(EmbeddedServer::close);
        }
    }

    @Test
    void aBackendTheCallerOwns_staysOpenWhenTheServerStops() {
        RecordingApi backend = new RecordingApi();
        LaunchOptions options = LaunchOptions.parse(face.options(), new String[] {"--port", "0"}, Map.of());

        try (EmbeddedServer server = face.start(options, backend)) {
            assertThat(new Http(server.uri()).get("/v1/orgs/o/events").status()).isEqualTo(200);
        }

        assertThat(backend.calls()).containsExactly("events [o]");
        assertThat(backend.isClosed()).isFalse();
    }

    @Test
    void theBodyLimit_isTheOption() {
        LaunchOptions options =
                LaunchOptions.parse(face.options(), new String[] {"--port", "0", "--max-body-bytes", "16"}, Map.of());

        try (EmbeddedServer server = face.start(options, new RecordingApi())) {
            Http http = new Http(server.uri());
            assertThat(http.send("POST", "/v1/orgs/o/apps/a/webhooks", "{\"id\":\"hook-1\"}")
                            .status())
                    .isEqualTo(201);
            assertThat(http.send("POST", "/v1/orgs/o/apps/a/webhooks", "{\"id\":\"hook-12345\"}")
                            .status())
                    .isEqualTo(413);
        }
    }

    @Test
    void gatewayWithoutAHumanitecToken_saysWhatToSet() {
        assertThatThrownBy(() -> launch(Map.of(), "--port", "0"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("HUMANITEC_API_KEY")
                .hasMessageContaining("--sandbox");
    }

    @ParameterizedTest(name = "--host {0}")
    @ValueSource(strings = {"0.0.0.0", "::"})
    void listeningBeyondLoopbackWithoutAToken_isRefusedSayingWhy(String host) {
        assertThatThrownBy(() -> launch(Map.of(), "--sandbox", "--host", host, "--port", "0"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("Refusing to listen on " + host)
                .hasMessageContaining("--auth-token")
                .hasMessageContaining("HUMANITEC_REST_AUTH_TOKEN");
    }

    @ParameterizedTest(name = "--max-body-bytes {0}")
    @ValueSource(strings = {"0", "-1", "lots", "67108865"})
    void aBodyLimitOutOfRange_isAUsageError(String value) {
        assertThatThrownBy(() -> launch(Map.of(), "--sandbox", "--port", "0", "--max-body-bytes", value))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith("--max-body-bytes must be a number of bytes from 1 to 67108864");
    }

    @ParameterizedTest(name = "--cors-origins {0}")
    @ValueSource(
            strings = {"*", "https://console.example.com/app", "console.example.com", "null", "ftp://x.example.com"})
    void anOriginThatIsNotOne_isAUsageError(String value) {
        assertThatThrownBy(() -> launch(Map.of(), "--sandbox", "--port", "0", "--cors-origins", value))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith("--cors-origins: '" + value + "' is not a CORS origin");
    }

    @Test
    void aBlankAuthToken_isAUsageError() {
        assertThatThrownBy(() -> launch(Map.of(), "--sandbox", "--port", "0", "--auth-token="))
                .isInstanceOf(UsageException.class)
                .hasMessage("--auth-token must not be blank.");
    }
}
