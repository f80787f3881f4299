package org.openhumanitec.events.launcher;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.component.Graceful;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One face on embedded Jetty 12: servlets and filters on one port, JSON error pages, one access-log line per
 * request (method, path, status, milliseconds, and any {@linkplain Builder#accessLogAttribute attributes asked for};
 * logger {@code org.openhumanitec.events.access}; JSON with the request id under {@code --log-format json}), an
 * {@code X-Request-Id} on every answer, {@code GET /metrics} when its {@link FaceTelemetry} has metrics on, and a
 * graceful stop that lets requests in flight finish (up to the drain timeout) while new ones get 503.
 *
 * <p>Every answer carries {@code Cache-Control: no-store} and {@code X-Content-Type-Options: nosniff}, and every
 * error answer an {@code ADAPTER-<status>} JSON body, those of Jetty's HTTP layer included. A method the face does
 * not serve is a 405 on every path, before any filter. A client must send each request within the
 * {@linkplain ConnectionLimits#requestReadTimeout() request read timeout}, and the server holds at most
 * {@linkplain ConnectionLimits#maxConnections() so many} connections.
 *
 * <p>Path segments may carry percent-encoded slashes ({@code /webhooks/a%2Fb}): servlets read the raw
 * {@code getRequestURI()} and decode each segment themselves.
 */
public final class EmbeddedServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedServer.class);

    /**
     * Jetty's default URI compliance, plus what an id may hold once decoded: encoded slashes, dots and percent signs,
     * characters Jetty calls suspicious or illegal in a path (a backslash, a double quote, a tab, a control
     * character), and escapes Jetty cannot decode. The servlets split the raw path and decode each segment
     * themselves, so every id they can decode reaches them, and they answer the rest (a lone {@code .} or
     * {@code ..}, a broken escape, a blank id) with a 400 naming the parameter, rather than Jetty with a bare 400.
     */
    private static final UriCompliance ANY_ID = UriCompliance.DEFAULT.with(
            "any-id",
            UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR,
            UriCompliance.Violation.AMBIGUOUS_PATH_ENCODING,
            UriCompliance.Violation.AMBIGUOUS_PATH_SEGMENT,
            UriCompliance.Violation.SUSPICIOUS_PATH_CHARACTERS,
            UriCompliance.Violation.ILLEGAL_PATH_CHARACTERS,
            UriCompliance.Violation.BAD_PERCENT_ENCODING,
            UriCompliance.Violation.BAD_UTF8_ENCODING,
            UriCompliance.Violation.TRUNCATED_UTF8_ENCODING,
            UriCompliance.Violation.UTF16_ENCODINGS);

    private final Server server;
    private final ServerConnector connector;
    private final String label;
    private final String endpoint;
    private final List<AutoCloseable> onStop;

    private EmbeddedServer(Builder builder) {
        this.label = builder.label;
        this.endpoint = builder.endpoint;
        this.onStop = List.copyOf(builder.onStop);

        QueuedThreadPool threads = new QueuedThreadPool(builder.maxThreads, Math.min(8, builder.maxThreads));
        threads.setName(builder.name);
        server = new Server(threads);

        HttpConfiguration http = new HttpConfiguration();
        http.addCustomizer(new SecurityHeaders());
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setUriCompliance(ANY_ID);
        connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(builder.host);
        connector.setPort(builder.port);
        server.addConnector(connector);
        RequestReadDeadline deadline =
                new RequestReadDeadline(builder.limits.requestReadTimeout(), connector.getScheduler());
        connector.addEventListener(deadline.connectionListener());
        server.addBean(new NetworkConnectionLimit(builder.limits.maxConnections(), connector));

        ServletContextHandler context = new ServletContextHandler("/");
        context.getServletHandler().setDecodeAmbiguousURIs(true);
        context.setErrorHandler(new JsonErrorHandler());
        FilterHolder drain = new FilterHolder(new UnreadBodyDrain());
        drain.setAsyncSupported(true);
        context.addFilter(drain, "/*", EnumSet.of(DispatcherType.REQUEST));
        for (Filter filter : builder.telemetry.filters(builder.route)) {
            FilterHolder holder = new FilterHolder(filter);
            holder.setAsyncSupported(true);
            context.addFilter(holder, "/*", EnumSet.of(DispatcherType.REQUEST));
        }
        builder.telemetry
                .metricsServlet()
                .ifPresent(metrics -> context.addServlet(new ServletHolder(metrics), FaceTelemetry.METRICS_PATH));
        builder.telemetry.bind(connector, threads);
        for (FilterMount mount : builder.filters) {
            FilterHolder holder = new FilterHolder(mount.filter());
            holder.setAsyncSupported(true);
            context.addFilter(holder, mount.pathSpec(), EnumSet.of(DispatcherType.REQUEST));
        }
        for (ServletMount mount : builder.servlets) {
            ServletHolder holder = new ServletHolder(mount.servlet());
            holder.setAsyncSupported(mount.async());
            context.addServlet(holder, mount.pathSpec());
        }
        deadline.setHandler(new MethodGuard(builder.methods, context));
        server.setHandler(new GracefulHandler(deadline));
        server.setErrorHandler(new JsonErrorHandler());
        server.setStopTimeout(builder.drainTimeout.toMillis());
        for (Runnable action : builder.beforeDrain) {
            server.addBean(new StopBegins(action));
        }

        server.setRequestLog(builder.telemetry.requestLog(builder.loggedAttributes));
    }

    /**
     * A builder.
     *
     * @param name a short name for the server's threads, for example {@code rest}
     * @return a builder listening on 127.0.0.1 on a free port
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /**
     * The server's address.
     *
     * @return for example {@code http://127.0.0.1:8080}
     */
    public URI uri() {
        String host = connector.getHost();
        String literal = host.contains(":") ? "[" + host + "]" : host;
        return URI.create("http://" + literal + ":" + port());
    }

    /**
     * The port the server listens on.
     *
     * @return the port; when 0 was asked for, the one picked
     */
    public int port() {
        return connector.getLocalPort();
    }

    /**
     * The line a launcher prints once the server listens.
     *
     * @return for example {@code Humanitec REST adapter (sandbox) listening on http://127.0.0.1:8080/v1}
     */
    public String announcement() {
        return label + " listening on " + uri() + endpoint;
    }

    /**
     * Waits until the server has stopped.
     *
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public void join() throws InterruptedException {
        server.join();
    }

    /** Stops gracefully: requests in flight finish (up to the drain timeout), then resources given to it close. */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("{} did not stop cleanly: {}", label, e.toString());
        }
        for (AutoCloseable resource : onStop) {
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("Closing {} failed: {}", resource.getClass().getSimpleName(), e.toString());
            }
        }
    }

    private void start() {
        try {
            server.start();
        } catch (IOException e) {
            close();
            throw new UsageException("Cannot listen on " + connector.getHost() + ":" + connector.getPort() + " ("
                    + e.getMessage() + "). Is the port in use? Port 0 picks a free one.");
        } catch (Exception e) {
            close();
            throw new IllegalStateException(label + " failed to start", e);
        }
    }

    /** The methods a server serves unless told otherwise: those of both faces' routes. */
    private static final List<String> DEFAULT_METHODS = List.of("GET", "POST", "PATCH", "DELETE");

    /**
     * Runs an action when a stop begins: Jetty asks every {@link Graceful} bean to shut down at once, and waits for
     * them (the {@link GracefulHandler} among them, which waits for the requests in flight) up to the drain timeout.
     */
    private static final class StopBegins implements Graceful {
        private final Runnable action;
        private volatile boolean done;

        private StopBegins(Runnable action) {
            this.action = action;
        }

        @Override
        public CompletableFuture<Void> shutdown() {
            try {
                action.run();
            } finally {
                done = true;
            }
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public boolean isShutdown() {
            return done;
        }
    }

    private record ServletMount(String pathSpec, Servlet servlet, boolean async) {}

    private record FilterMount(String pathSpec, Filter filter) {}

    /** A request attribute written in each access-log line under a label. */
    record LoggedAttribute(String label, String attribute) {}

    /** Builds and starts an {@link EmbeddedServer}. */
    public static final class Builder {
        private final String name;
        private String label;
        private String endpoint = "";
        private String host = "127.0.0.1";
        private int port;
        private int maxThreads = 200;
        private Duration drainTimeout = Duration.ofSeconds(10);
        private List<String> methods = DEFAULT_METHODS;
        private ConnectionLimits limits = ConnectionLimits.DEFAULTS;
        private final List<ServletMount> servlets = new ArrayList<>();
        private final List<FilterMount> filters = new ArrayList<>();
        private final List<AutoCloseable> onStop = new ArrayList<>();
        private final List<LoggedAttribute> loggedAttributes = new ArrayList<>();
        private final List<Runnable> beforeDrain = new ArrayList<>();
        private FaceTelemetry telemetry = FaceTelemetry.none();
        private Function<HttpServletRequest, String> route = request -> null;

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name must not be null");
            this.label = name;
        }

        /**
         * Names the server in its start-up line.
         *
         * @param label for example {@code Humanitec REST adapter (sandbox)}
         * @param endpoint the path the start-up line appends to the address, for example {@code /v1}
         * @return this builder
         */
        public Builder label(String label, String endpoint) {
            this.label = Objects.requireNonNull(label, "label must not be null");
            this.endpoint = Objects.requireNonNull(endpoint, "endpoint must not be null");
            return this;
        }

        /**
         * The address to listen on.
         *
         * @param host a host name or address; default {@code 127.0.0.1}
         * @return this builder
         */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host must not be null");
            return this;
        }

        /**
         * The port to listen on.
         *
         * @param port 1 to 65535, or 0 (the default) to pick a free one
         * @return this builder
         */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be from 0 to 65535, not " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * The most requests served at once.
         *
         * @param maxThreads the size of the thread pool; default 200
         * @return this builder
         */
        public Builder maxThreads(int maxThreads) {
            if (maxThreads < 4) {
                throw new IllegalArgumentException("maxThreads must be at least 4, not " + maxThreads);
            }
            this.maxThreads = maxThreads;
            return this;
        }

        /**
         * How long a stop waits for requests in flight.
         *
         * @param drainTimeout the wait; default 10 seconds
         * @return this builder
         */
        public Builder drainTimeout(Duration drainTimeout) {
            this.drainTimeout = Objects.requireNonNull(drainTimeout, "drainTimeout must not be null");
            return this;
        }

        /**
         * The HTTP methods the server serves; any other is answered 405 with {@code Allow} on every path, before any
         * filter (so {@code TRACE} never reaches a servlet).
         *
         * @param methods for example {@code GET, POST, DELETE}; default {@code GET, POST, PATCH, DELETE}
         * @return this builder
         */
        public Builder methods(String... methods) {
            Set<String> upper = new LinkedHashSet<>();
            for (String method : methods) {
                upper.add(Objects.requireNonNull(method, "a method must not be null")
                        .toUpperCase(Locale.ROOT));
            }
            if (upper.isEmpty()) {
                throw new IllegalArgumentException("name at least one method");
            }
            this.methods = List.copyOf(upper);
            return this;
        }

        /**
         * How long a client may take to send a request, and how many connections are held at once.
         *
         * @param limits the limits; default {@link ConnectionLimits#DEFAULTS}
         * @return this builder
         */
        public Builder connectionLimits(ConnectionLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits must not be null");
            return this;
        }

        /**
         * Mounts a servlet.
         *
         * @param pathSpec a servlet path spec, for example {@code /v1/*}
         * @param servlet the servlet
         * @param async whether it uses asynchronous processing (the MCP transport does)
         * @return this builder
         */
        public Builder servlet(String pathSpec, Servlet servlet, boolean async) {
            servlets.add(
                    new ServletMount(pathSpec, Objects.requireNonNull(servlet, "servlet must not be null"), async));
            return this;
        }

        /**
         * Puts a filter in front of the servlets.
         *
         * @param pathSpec a servlet path spec, for example {@code /*}
         * @param filter the filter
         * @return this builder
         */
        public Builder filter(String pathSpec, Filter filter) {
            filters.add(new FilterMount(pathSpec, Objects.requireNonNull(filter, "filter must not be null")));
            return this;
        }

        /**
         * Adds a request attribute to each access-log line, as {@code label=value} ({@code label=-} when the request
         * has none), such as the caller's subject that a token check sets.
         *
         * @param label the field's name in the line, for example {@code sub}
         * @param attribute the request attribute; its value must be one printable word, never a secret
         * @return this builder
         */
        public Builder accessLogAttribute(String label, String attribute) {
            loggedAttributes.add(new LoggedAttribute(
                    Objects.requireNonNull(label, "label must not be null"),
                    Objects.requireNonNull(attribute, "attribute must not be null")));
            return this;
        }

        /**
         * Reports through this telemetry: the request id, the access-log format, and when its metrics are on,
         * {@value FaceTelemetry#METRICS_PATH}, Jetty's meters and a {@value FaceTelemetry#SERVER_REQUESTS} timer per
         * route. Without it, a server has text logs, request ids and no metrics. The caller closes the telemetry.
         *
         * @param telemetry the telemetry
         * @param route names a request's route for the timer's {@code uri} tag (a template such as {@code
         *     /v1/orgs/{orgId}/events}, never a path with its ids), or returns null for none ({@code UNKNOWN})
         * @return this builder
         */
        public Builder telemetry(FaceTelemetry telemetry, Function<HttpServletRequest, String> route) {
            this.telemetry = Objects.requireNonNull(telemetry, "telemetry must not be null");
            this.route = Objects.requireNonNull(route, "route must not be null");
            return this;
        }

        /**
         * Closes a resource after the server has stopped, such as the API implementation it serves.
         *
         * @param resource the resource
         * @return this builder
         */
        public Builder closeOnStop(AutoCloseable resource) {
            onStop.add(Objects.requireNonNull(resource, "resource must not be null"));
            return this;
        }

        /**
         * Runs an action when a stop begins, before requests in flight are waited for: for example ending long-lived
         * event streams, which would otherwise hold the stop until the drain timeout.
         *
         * @param action the action
         * @return this builder
         */
        public Builder beforeDrain(Runnable action) {
            beforeDrain.add(Objects.requireNonNull(action, "action must not be null"));
            return this;
        }

        /**
         * Builds the server and starts listening.
         *
         * @return the running server
         * @throws UsageException if the address cannot be listened on, or Jetty's loggers would log request headers
         *     (its {@code HttpParser} or {@code SocketChannelEndPoint} at DEBUG)
         */
        public EmbeddedServer start() {
            WireLogging.check();
            EmbeddedServer server = new EmbeddedServer(this);
            server.start();
            return server;
        }
    }
}
