package org.openhumanitec.events.launcher.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;

/**
 * A program's runnable jar in its {@code *IT} tests: the root pom's {@code runnable-jar} profile builds it in
 * {@code package} and names it in the system property {@value #PROPERTY} for the tests of {@code integration-test}.
 * Shared by the faces and the demo through this module's test jar.
 */
public final class RunnableJar {

    /** The system property naming the jar. */
    public static final String PROPERTY = "runnable.jar";

    private RunnableJar() {}

    /** Skips the calling test class unless the jar is built: a focused {@code -Dtest} run names none. */
    public static void assumeBuilt() {
        assumeTrue(
                System.getProperty(PROPERTY) != null,
                "runs in the integration-test phase, once the runnable-jar profile has built the jar");
    }

    /**
     * The jar.
     *
     * @return its path
     */
    public static Path path() {
        return Path.of(System.getProperty(PROPERTY, "target/missing-runnable.jar"));
    }

    /**
     * Checks that the jar starts the given main class and logs with logback, configured by the {@code logback.xml}
     * the root pom's profile packs.
     *
     * @param mainClass the program's main class
     * @throws IOException if the jar cannot be read
     */
    public static void assertLaunchesWithLogback(Class<?> mainClass) throws IOException {
        try (JarFile jar = new JarFile(path().toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class"))
                    .isEqualTo(mainClass.getName());
        }
        assertThat(entryText("META-INF/services/org.slf4j.spi.SLF4JServiceProvider")
                        .strip())
                .isEqualTo("ch.qos.logback.classic.spi.LogbackServiceProvider");
        assertThat(entryText("logback.xml")).contains("<configuration>");
    }

    /**
     * The text of one entry of the jar.
     *
     * @param name the entry's name, such as {@code META-INF/services/...}
     * @return its content as UTF-8
     * @throws IOException if the jar cannot be read
     */
    public static String entryText(String name) throws IOException {
        try (JarFile jar = new JarFile(path().toFile())) {
            JarEntry entry = jar.getJarEntry(name);
            assertThat(entry).as("the jar's entry %s", name).isNotNull();
            return new String(jar.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * {@code java -jar <the jar> <args>} with nothing else: no class path, no {@code HUMANITEC_*} variable.
     *
     * @param args the program's arguments
     * @return the process, not started
     */
    public static ProcessBuilder javaJar(String... args) {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", path().toString()));
        command.addAll(List.of(args));
        ProcessBuilder process = new ProcessBuilder(command);
        process.environment().keySet().removeIf(name -> name.startsWith("HUMANITEC_") || name.equals("CLASSPATH"));
        return process;
    }

    /**
     * Runs the jar to its end.
     *
     * @param args the program's arguments
     * @return its exit status and what it printed
     * @throws Exception if it cannot be started or does not end within 30 seconds
     */
    public static Finished run(String... args) throws Exception {
        return finish(javaJar(args).start());
    }

    /**
     * Waits for a started program to end.
     *
     * @param process the program, started from {@link #javaJar}
     * @return its exit status and what it printed
     * @throws Exception if it does not end within 30 seconds
     */
    public static Finished finish(Process process) throws Exception {
        CompletableFuture<String> errors = CompletableFuture.supplyAsync(() -> readAll(process, true));
        String out = readAll(process, false);
        assertThat(process.waitFor(30, TimeUnit.SECONDS))
                .as("ended within 30 s")
                .isTrue();
        return new Finished(process.exitValue(), out, errors.get(30, TimeUnit.SECONDS));
    }

    /**
     * Reads a running program's standard output up to and including the first line that matches.
     *
     * @param process the program
     * @param last the line to stop at
     * @return the lines read
     * @throws Exception if no such line comes within 30 seconds
     */
    public static List<String> linesUntil(Process process, Predicate<String> last) throws Exception {
        BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        return CompletableFuture.supplyAsync(() -> {
                    List<String> lines = new ArrayList<>();
                    try {
                        for (String line = out.readLine(); line != null; line = out.readLine()) {
                            lines.add(line);
                            if (last.test(line)) {
                                return lines;
                            }
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    throw new AssertionError("the program ended after printing " + lines);
                })
                .get(30, TimeUnit.SECONDS);
    }

    /**
     * Sends SIGTERM, as {@code kill} and container runtimes do, and checks the program drains and exits 0.
     *
     * @param process the program
     * @throws InterruptedException if interrupted while waiting
     */
    public static void assertExitsCleanlyOnSigterm(Process process) throws InterruptedException {
        process.destroy();
        assertThat(process.waitFor(30, TimeUnit.SECONDS))
                .as("ended within 30 s of SIGTERM")
                .isTrue();
        assertThat(process.exitValue()).isZero();
    }

    /**
     * Checks that {@code --help} prints the usage line and the given options, and exits 0.
     *
     * @param expected options and environment variables the help must name
     * @throws Exception if the jar cannot be run
     */
    public static void assertHelpNames(String... expected) throws Exception {
        Finished help = run("--help");

        assertThat(help.status()).isZero();
        assertThat(help.out())
                .startsWith("Usage: java -jar " + path().getFileName() + " [options]")
                .contains(expected);
    }

    /**
     * Checks that a wrong option value ends the program with status 2 and a one-line message.
     *
     * @throws Exception if the jar cannot be run
     */
    public static void assertUsageErrorExits2() throws Exception {
        Finished wrong = run("--port", "eighty");

        assertThat(wrong.status()).isEqualTo(2);
        assertThat(wrong.errors().strip())
                .isEqualTo("error: --port must be a port number from 0 to 65535, not 'eighty'");
    }

    /**
     * Starts the jar with {@code --sandbox --port 0}, checks its announcement, lets the caller talk to it, then
     * checks that it exits 0 on SIGTERM and that its log (standard error) holds an access-log line.
     *
     * @param face the face's name in the announcement, {@code REST} or {@code MCP}
     * @param endpoint the path the announcement ends with, {@code /v1} or {@code /mcp}
     * @param exercise what to do with the running server, given its base URI (without the endpoint)
     * @param accessLogLine text the log must contain once the server has stopped
     * @throws Exception if the jar cannot be started or a check fails
     */
    public static void assertServesTheSandboxUntilSigterm(
            String face, String endpoint, Exercise exercise, String accessLogLine) throws Exception {
        Path log = Files.createTempFile(face.toLowerCase(Locale.ROOT) + "-jar", ".log");
        Process process =
                javaJar("--sandbox", "--port", "0").redirectError(log.toFile()).start();
        try {
            String announcement = linesUntil(process, line -> true).get(0);
            assertThat(announcement)
                    .matches("Humanitec " + face + " adapter for the sandbox listening on http://127\\.0\\.0\\.1:\\d+"
                            + Pattern.quote(endpoint));
            exercise.on(URI.create(announcement.substring(
                    announcement.indexOf("http://"), announcement.length() - endpoint.length())));

            assertExitsCleanlyOnSigterm(process);
            assertThat(Files.readString(log)).contains(accessLogLine);
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(log);
        }
    }

    /**
     * Starts the jar with the given arguments and environment (beside its announcement), lets the caller talk to it,
     * checks that it exits 0 on SIGTERM, and returns its log (standard error).
     *
     * @param endpoint the path the announcement ends with, {@code /v1} or {@code /mcp}
     * @param environment variables to add to the process's
     * @param exercise what to do with the running server, given its base URI (without the endpoint)
     * @param args the program's arguments
     * @return everything the program wrote to standard error
     * @throws Exception if the jar cannot be started or a check fails
     */
    public static String logOf(String endpoint, Map<String, String> environment, Exercise exercise, String... args)
            throws Exception {
        Path log = Files.createTempFile("runnable-jar", ".log");
        ProcessBuilder builder = javaJar(args).redirectError(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        try {
            String announcement = linesUntil(process, line -> true).get(0);
            exercise.on(URI.create(announcement.substring(
                    announcement.lastIndexOf("http://"), announcement.length() - endpoint.length())));
            assertExitsCleanlyOnSigterm(process);
            return Files.readString(log);
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(log);
        }
    }

    /**
     * Reads a log written with {@code --log-format json}: every line must be one JSON object.
     *
     * @param log the log's text
     * @return its lines, parsed
     */
    public static List<JsonNode> jsonLines(String log) {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : log.split("\n")) {
            assertThat(line).as("a line of the log").isNotBlank();
            JsonNode parsed;
            try {
                parsed = json.readTree(line);
            } catch (JsonProcessingException e) {
                throw new AssertionError("not a JSON line: " + line, e);
            }
            assertThat(parsed.isObject()).as("a JSON object: %s", line).isTrue();
            lines.add(parsed);
        }
        return lines;
    }

    /** What a test does with a running server. */
    @FunctionalInterface
    public interface Exercise {
        /**
         * Talks to the server.
         *
         * @param base the server's base URI, such as {@code http://127.0.0.1:49152}
         * @throws Exception if talking fails
         */
        void on(URI base) throws Exception;
    }

    private static String readAll(Process process, boolean errors) {
        try {
            return new String(
                    (errors ? process.getErrorStream() : process.getInputStream()).readAllBytes(),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A program that has ended.
     *
     * @param status its exit status
     * @param out what it printed to standard output
     * @param errors what it printed to standard error
     */
    public record Finished(int status, String out, String errors) {}
}
