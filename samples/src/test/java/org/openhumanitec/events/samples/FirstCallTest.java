package org.openhumanitec.events.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openhumanitec.events.launcher.EmbeddedServer;
import org.openhumanitec.events.launcher.LaunchOptions;
import org.openhumanitec.events.rest.server.RestFace;
import org.openhumanitec.events.sandbox.HumanitecSandbox;

/**
 * The README's first call works as a program of its own, configured only by its environment, as the README says:
 * here {@code HUMANITEC_API_URL} points at the REST face over the sandbox instead of Humanitec.
 */
class FirstCallTest {

    @Test
    void createsTheWebhook_thenReportsTheConflict() throws Exception {
        RestFace face = new RestFace();
        try (HumanitecSandbox sandbox = HumanitecSandbox.create();
                EmbeddedServer rest = face.start(
                        LaunchOptions.parse(
                                face.options(), new String[] {"--port", "0", "--auth-token", "t0ken"}, Map.of()),
                        sandbox)) {
            Map<String, String> environment =
                    Map.of("HUMANITEC_API_KEY", "t0ken", "HUMANITEC_API_URL", rest.uri() + "/v1");

            assertThat(run(environment)).startsWith("created deploy-notifier at 20");
            assertThat(run(environment)).startsWith("already there: ");
            assertThat(sandbox.webhooks()
                            .get("my-org", "my-app", "deploy-notifier")
                            .url())
                    .isEqualTo("https://hooks.example.com/humanitec");
        }
    }

    private static String run(Map<String, String> environment) throws Exception {
        ProcessBuilder java = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        FirstCall.class.getName())
                .redirectErrorStream(true);
        java.environment().keySet().removeIf(name -> name.startsWith("HUMANITEC_"));
        java.environment().putAll(environment);
        Process process = java.start();
        String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(printed).isZero();
        return printed.strip();
    }
}
