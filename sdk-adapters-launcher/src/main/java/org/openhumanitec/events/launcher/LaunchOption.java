package org.openhumanitec.events.launcher;

import java.util.Objects;

/**
 * One option of a launcher: settable on the command line ({@code --port 9090} or {@code --port=9090}) or by an
 * environment variable, with a default. The command line wins over the environment.
 *
 * @param name the option as typed, for example {@code --port}
 * @param environmentVariable the environment variable that sets it, or null for none
 * @param defaultValue the value when neither sets it, or null for none
 * @param flag whether the option is a switch that takes no value ({@code --sandbox})
 * @param secret whether the value must never be shown (tokens)
 * @param description one line for {@code --help}
 */
public record LaunchOption(
        String name,
        String environmentVariable,
        String defaultValue,
        boolean flag,
        boolean secret,
        String description) {

    /**
     * Checks the components.
     *
     * @param name the option as typed
     * @param environmentVariable the environment variable, or null
     * @param defaultValue the default, or null
     * @param flag whether it is a switch
     * @param secret whether the value is secret
     * @param description the help line
     */
    public LaunchOption {
        Objects.requireNonNull(name, "name must not be null");
        if (!name.startsWith("--")) {
            throw new IllegalArgumentException("option names start with --: " + name);
        }
        Objects.requireNonNull(description, "description must not be null");
    }

    /**
     * An option that takes a value.
     *
     * @param name the option as typed, for example {@code --port}
     * @param environmentVariable the environment variable that sets it, or null
     * @param defaultValue the default, or null
     * @param description one line for {@code --help}
     * @return the option
     */
    public static LaunchOption value(String name, String environmentVariable, String defaultValue, String description) {
        return new LaunchOption(name, environmentVariable, defaultValue, false, false, description);
    }

    /**
     * An option that takes a secret value, never shown in help or messages.
     *
     * @param name the option as typed, for example {@code --auth-token}
     * @param environmentVariable the environment variable that sets it, or null
     * @param description one line for {@code --help}
     * @return the option
     */
    public static LaunchOption secret(String name, String environmentVariable, String description) {
        return new LaunchOption(name, environmentVariable, null, false, true, description);
    }

    /**
     * A switch: present means on. Its environment variable takes {@code true}/{@code false} (also {@code 1}/{@code 0},
     * {@code yes}/{@code no}).
     *
     * @param name the option as typed, for example {@code --sandbox}
     * @param environmentVariable the environment variable that sets it, or null
     * @param description one line for {@code --help}
     * @return the option
     */
    public static LaunchOption flag(String name, String environmentVariable, String description) {
        return new LaunchOption(name, environmentVariable, null, true, false, description);
    }

    /**
     * An option that bounds the size of a request body, in bytes; read it with {@link LaunchOptions#bytes}.
     *
     * @param name the option as typed, for example {@code --max-body-bytes}
     * @param environmentVariable the environment variable that sets it, or null
     * @param defaultBytes the limit when neither sets it
     * @return the option
     */
    public static LaunchOption bodyBytes(String name, String environmentVariable, int defaultBytes) {
        return value(
                name,
                environmentVariable,
                Integer.toString(defaultBytes),
                "Largest request body accepted, in bytes; a larger one gets 413");
    }
}
