package org.openhumanitec.events.feign.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J binding of the tests of every module that checks its logs: each line logged at INFO or above, by any
 * logger, is kept in memory, with the stack trace of its exception, so tests can check what reaches a log. While
 * {@link #everyLevel(Predicate)} names them, DEBUG and TRACE lines of some loggers are kept too.
 *
 * <p>It ships in {@code sdk-feign}'s test-jar only, never in a published jar, and nothing registers it in
 * {@code META-INF/services}: the tests run on the module path, where SLF4J does not find a named module's service
 * files, so each module's surefire configuration names {@link Provider} in the system property
 * {@code slf4j.provider} (SLF4J 2.0.9+).
 */
public final class CapturedLogs {

    private static final ConcurrentLinkedQueue<Line> LINES = new ConcurrentLinkedQueue<>();
    private static volatile Predicate<String> everyLevel = logger -> false;

    private CapturedLogs() {}

    /**
     * One logged line.
     *
     * @param logger the logger's name
     * @param level the level
     * @param text the message, then the exception's stack trace when there is one
     */
    public record Line(String logger, Level level, String text) {}

    /**
     * Sets the loggers whose DEBUG and TRACE lines are logged and kept, as if a user had set them to TRACE.
     *
     * @param loggers the names of those loggers; {@code name -> false} for none (the default)
     */
    public static void everyLevel(Predicate<String> loggers) {
        everyLevel = loggers;
    }

    /** Forgets what was logged so far. */
    public static void clear() {
        LINES.clear();
    }

    /**
     * What was logged since the last {@link #clear()}.
     *
     * @return the lines, oldest first
     */
    public static List<Line> lines() {
        return new ArrayList<>(LINES);
    }

    /**
     * What one logger logged since the last {@link #clear()}.
     *
     * @param logger the logger's name
     * @return the texts of its lines, oldest first
     */
    public static List<String> texts(String logger) {
        return lines().stream()
                .filter(line -> line.logger().equals(logger))
                .map(Line::text)
                .toList();
    }

    /**
     * Waits until one logger has logged this many lines since the last {@link #clear()}, for lines written on
     * another thread just after the test saw the result, such as a server's access log once the response is complete.
     *
     * @param logger the logger's name
     * @param count the number of lines to wait for
     * @return the texts of its lines, at least {@code count} unless 5 seconds pass first
     * @throws InterruptedException if interrupted while waiting
     */
    public static List<String> awaitTexts(String logger, int count) throws InterruptedException {
        return awaitTexts(logger, text -> true, count);
    }

    /**
     * As {@link #awaitTexts(String, int)}, counting only the lines a test's own requests wrote: a server logs a
     * request once its response is complete, so the line of an earlier test's last request can arrive after the
     * next test has cleared the log.
     *
     * @param logger the logger's name
     * @param ofThisTest which lines are the test's own, for example those naming a path only it requests
     * @param count the number of lines to wait for
     * @return the texts of its matching lines, at least {@code count} unless 5 seconds pass first
     * @throws InterruptedException if interrupted while waiting
     */
    public static List<String> awaitTexts(String logger, Predicate<String> ofThisTest, int count)
            throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        List<String> texts = texts(logger).stream().filter(ofThisTest).toList();
        while (texts.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
            texts = texts(logger).stream().filter(ofThisTest).toList();
        }
        return texts;
    }

    /** The provider SLF4J loads when {@code slf4j.provider} names it. */
    public static final class Provider implements SLF4JServiceProvider {
        private final IMarkerFactory markers = new BasicMarkerFactory();
        private final MDCAdapter mdc = new NOPMDCAdapter();
        private final ILoggerFactory factory = Capturing::new;

        /** Loaded by SLF4J. */
        public Provider() {}

        @Override
        public ILoggerFactory getLoggerFactory() {
            return factory;
        }

        @Override
        public IMarkerFactory getMarkerFactory() {
            return markers;
        }

        @Override
        public MDCAdapter getMDCAdapter() {
            return mdc;
        }

        @Override
        public String getRequestedApiVersion() {
            return "2.0.99";
        }

        @Override
        public void initialize() {}
    }

    private static final class Capturing extends LegacyAbstractLogger {
        private static final long serialVersionUID = 1L;

        Capturing(String name) {
            this.name = name;
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(
                Level level, Marker marker, String pattern, Object[] arguments, Throwable throwable) {
            String text = MessageFormatter.basicArrayFormat(pattern, arguments);
            if (throwable != null) {
                StringWriter trace = new StringWriter();
                throwable.printStackTrace(new PrintWriter(trace));
                text = text + "\n" + trace;
            }
            LINES.add(new Line(name, level, text));
        }

        @Override
        public boolean isTraceEnabled() {
            return everyLevel.test(name);
        }

        @Override
        public boolean isDebugEnabled() {
            return everyLevel.test(name);
        }

        @Override
        public boolean isInfoEnabled() {
            return true;
        }

        @Override
        public boolean isWarnEnabled() {
            return true;
        }

        @Override
        public boolean isErrorEnabled() {
            return true;
        }
    }
}
