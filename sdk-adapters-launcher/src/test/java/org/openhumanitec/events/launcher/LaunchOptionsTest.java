package org.openhumanitec.events.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LaunchOptionsTest {

    static final LaunchOption PORT = LaunchOption.value("--port", "TEST_PORT", "8080", "Port to listen on");
    static final LaunchOption HOST = LaunchOption.value("--host", "TEST_HOST", "127.0.0.1", "Address to listen on");
    static final LaunchOption SANDBOX = LaunchOption.flag("--sandbox", "TEST_SANDBOX", "Serve the sandbox");
    static final LaunchOption TOKEN = LaunchOption.secret("--auth-token", "TEST_TOKEN", "Token callers present");
    static final List<LaunchOption> ALL = List.of(HOST, PORT, SANDBOX, TOKEN);

    @Test
    void commandLineWinsOverEnvironmentWhichWinsOverDefaults() {
        LaunchOptions options = LaunchOptions.parse(
                ALL, new String[] {"--port", "9000"}, Map.of("TEST_PORT", "7000", "TEST_HOST", "::1"));

        assertThat(options.port(PORT)).isEqualTo(9000);
        assertThat(options.value(HOST)).isEqualTo("::1");
        assertThat(LaunchOptions.parse(ALL, new String[0], Map.of()).port(PORT)).isEqualTo(8080);
    }

    @Test
    void valuesMayFollowAnEqualsSign() {
        LaunchOptions options = LaunchOptions.parse(ALL, new String[] {"--host=0.0.0.0", "--sandbox"}, Map.of());

        assertThat(options.value(HOST)).isEqualTo("0.0.0.0");
        assertThat(options.isOn(SANDBOX)).isTrue();
        assertThat(options.value(TOKEN)).isNull();
    }

    @Test
    void switchesReadTrueAndFalseFromTheEnvironment() {
        assertThat(LaunchOptions.parse(ALL, new String[0], Map.of("TEST_SANDBOX", "yes"))
                        .isOn(SANDBOX))
                .isTrue();
        assertThat(LaunchOptions.parse(ALL, new String[0], Map.of("TEST_SANDBOX", "0"))
                        .isOn(SANDBOX))
                .isFalse();
        assertThat(LaunchOptions.parse(ALL, new String[] {"--sandbox=false"}, Map.of())
                        .isOn(SANDBOX))
                .isFalse();
        assertThatThrownBy(() -> LaunchOptions.parse(ALL, new String[0], Map.of("TEST_SANDBOX", "maybe")))
                .isInstanceOf(UsageException.class)
                .hasMessage("--sandbox is a switch: set TEST_SANDBOX to true or false");
    }

    @Test
    void unknownOptionsAndMissingValuesAreUsageErrors() {
        assertThatThrownBy(() -> LaunchOptions.parse(ALL, new String[] {"--prot", "1"}, Map.of()))
                .isInstanceOf(UsageException.class)
                .hasMessage("Unknown option '--prot'. Run with --help to list the options.");
        assertThatThrownBy(() -> LaunchOptions.parse(ALL, new String[] {"--port"}, Map.of()))
                .isInstanceOf(UsageException.class)
                .hasMessage("Option --port needs a value.");
    }

    @Test
    void portsMustBeNumbersInRange() {
        LaunchOptions options = LaunchOptions.parse(ALL, new String[] {"--port", "70000"}, Map.of());

        assertThatThrownBy(() -> options.port(PORT))
                .isInstanceOf(UsageException.class)
                .hasMessage("--port must be a port number from 0 to 65535, not '70000'");
        assertThat(LaunchOptions.parse(ALL, new String[] {"--port=0"}, Map.of()).port(PORT))
                .isZero();
    }

    @Test
    void helpListsEveryOptionWithItsVariableAndDefault() {
        assertThat(LaunchOptions.parse(ALL, new String[] {"-h"}, Map.of()).helpRequested())
                .isTrue();

        String help = LaunchOptions.help("java -jar x.jar", "Serves things.", ALL);

        assertThat(help)
                .startsWith("Usage: java -jar x.jar [options]\n\nServes things.\n")
                .contains("--port <value>" + " ".repeat(9) + "Port to listen on [env TEST_PORT] (default 8080)")
                .contains("--sandbox" + " ".repeat(14) + "Serve the sandbox [env TEST_SANDBOX]")
                .contains("--auth-token <secret>  Token callers present [env TEST_TOKEN]")
                .contains("-h, --help");
    }

    @Test
    void toStringHidesSecrets() {
        LaunchOptions options = LaunchOptions.parse(ALL, new String[] {"--auth-token", "s3cret-value"}, Map.of());

        assertThat(options.value(TOKEN)).isEqualTo("s3cret-value");
        assertThat(options.toString()).contains("--auth-token=<set>").doesNotContain("s3cret-value");
    }
}
