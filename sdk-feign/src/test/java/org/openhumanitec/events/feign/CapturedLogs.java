package org.openhumanitec.events.feign;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NOPLogger;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J binding of the tests: everything the client's HTTP logger writes at DEBUG is kept in memory so tests
 * can read it; every other logger is silent.
 */
final class CapturedLogs {

    private static final String HTTP_LOGGER = "org.openhumanitec.events.feign.http";
    private static final ConcurrentLinkedQueue<String> LINES = new ConcurrentLinkedQueue<>();

    private CapturedLogs() {}

    /** Forgets what was logged so far. */
    static void clear() {
        LINES.clear();
    }

    /** What was logged since the last {@link #clear()}. */
    static List<String> lines() {
        return new ArrayList<>(LINES);
    }

    /** Registered in {@code META-INF/services}. */
    public static final class Provider implements SLF4JServiceProvider {
        private final IMarkerFactory markers = new BasicMarkerFactory();
        private final MDCAdapter mdc = new NOPMDCAdapter();
        private final Logger http = new Capturing();
        private final ILoggerFactory factory = name -> HTTP_LOGGER.equals(name) ? http : NOPLogger.NOP_LOGGER;

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

        Capturing() {
            this.name = HTTP_LOGGER;
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(
                Level level, Marker marker, String pattern, Object[] arguments, Throwable throwable) {
            LINES.add(
                    MessageFormatter.basicArrayFormat(pattern, arguments) + (throwable == null ? "" : " " + throwable));
        }

        @Override
        public boolean isTraceEnabled() {
            return false;
        }

        @Override
        public boolean isDebugEnabled() {
            return true;
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
