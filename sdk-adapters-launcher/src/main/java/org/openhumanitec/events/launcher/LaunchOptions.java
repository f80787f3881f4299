package org.openhumanitec.events.launcher;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/** The values of a launcher's options, read from the command line, else the environment, else the defaults. */
public final class LaunchOptions {

    private final Map<String, String> values;
    private final Set<String> secrets;
    private final boolean helpRequested;

    private LaunchOptions(Map<String, String> values, Set<String> secrets, boolean helpRequested) {
        this.values = values;
        this.secrets = secrets;
        this.helpRequested = helpRequested;
    }

    /**
     * Reads the options.
     *
     * @param options the options the launcher knows
     * @param args the command line
     * @param environment the environment, usually {@link System#getenv()}
     * @return the values
     * @throws UsageException for an unknown option, a missing value, or a switch set to something other than
     *     true or false
     */
    public static LaunchOptions parse(List<LaunchOption> options, String[] args, Map<String, String> environment) {
        Map<String, LaunchOption> byName = new HashMap<>();
        options.forEach(option -> byName.put(option.name(), option));
        Map<String, String> values = new LinkedHashMap<>();
        for (LaunchOption option : options) {
            String fromEnvironment =
                    option.environmentVariable() == null ? null : environment.get(option.environmentVariable());
            if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
                values.put(option.name(), option.flag() ? parseSwitch(option, fromEnvironment) : fromEnvironment);
            } else if (option.defaultValue() != null) {
                values.put(option.name(), option.defaultValue());
            }
        }
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
                continue;
            }
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg : arg.substring(0, equals);
            LaunchOption option = byName.get(name);
            if (option == null) {
                throw new UsageException("Unknown option '" + name + "'. Run with --help to list the options.");
            }
            if (option.flag()) {
                values.put(name, equals < 0 ? "true" : parseSwitch(option, arg.substring(equals + 1)));
            } else if (equals >= 0) {
                values.put(name, arg.substring(equals + 1));
            } else if (i + 1 < args.length) {
                values.put(name, args[++i]);
            } else {
                throw new UsageException("Option " + name + " needs a value.");
            }
        }
        Set<String> secrets = new HashSet<>();
        options.stream().filter(LaunchOption::secret).forEach(option -> secrets.add(option.name()));
        return new LaunchOptions(values, secrets, help);
    }

    private static String parseSwitch(LaunchOption option, String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> "true";
            case "false", "0", "no", "off" -> "false";
            default ->
                throw new UsageException(option.name() + " is a switch: set "
                        + (option.environmentVariable() == null ? "it" : option.environmentVariable())
                        + " to true or false");
        };
    }

    /**
     * Whether {@code --help} or {@code -h} was given.
     *
     * @return true if help was asked for
     */
    public boolean helpRequested() {
        return helpRequested;
    }

    /**
     * The value of an option that takes one.
     *
     * @param option the option
     * @return the value, or null when it is not set and has no default
     */
    public String value(LaunchOption option) {
        return values.get(option.name());
    }

    /**
     * Whether a switch is on.
     *
     * @param option the switch
     * @return true if it was given or set to true
     */
    public boolean isOn(LaunchOption option) {
        return "true".equals(values.get(option.name()));
    }

    /**
     * The value of an option that holds a TCP port.
     *
     * @param option the option
     * @return the port, 0 to 65535 (0 picks a free port)
     * @throws UsageException if the value is not such a number
     */
    public int port(LaunchOption option) {
        String text = value(option);
        try {
            int port = Integer.parseInt(text == null ? "" : text.trim());
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(option.name() + " must be a port number from 0 to 65535, not '" + text + "'");
    }

    /**
     * The value of an option that holds a whole number within bounds.
     *
     * @param option the option
     * @param min the smallest value allowed
     * @param max the largest value allowed
     * @param unit what the number counts, for the message, such as {@code seconds}
     * @return the number
     * @throws UsageException naming the option and the bounds if the value is not such a number
     */
    public int number(LaunchOption option, int min, int max, String unit) {
        String text = value(option);
        try {
            int number = Integer.parseInt(text == null ? "" : text.trim());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(option.name() + " must be a number of " + unit + " from " + min + " to " + max
                + ", not '" + text + "'");
    }

    /**
     * The value of a {@linkplain LaunchOption#bodyBytes body size} option.
     *
     * @param option the option
     * @param max the largest value allowed
     * @return the number of bytes, from 1 to {@code max}
     * @throws UsageException naming the option and the bounds if the value is not such a number
     */
    public int bytes(LaunchOption option, int max) {
        return number(option, 1, max, "bytes");
    }

    /**
     * The items of a comma-separated option, without blanks around them and without empty ones.
     *
     * @param option the option
     * @return the items in the order given; empty when the option is not set
     */
    public List<String> list(LaunchOption option) {
        String text = value(option);
        List<String> items = new ArrayList<>();
        if (text != null) {
            for (String item : text.split(",")) {
                if (!item.isBlank()) {
                    items.add(item.strip());
                }
            }
        }
        return List.copyOf(items);
    }

    /**
     * The help text: a usage line, a summary, and every option with its environment variable and default.
     *
     * @param command how the launcher is started, for example {@code java -jar sdk-adapters-rest.jar}
     * @param summary what the launcher does, one or two sentences
     * @param options the options it knows
     * @return the text, ending with a newline
     */
    public static String help(String command, String summary, List<LaunchOption> options) {
        StringBuilder out = new StringBuilder()
                .append("Usage: ")
                .append(command)
                .append(" [options]\n\n")
                .append(summary)
                .append("\n\nOptions (each also settable by the environment variable shown):\n");
        int width = "-h, --help".length();
        for (LaunchOption option : options) {
            width = Math.max(width, label(option).length());
        }
        for (LaunchOption option : options) {
            out.append("  ").append(pad(label(option), width)).append("  ").append(option.description());
            if (option.environmentVariable() != null) {
                out.append(" [env ").append(option.environmentVariable()).append(']');
            }
            if (option.defaultValue() != null) {
                out.append(" (default ").append(option.defaultValue()).append(')');
            }
            out.append('\n');
        }
        return out.append("  ")
                .append(pad("-h, --help", width))
                .append("  Show this help and exit\n")
                .toString();
    }

    private static String label(LaunchOption option) {
        return option.flag() ? option.name() : option.name() + " <" + (option.secret() ? "secret" : "value") + ">";
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }

    /** Lists the options that are set, showing secret values as {@code <set>}. */
    @Override
    public String toString() {
        StringJoiner out = new StringJoiner(", ", "{", "}");
        values.forEach((name, value) -> out.add(name + "=" + (secrets.contains(name) ? "<set>" : value)));
        return out.toString();
    }
}
