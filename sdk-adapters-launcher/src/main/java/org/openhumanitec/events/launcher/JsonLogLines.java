package org.openhumanitec.events.launcher;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * {@code --log-format json} for every log line, not only the access log's: when logback is SLF4J's binding (as in
 * the runnable jars), the root logger's appenders are replaced by one on standard error whose encoder is logback's
 * own {@link JsonEncoder}, so that every logger's events, the libraries' (Jetty, the MCP SDK, OkHttp) included, are
 * one JSON object a line: {@code timestamp}, {@code level}, {@code threadName}, {@code loggerName}, {@code mdc} (with
 * the {@code requestId} of the request being served), {@code kvpList}, {@code formattedMessage} and
 * {@code throwable}. The access log, whose lines are JSON objects already ({@link JsonRequestLog}), is written as it
 * is by an appender of its own. The levels stay those of the configuration. A message's arguments are written only
 * within the formatted message, as in a text line. With another binding nothing changes here: the access log is JSON
 * and the rest is the binding's business.
 */
final class JsonLogLines {

    /** The logback class that is SLF4J's logger factory when logback is the binding. */
    private static final String LOGBACK_CONTEXT = "ch.qos.logback.classic.LoggerContext";

    private JsonLogLines() {}

    /**
     * Switches logback to JSON lines, if it is the binding.
     *
     * @return whether it was
     */
    static boolean applyIfLogback() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        // Compared by name, and logback's types named only in the nested class, which is loaded only then: under
        // another binding logback is absent, and this class must load without it.
        if (!factory.getClass().getName().equals(LOGBACK_CONTEXT)) {
            return false;
        }
        Logback.apply(factory);
        return true;
    }

    /** The switch itself, the only code that names logback's types. */
    private static final class Logback {

        private Logback() {}

        static void apply(ILoggerFactory factory) {
            LoggerContext context = (LoggerContext) factory;
            JsonEncoder json = new JsonEncoder();
            json.setContext(context);
            json.setWithSequenceNumber(false);
            json.setWithNanoseconds(false);
            json.setWithContext(false);
            json.setWithMessage(false);
            json.setWithArguments(false);
            json.setWithFormattedMessage(true);
            json.start();
            Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
            root.detachAndStopAllAppenders();
            root.addAppender(standardError(context, "json", json));

            PatternLayoutEncoder asItIs = new PatternLayoutEncoder();
            asItIs.setContext(context);
            asItIs.setPattern("%msg%n");
            asItIs.start();
            Logger access = context.getLogger(FaceTelemetry.ACCESS_LOGGER);
            access.detachAndStopAllAppenders();
            access.setAdditive(false);
            access.addAppender(standardError(context, "json-access", asItIs));
        }

        private static ConsoleAppender<ILoggingEvent> standardError(
                LoggerContext context, String name, Encoder<ILoggingEvent> encoder) {
            ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
            appender.setContext(context);
            appender.setName(name);
            appender.setTarget("System.err");
            appender.setEncoder(encoder);
            appender.start();
            return appender;
        }
    }
}
