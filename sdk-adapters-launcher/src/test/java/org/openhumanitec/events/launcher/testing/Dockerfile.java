package org.openhumanitec.events.launcher.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a face's {@code deploy/<face>/Dockerfile} says, read for tests that rehearse its image where no container
 * engine runs: the instructions the project's Dockerfiles use ({@code ARG}, {@code COPY}, {@code ENV},
 * {@code USER}, {@code EXPOSE}, {@code HEALTHCHECK}, {@code ENTRYPOINT}), with {@code ${ARG}} references in
 * {@code COPY} replaced by the arguments' defaults. Not a general Dockerfile parser: an instruction it does not
 * know is ignored, and the tests check what it read.
 *
 * @param copySource the jar {@code COPY} takes from the build context (the repository's root)
 * @param copyTarget where {@code COPY} puts it in the image
 * @param environment the {@code ENV} variables, in order
 * @param user the {@code USER}
 * @param exposedPort the {@code EXPOSE}d port
 * @param healthCheck the {@code HEALTHCHECK}'s command (after {@code CMD}), as the shell would run it
 * @param entrypoint the {@code ENTRYPOINT}, in exec form
 */
public record Dockerfile(
        String copySource,
        String copyTarget,
        Map<String, String> environment,
        String user,
        int exposedPort,
        String healthCheck,
        List<String> entrypoint) {

    private static final Pattern ARG = Pattern.compile("(\\w+)=(\\S+)");
    private static final Pattern ENV = Pattern.compile("(\\w+)=(\"([^\"]*)\"|\\S+)");
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{(\\w+)}");
    private static final Pattern EXEC_FORM = Pattern.compile("\"([^\"]*)\"");

    /**
     * Reads a Dockerfile.
     *
     * @param path the file
     * @return what it says
     * @throws IOException if it cannot be read
     * @throws IllegalArgumentException if it lacks one of the instructions above
     */
    public static Dockerfile read(Path path) throws IOException {
        Map<String, String> arguments = new LinkedHashMap<>();
        Map<String, String> environment = new LinkedHashMap<>();
        String copy = null;
        String user = null;
        String expose = null;
        String healthCheck = null;
        List<String> entrypoint = new ArrayList<>();
        for (String instruction : instructions(Files.readString(path))) {
            String[] keywordAndRest = instruction.split("\\s+", 2);
            String rest = keywordAndRest.length > 1 ? keywordAndRest[1] : "";
            switch (keywordAndRest[0]) {
                case "ARG" -> {
                    Matcher argument = ARG.matcher(rest);
                    if (argument.matches()) {
                        arguments.put(argument.group(1), argument.group(2));
                    }
                }
                case "COPY" -> copy = rest;
                case "ENV" -> {
                    Matcher variable = ENV.matcher(rest);
                    while (variable.find()) {
                        environment.put(
                                variable.group(1), variable.group(3) != null ? variable.group(3) : variable.group(2));
                    }
                }
                case "USER" -> user = rest;
                case "EXPOSE" -> expose = rest;
                case "HEALTHCHECK" -> healthCheck = rest.substring(rest.indexOf("CMD ") + "CMD ".length());
                case "ENTRYPOINT" -> {
                    Matcher word = EXEC_FORM.matcher(rest);
                    while (word.find()) {
                        entrypoint.add(word.group(1));
                    }
                }
                default -> {}
            }
        }
        if (copy == null || user == null || expose == null || healthCheck == null || entrypoint.isEmpty()) {
            throw new IllegalArgumentException(path + " lacks COPY, USER, EXPOSE, HEALTHCHECK or ENTRYPOINT");
        }
        String[] copied = expand(copy, arguments).split("\\s+");
        return new Dockerfile(
                copied[0],
                copied[1],
                environment,
                user,
                Integer.parseInt(expose),
                healthCheck,
                List.copyOf(entrypoint));
    }

    /** The instructions, one per element: comments dropped, lines continued with a backslash joined. */
    private static List<String> instructions(String text) {
        List<String> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n")) {
            String stripped = line.strip();
            if (stripped.startsWith("#") || (stripped.isEmpty() && current.length() == 0)) {
                continue;
            }
            boolean continued = stripped.endsWith("\\");
            current.append(continued ? stripped.substring(0, stripped.length() - 1) : stripped)
                    .append(' ');
            if (!continued) {
                instructions.add(current.toString().strip());
                current.setLength(0);
            }
        }
        return instructions;
    }

    private static String expand(String text, Map<String, String> arguments) {
        Matcher reference = REFERENCE.matcher(text);
        StringBuilder expanded = new StringBuilder();
        while (reference.find()) {
            String value = arguments.get(reference.group(1));
            if (value == null) {
                throw new IllegalArgumentException("no ARG default for ${" + reference.group(1) + "}");
            }
            reference.appendReplacement(expanded, Matcher.quoteReplacement(value));
        }
        return reference.appendTail(expanded).toString();
    }
}
