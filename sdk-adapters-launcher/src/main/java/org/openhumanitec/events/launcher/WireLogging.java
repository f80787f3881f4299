package org.openhumanitec.events.launcher;

import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Keeps request headers out of the log. At DEBUG, two of Jetty's loggers print what a client sends as it arrives:
 * {@code HttpParser} every header with its value, {@code SocketChannelEndPoint} the raw bytes read. Both would log
 * every caller's {@code Authorization} header. The runnable jars' logging file holds them at WARN whatever the other
 * levels are; a server started with either of them at DEBUG or TRACE refuses to start, naming them.
 */
final class WireLogging {

    /** Jetty's loggers that print request headers at DEBUG. */
    static final List<String> LOGGERS =
            List.of("org.eclipse.jetty.http.HttpParser", "org.eclipse.jetty.io.SocketChannelEndPoint");

    private WireLogging() {}

    /**
     * Refuses to go on when a logger of {@link #LOGGERS} would print request headers.
     *
     * @throws UsageException naming the loggers to set to INFO
     */
    static void check() {
        List<String> verbose = LOGGERS.stream()
                .filter(name -> LoggerFactory.getLogger(name).isDebugEnabled())
                .toList();
        if (!verbose.isEmpty()) {
            throw new UsageException("Jetty's " + String.join(" and ", verbose)
                    + " would log every request's headers at DEBUG, callers' tokens included: set "
                    + (verbose.size() == 1 ? "it" : "them") + " to INFO or above in the logging configuration (for"
                    + " logback: <logger name=\"" + verbose.get(0) + "\" level=\"INFO\"/>).");
        }
    }
}
