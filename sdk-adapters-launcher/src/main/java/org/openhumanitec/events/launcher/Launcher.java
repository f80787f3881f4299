package org.openhumanitec.events.launcher;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * Runs a face as a program: reads its options, prints {@code --help}, starts its servers, prints one line per
 * server with the address it listens on, and on SIGTERM or Ctrl-C drains requests in flight and exits 0.
 * Usage errors exit 2 with a one-line message; a failure to start exits 1.
 */
public final class Launcher {

    private static volatile boolean exitRequested;

    private Launcher() {}

    /** A program the launcher runs: its options and how it starts. */
    public interface Face {

        /**
         * How the program is started, for the usage line.
         *
         * @return for example {@code java -jar sdk-adapters-rest.jar}
         */
        String command();

        /**
         * What the program does, for {@code --help}.
         *
         * @return one or two sentences
         */
        String summary();

        /**
         * The options the program knows.
         *
         * @return the options, in the order {@code --help} lists them
         */
        List<LaunchOption> options();

        /**
         * Starts the program's servers.
         *
         * @param options the option values
         * @param environment the environment (for the Humanitec token)
         * @return the running servers
         * @throws UsageException if the options ask for something that cannot be done
         */
        List<EmbeddedServer> start(LaunchOptions options, Map<String, String> environment);

        /**
         * What to print after the start-up lines, for example a first command to try. None by default.
         *
         * @param servers the running servers, in the order {@link #start} returned them
         * @return text ending with a newline, or an empty string
         */
        default String nextSteps(List<EmbeddedServer> servers) {
            return "";
        }
    }

    /**
     * Starts a face and returns its running servers, or none after printing {@code --help}. For tests and for
     * programs that embed a face; {@link #main} is the one for {@code java -jar}.
     *
     * @param face the program
     * @param args the command line
     * @param environment the environment
     * @param out where the help and the start-up lines go
     * @return the running servers; empty when help was printed
     * @throws UsageException if the command line or environment is wrong
     */
    public static List<EmbeddedServer> start(
            Face face, String[] args, Map<String, String> environment, PrintStream out) {
        LaunchOptions options = LaunchOptions.parse(face.options(), args, environment);
        if (options.helpRequested()) {
            out.print(LaunchOptions.help(face.command(), face.summary(), face.options()));
            return List.of();
        }
        List<EmbeddedServer> servers = face.start(options, environment);
        servers.forEach(server -> out.println(server.announcement()));
        out.print(face.nextSteps(servers));
        out.flush();
        return servers;
    }

    /**
     * Runs a face until the process is asked to stop. Never returns normally.
     *
     * @param face the program
     * @param args the command line
     */
    public static void main(Face face, String[] args) {
        List<EmbeddedServer> servers;
        try {
            servers = start(face, args, System.getenv(), System.out);
        } catch (UsageException e) {
            System.err.println("error: " + e.getMessage());
            exit(2);
            return;
        } catch (RuntimeException e) {
            System.err.println("error: " + face.command() + " failed to start: " + e);
            exit(1);
            return;
        }
        if (servers.isEmpty()) {
            exit(0);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(servers), "graceful-stop"));
        try {
            for (EmbeddedServer server : servers) {
                server.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Drains and stops every server, then ends the process with status 0 unless the program itself asked for
     * another status: a signal would otherwise make the JVM exit with 128 + the signal number.
     */
    private static void stop(List<EmbeddedServer> servers) {
        servers.forEach(EmbeddedServer::close);
        if (!exitRequested) {
            System.out.flush();
            Runtime.getRuntime().halt(0);
        }
    }

    private static void exit(int status) {
        exitRequested = true;
        System.out.flush();
        System.exit(status);
    }
}
