package org.openhumanitec.events.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.http.HttpServlet;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LauncherTest {

    private static final LaunchOption PORT = LaunchOption.value("--port", "FACE_PORT", "0", "Port");

    private static final Launcher.Face FACE = new Launcher.Face() {
        @Override
        public String command() {
            return "java -jar face.jar";
        }

        @Override
        public String summary() {
            return "A face for tests.";
        }

        @Override
        public List<LaunchOption> options() {
            return List.of(PORT);
        }

        @Override
        public List<EmbeddedServer> start(LaunchOptions options, Map<String, String> environment) {
            return List.of(EmbeddedServer.builder("face")
                    .label("Test face", "/v1")
                    .port(options.port(PORT))
                    .servlet(
                            "/*",
                            new HttpServlet() {
                                private static final long serialVersionUID = 1L;
                            },
                            false)
                    .start());
        }
    };

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void start_printsOneLinePerServer() {
        List<EmbeddedServer> servers =
                Launcher.start(FACE, new String[0], Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertThat(printed())
                    .isEqualTo("Test face listening on http://127.0.0.1:"
                            + servers.get(0).port() + "/v1" + System.lineSeparator());
        } finally {
            servers.forEach(EmbeddedServer::close);
        }
    }

    @Test
    void start_printsTheNextStepsAfterTheStartUpLines() {
        Launcher.Face greeting = new Launcher.Face() {
            @Override
            public String command() {
                return FACE.command();
            }

            @Override
            public String summary() {
                return FACE.summary();
            }

            @Override
            public List<LaunchOption> options() {
                return FACE.options();
            }

            @Override
            public List<EmbeddedServer> start(LaunchOptions options, Map<String, String> environment) {
                return FACE.start(options, environment);
            }

            @Override
            public String nextSteps(List<EmbeddedServer> servers) {
                return "Try: curl " + servers.get(0).uri() + "\n";
            }
        };
        List<EmbeddedServer> servers =
                Launcher.start(greeting, new String[0], Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertThat(printed())
                    .endsWith(System.lineSeparator() + "Try: curl "
                            + servers.get(0).uri() + "\n")
                    .startsWith("Test face listening on ");
        } finally {
            servers.forEach(EmbeddedServer::close);
        }
    }

    @Test
    void help_printsUsageAndStartsNothing() {
        List<EmbeddedServer> servers = Launcher.start(
                FACE, new String[] {"--help"}, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(servers).isEmpty();
        assertThat(printed()).startsWith("Usage: java -jar face.jar [options]").contains("[env FACE_PORT]");
    }

    @Test
    void usageErrorsPropagate() {
        assertThatThrownBy(() -> Launcher.start(
                        FACE,
                        new String[] {"--port", "x"},
                        Map.of(),
                        new PrintStream(out, true, StandardCharsets.UTF_8)))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith("--port must be a port number");
    }
}
