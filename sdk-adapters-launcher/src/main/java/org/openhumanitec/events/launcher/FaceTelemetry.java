package org.openhumanitec.events.launcher;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jetty.JettyConnectionMetrics;
import io.micrometer.core.instrument.binder.jetty.JettyServerThreadPoolMetrics;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler.IgnoredMeters;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.servlet.Filter;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.jetty.server.CustomRequestLog;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.Slf4jRequestLogWriter;
import org.eclipse.jetty.util.thread.ThreadPool;
import org.openhumanitec.events.feign.HumanitecClient;

/**
 * What a face reports about itself: Prometheus metrics at {@value #METRICS_PATH} (JVM, Jetty's connections and
 * threads, a timer {@value #SERVER_REQUESTS} per route, and in gateway mode the client's
 * {@code http.client.requests} and {@code humanitec.client.retries}), the caller's W3C trace context continued into
 * the gateway's upstream calls, a request id on every request (the
 * {@value #REQUEST_ID_HEADER} response header), and the log format. Built once per process from the
 * {@link TelemetryOptions}; closing it releases the JVM binders. The client's exchanges are timers without the
 * {@code .active} long-task timers, whose tags would be those known before the answer.
 */
public final class FaceTelemetry implements AutoCloseable {

    /** Where the metrics are served: {@value}. */
    public static final String METRICS_PATH = "/metrics";

    /** The timer of every request a face answers: {@value}, tagged method, uri (the route), status, outcome. */
    public static final String SERVER_REQUESTS = "http.server.requests";

    /** The logger of the access log: {@value}. */
    public static final String ACCESS_LOGGER = "org.openhumanitec.events.access";

    /** The response header carrying the request id: {@value}. A caller's own value is kept when it is sane. */
    public static final String REQUEST_ID_HEADER = "X-Request-Id";

    private final PrometheusMeterRegistry registry;
    private final TelemetryOptions.LogFormat logFormat;
    private final JvmGcMetrics gc;
    private final TraceContextForwarding traceContext = new TraceContextForwarding();
    private final ObservationRegistry observations = ObservationRegistry.create();

    private FaceTelemetry(PrometheusMeterRegistry registry, TelemetryOptions.LogFormat logFormat) {
        this.registry = registry;
        this.logFormat = logFormat;
        observations.observationConfig().observationHandler(traceContext.handler());
        if (registry != null) {
            observations
                    .observationConfig()
                    .observationHandler(new DefaultMeterObservationHandler(registry, IgnoredMeters.LONG_TASK_TIMER));
            new ClassLoaderMetrics().bindTo(registry);
            new JvmMemoryMetrics().bindTo(registry);
            new JvmThreadMetrics().bindTo(registry);
            new ProcessorMetrics().bindTo(registry);
            new UptimeMetrics().bindTo(registry);
            gc = new JvmGcMetrics();
            gc.bindTo(registry);
        } else {
            gc = null;
        }
    }

    /**
     * The telemetry the options ask for. With {@code --log-format json} and logback as SLF4J's binding (the runnable
     * jars'), every log line of the process becomes a JSON object from here on ({@link JsonLogLines}).
     *
     * @param options the option values
     * @param telemetry the face's observability options
     * @return the telemetry; close it when the face stops
     * @throws UsageException if {@code --log-format} is neither text nor json
     */
    public static FaceTelemetry from(LaunchOptions options, TelemetryOptions telemetry) {
        TelemetryOptions.LogFormat format = telemetry.logFormat(options);
        if (format == TelemetryOptions.LogFormat.JSON) {
            JsonLogLines.applyIfLogback();
        }
        return new FaceTelemetry(
                options.isOn(telemetry.disableMetrics()) ? null : new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                format);
    }

    /**
     * Text logs and no metrics: what a face had before telemetry, for a caller that gives none.
     *
     * @return telemetry that records nothing
     */
    public static FaceTelemetry none() {
        return new FaceTelemetry(null, TelemetryOptions.LogFormat.TEXT);
    }

    /**
     * The registry the face's meters are in.
     *
     * @return the registry, or empty when metrics are off
     */
    public Optional<MeterRegistry> meterRegistry() {
        return Optional.ofNullable(registry);
    }

    /**
     * The log format.
     *
     * @return text or json
     */
    public TelemetryOptions.LogFormat logFormat() {
        return logFormat;
    }

    /**
     * Observes a client to Humanitec (the gateway's upstream calls): its {@code http.client.requests} timers and
     * {@code humanitec.client.retries} counters go into the face's registry when metrics are on, and a caller's W3C
     * {@code traceparent} and {@code tracestate} are forwarded on the calls made while serving its request.
     *
     * @param client the client's builder
     * @return the builder
     */
    public HumanitecClient.Builder observe(HumanitecClient.Builder client) {
        client.observationRegistry(observations);
        return registry == null ? client : client.meterRegistry(registry);
    }

    /**
     * Continues a caller's W3C trace context on a thread other than the one serving its request (an MCP tool runs on
     * Reactor's scheduler): the upstream calls of a client {@link #observe observed} here, made on this thread until
     * the scope is closed, carry it, as those made on a serving thread do. A malformed {@code traceparent} is not
     * forwarded.
     *
     * @param traceparent the caller's {@code traceparent} header, or null
     * @param tracestate the caller's {@code tracestate} header, or null
     * @return the scope to close once the calls are made
     */
    public Scope continueTrace(String traceparent, String tracestate) {
        return traceContext.continueOn(traceparent, tracestate);
    }

    /** What {@link #continueTrace} holds open on a thread: close it on that thread. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        /** Restores what the thread had before. */
        @Override
        void close();
    }

    /**
     * The filters this telemetry puts in front of everything but the body drain: the request id, the trace context
     * kept for the upstream calls, then the timer.
     *
     * @param route names a request's route for the {@code uri} tag; null when it has none
     */
    List<Filter> filters(Function<HttpServletRequest, String> route) {
        return registry == null
                ? List.of(new RequestIdFilter(), traceContext.filter())
                : List.of(new RequestIdFilter(), traceContext.filter(), new RequestMetricsFilter(registry, route));
    }

    /** The servlet of {@value #METRICS_PATH}, when metrics are on. */
    Optional<Servlet> metricsServlet() {
        return Optional.ofNullable(registry).map(MetricsServlet::new);
    }

    /** Binds Jetty's connection and thread-pool meters, when metrics are on. */
    void bind(ServerConnector connector, ThreadPool threads) {
        if (registry != null) {
            connector.addBean(new JettyConnectionMetrics(registry, connector));
            new JettyServerThreadPoolMetrics(threads, List.of()).bindTo(registry);
        }
    }

    /**
     * One access-log line per request: text, or a JSON object with the request id; each with the request
     * attributes asked for ({@code label=value} in text, a {@code label} field in JSON).
     */
    RequestLog requestLog(List<EmbeddedServer.LoggedAttribute> attributes) {
        Slf4jRequestLogWriter writer = new Slf4jRequestLogWriter();
        writer.setLoggerName(ACCESS_LOGGER);
        if (logFormat == TelemetryOptions.LogFormat.JSON) {
            return new JsonRequestLog(writer, attributes);
        }
        StringBuilder format = new StringBuilder("%m %U %s %{ms}Tms");
        for (EmbeddedServer.LoggedAttribute logged : attributes) {
            format.append(' ')
                    .append(logged.label())
                    .append("=%{")
                    .append(logged.attribute())
                    .append("}attr");
        }
        return new CustomRequestLog(writer, format.toString());
    }

    /** Releases the JVM's GC listeners and closes the registry. */
    @Override
    public void close() {
        if (gc != null) {
            gc.close();
        }
        if (registry != null) {
            registry.close();
        }
    }

    @Override
    public String toString() {
        return "FaceTelemetry[metrics=" + (registry != null) + ", logFormat=" + logFormat + "]";
    }
}
