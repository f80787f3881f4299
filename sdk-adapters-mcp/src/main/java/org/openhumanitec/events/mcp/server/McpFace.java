package org.openhumanitec.events.mcp.server;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.http.HttpServletRequest;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openhumanitec.events.api.HumanitecEventApi;
import org.openhumanitec.events.feign.HumanitecClient;
import org.openhumanitec.events.launcher.Backends;
import org.openhumanitec.events.launcher.BearerTokenFilter;
import org.openhumanitec.events.launcher.BindingRule;
import org.openhumanitec.events.launcher.ConnectionLimits;
import org.openhumanitec.events.launcher.EmbeddedServer;
import org.openhumanitec.events.launcher.FaceOptions;
import org.openhumanitec.events.launcher.FaceTelemetry;
import org.openhumanitec.events.launcher.HealthServlet;
import org.openhumanitec.events.launcher.LaunchOption;
import org.openhumanitec.events.launcher.LaunchOptions;
import org.openhumanitec.events.launcher.Launcher;
import org.openhumanitec.events.launcher.OAuthOptions;
import org.openhumanitec.events.launcher.OAuthResourceFilter;
import org.openhumanitec.events.launcher.OAuthResourceServer;
import org.openhumanitec.events.launcher.TelemetryOptions;
import org.openhumanitec.events.launcher.UsageException;
import org.openhumanitec.events.mcp.HumanitecMcpServlet;
import org.openhumanitec.events.mcp.HumanitecMcpSettings;
import org.openhumanitec.events.mcp.HumanitecMcpStdio;
import org.openhumanitec.events.mcp.HumanitecTool;
import org.openhumanitec.events.mcp.NoToolLeftException;
import org.openhumanitec.events.mcp.ToolCallListener;
import org.openhumanitec.events.mcp.ToolScopes;

/**
 * The standalone MCP server, the main class of {@code sdk-adapters-mcp-<version>-runnable.jar}: the
 * {@link HumanitecMcpServlet} on embedded Jetty 12 at {@code http://127.0.0.1:9090/mcp} by default, serving the
 * in-memory sandbox ({@code --sandbox}) or Humanitec with the server's token ({@code HUMANITEC_API_KEY} or
 * {@code HUMANITEC_TOKEN}). Every option is also an environment variable ({@code HUMANITEC_MCP_...});
 * {@code --help} lists them. With {@code --stdio} it serves the same tools on standard input and output instead, as
 * a desktop client that starts it expects, and exits when the input closes.
 *
 * <p>Besides {@code /mcp} it serves {@code GET /healthz} and {@code GET /readyz} (no token needed, as on the REST
 * face) and {@code GET /metrics} (Prometheus text, behind the inbound token; off with {@code --disable-metrics}),
 * with a timer {@value #TOOL_CALLS} per tool.
 *
 * <p>It listens beyond loopback only when callers authenticate: with {@code --auth-token} (callers send it as
 * {@code Authorization: Bearer}), or with OAuth access tokens ({@code --oauth-issuer}): each caller then sees and may
 * call only the tools its scopes allow (the read-only ones with the read scope, the others with the write scope), and
 * the face serves its Protected Resource Metadata at {@code /.well-known/oauth-protected-resource/mcp}. A caller's
 * token is never passed on to Humanitec.
 */
public final class McpFace implements Launcher.Face {

    /** The prefix of the server's environment variables: {@value}. */
    public static final String ENVIRONMENT_PREFIX = "HUMANITEC_MCP";

    /** The port the server listens on by default: {@value}. */
    public static final int DEFAULT_PORT = 9090;

    private final FaceOptions common = FaceOptions.forFace(ENVIRONMENT_PREFIX, DEFAULT_PORT);
    private final LaunchOption readOnly = LaunchOption.flag(
            "--read-only",
            ENVIRONMENT_PREFIX + "_READ_ONLY",
            "Offer only the read-only tools (list-webhooks, get-webhook, list-events)");
    private final LaunchOption tools = LaunchOption.value(
            "--tools",
            ENVIRONMENT_PREFIX + "_TOOLS",
            null,
            "Comma-separated tools to offer, such as list-webhooks,get-webhook; all by default");
    private final LaunchOption stateless = LaunchOption.flag(
            "--stateless",
            ENVIRONMENT_PREFIX + "_STATELESS",
            "No MCP sessions: each request stands alone, so replicas can share a load balancer");
    private final LaunchOption allowedOrigins = LaunchOption.value(
            "--allowed-origins",
            ENVIRONMENT_PREFIX + "_ALLOWED_ORIGINS",
            String.join(",", HumanitecMcpSettings.LOOPBACK_ORIGINS),
            "Comma-separated Origin values browsers may send (host:* matches any port); others get 403");
    private final LaunchOption allowedHosts = LaunchOption.value(
            "--allowed-hosts",
            ENVIRONMENT_PREFIX + "_ALLOWED_HOSTS",
            null,
            "Comma-separated Host values accepted, or * for any; others get 421 (default: loopback names and --host)");
    private final LaunchOption maxRequestBytes = LaunchOption.bodyBytes(
            "--max-request-bytes",
            ENVIRONMENT_PREFIX + "_MAX_REQUEST_BYTES",
            HumanitecMcpSettings.DEFAULT_MAX_REQUEST_BYTES);
    private final LaunchOption maxSessions = LaunchOption.value(
            "--max-sessions",
            ENVIRONMENT_PREFIX + "_MAX_SESSIONS",
            Integer.toString(HumanitecMcpSettings.DEFAULT_MAX_SESSIONS),
            "Most MCP sessions open at once; a new initialize beyond them gets 503 with Retry-After");
    private final LaunchOption sessionIdleMinutes = LaunchOption.value(
            "--session-idle-minutes",
            ENVIRONMENT_PREFIX + "_SESSION_IDLE_MINUTES",
            Long.toString(HumanitecMcpSettings.DEFAULT_SESSION_IDLE_TIMEOUT.toMinutes()),
            "Minutes a session may stay idle before it is closed (its next request gets 404)");
    private final OAuthOptions oauth =
            OAuthOptions.forFace(ENVIRONMENT_PREFIX, "https://humanitec-mcp.example.com/mcp");
    private final LaunchOption stdio = LaunchOption.flag(
            "--stdio",
            ENVIRONMENT_PREFIX + "_STDIO",
            "Serve MCP on standard input and output, for the desktop client that starts this process, instead of HTTP;"
                    + " exits when the input closes");
    private final LaunchOption keepAliveSeconds = LaunchOption.value(
            "--keep-alive-seconds",
            ENVIRONMENT_PREFIX + "_KEEP_ALIVE_SECONDS",
            Long.toString(HumanitecMcpSettings.DEFAULT_KEEP_ALIVE_INTERVAL.toSeconds()),
            "Seconds between pings of each session's event stream; a stream whose client went away is closed"
                    + " within two");

    private final TelemetryOptions telemetryOptions = TelemetryOptions.forFace(ENVIRONMENT_PREFIX);

    /** The timer of every tool call: {@value}, tagged tool, status and outcome. */
    public static final String TOOL_CALLS = "mcp.tool.calls";

    /** The face, for {@link Launcher}. */
    public McpFace() {}

    /**
     * Runs the server until SIGTERM or Ctrl-C, which close the MCP sessions and exit 0.
     *
     * @param args the options; {@code --help} lists them
     */
    public static void main(String[] args) {
        McpFace face = new McpFace();
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(face.options(), args, System.getenv());
        } catch (UsageException e) {
            Launcher.main(face, args); // reports the usage error
            return;
        }
        if (!options.helpRequested() && options.isOn(face.stdio)) {
            System.exit(face.serveStdio(options, System.getenv()));
        }
        Launcher.main(face, args);
    }

    /**
     * Serves MCP on standard input and output until the input closes. Standard output carries JSON-RPC only: the
     * start-up line, logs and errors go to standard error, and so does anything else written to {@code System.out}.
     *
     * @return the exit status: 0 once the input closed, 2 for a usage error, 1 for a failure to start
     */
    private int serveStdio(LaunchOptions options, Map<String, String> environment) {
        PrintStream protocol = System.out;
        System.setOut(System.err);
        HumanitecEventApi backend;
        HumanitecMcpStdio server;
        try {
            refuseHttpOptions(options);
            HumanitecMcpSettings settings = settings(options, FaceOptions.DEFAULT_HOST);
            backend = Backends.open(options, common, environment);
            server = HumanitecMcpStdio.start(backend, settings, System.in, protocol);
            System.err.println("Humanitec MCP adapter for " + Backends.describe(backend, options, common)
                    + " serving MCP on standard input and output");
        } catch (UsageException e) {
            System.err.println("error: " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            System.err.println("error: " + command() + " failed to start: " + e);
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> close(server, backend), "stdio-stop"));
        try {
            server.awaitInputClosed();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        close(server, backend);
        return 0;
    }

    private static void close(HumanitecMcpStdio server, HumanitecEventApi backend) {
        server.close();
        backend.close();
    }

    /** The options that only concern HTTP, refused with {@code --stdio} when given. */
    private void refuseHttpOptions(LaunchOptions options) {
        List<String> given = httpOptions().stream()
                .filter(option -> option.flag()
                        ? options.isOn(option)
                        : options.value(option) != null
                                && !options.value(option).equals(option.defaultValue()))
                .map(LaunchOption::name)
                .toList();
        if (!given.isEmpty()) {
            throw new UsageException(stdio.name() + " serves standard input and output, not HTTP: leave out "
                    + String.join(", ", given));
        }
    }

    private List<LaunchOption> httpOptions() {
        List<LaunchOption> http = new ArrayList<>(List.of(
                common.host(),
                common.port(),
                common.authToken(),
                common.requestReadTimeout(),
                common.maxConnections()));
        http.addAll(transportOptions());
        // Access tokens come with HTTP requests; a desktop client that starts the process is its only caller.
        http.addAll(oauth.all());
        http.addAll(telemetryOptions.all());
        return http;
    }

    /** The options of this face's Streamable HTTP transport. */
    private List<LaunchOption> transportOptions() {
        return List.of(
                stateless,
                allowedOrigins,
                allowedHosts,
                maxRequestBytes,
                maxSessions,
                sessionIdleMinutes,
                keepAliveSeconds);
    }

    @Override
    public String command() {
        String version = McpFace.class.getPackage().getImplementationVersion();
        return "java -jar sdk-adapters-mcp-" + (version == null ? "<version>" : version) + "-runnable.jar";
    }

    @Override
    public String summary() {
        return "Serves the Humanitec Event API as 7 MCP tools over Streamable HTTP at /mcp, or on standard input and"
                + " output (--stdio) for a desktop client: the in-memory sandbox"
                + " (--sandbox), or Humanitec with this server's token (" + HumanitecClient.ENV_API_KEY + " or "
                + HumanitecClient.ENV_TOKEN + ").";
    }

    @Override
    public List<LaunchOption> options() {
        List<LaunchOption> options = new ArrayList<>(common.all());
        options.addAll(List.of(readOnly, tools));
        options.addAll(transportOptions());
        options.add(stdio);
        options.addAll(oauth.all());
        options.addAll(telemetryOptions.all());
        return List.copyOf(options);
    }

    /**
     * Opens the backend the options ask for (the sandbox, or Humanitec with the server's token) and serves it; the
     * backend is closed when the server stops.
     *
     * @param options the option values
     * @param environment the environment, holding the Humanitec token unless in the sandbox
     * @return the running server
     * @throws UsageException if an option is wrong, the address needs an inbound token, or the Humanitec token is
     *     missing
     */
    @Override
    public List<EmbeddedServer> start(LaunchOptions options, Map<String, String> environment) {
        refuseStdio(options);
        Listening listening = listening(options);
        HumanitecMcpSettings settings = settings(options, listening.host());
        HumanitecEventApi backend = Backends.open(options, common, environment, listening.telemetry());
        try {
            return List.of(serve(listening, settings, backend, Backends.describe(backend, options, common), true));
        } catch (RuntimeException e) {
            backend.close();
            listening.telemetry().close();
            throw e;
        }
    }

    /**
     * Serves a backend the caller owns, with the options' host, port, inbound token and MCP settings
     * ({@code --sandbox} and {@code --humanitec-url} are the caller's business then). Stopping the server does not
     * close the backend.
     *
     * @param options the option values
     * @param backend the implementation to serve
     * @return the running server
     * @throws UsageException if an option is wrong or the address needs an inbound token
     */
    public EmbeddedServer start(LaunchOptions options, HumanitecEventApi backend) {
        refuseStdio(options);
        Listening listening = listening(options);
        HumanitecMcpSettings settings = settings(options, listening.host());
        return serve(listening, settings, backend, Backends.describe(backend, options, common), false);
    }

    private void refuseStdio(LaunchOptions options) {
        if (options.isOn(stdio)) {
            throw new UsageException(stdio.name() + " serves standard input and output: run "
                    + McpFace.class.getSimpleName() + ".main (java -jar) with it, not an HTTP server");
        }
    }

    private EmbeddedServer serve(
            Listening listening,
            HumanitecMcpSettings settings,
            HumanitecEventApi backend,
            String backendName,
            boolean owned) {
        EmbeddedServer.Builder server = EmbeddedServer.builder("mcp")
                .label(
                        "Humanitec MCP adapter for " + backendName + (settings.stateless() ? " (stateless)" : ""),
                        HumanitecMcpServlet.ENDPOINT)
                .host(listening.host())
                .port(listening.port())
                .connectionLimits(listening.limits())
                .methods(methods(settings))
                .telemetry(listening.telemetry(), McpFace::route)
                .closeOnStop(listening.telemetry());
        if (listening.authToken() != null) {
            server.filter("/*", new BearerTokenFilter(listening.authToken(), HealthServlet::isHealthCheck));
        }
        HealthServlet health = new HealthServlet();
        server.servlet(HealthServlet.LIVENESS_PATH, health, false);
        server.servlet(HealthServlet.READINESS_PATH, health, false);
        ToolCallListener toolCalls = toolCalls(listening.telemetry());
        OAuthResourceServer oauthServer = listening.oauth();
        HumanitecMcpServlet servlet;
        if (oauthServer == null) {
            servlet = HumanitecMcpServlet.create(backend, settings, toolCalls);
        } else {
            // Any of the two scopes lets a caller in; which tools it sees and may call is the servlet's business.
            Set<String> either = new LinkedHashSet<>(List.of(oauthServer.readScope(), oauthServer.writeScope()));
            oauthServer.protect(server, request -> either, HealthServlet::isHealthCheck);
            ToolScopes scopes = ToolScopes.of(
                    oauthServer.readScope(),
                    oauthServer.writeScope(),
                    OAuthResourceFilter::grantedScopes,
                    oauthServer.resource().metadataUri().toString());
            servlet = HumanitecMcpServlet.create(backend, settings, scopes, toolCalls);
        }
        // Open event streams end only when their clients go: end them as the stop begins, not at the drain timeout.
        server.servlet(HumanitecMcpServlet.ENDPOINT, servlet, true).beforeDrain(servlet::closeSessions);
        if (owned) {
            server.closeOnStop(backend);
        }
        return server.start();
    }

    /** The MCP transport's methods, and GET for the health checks and the metrics. */
    private static String[] methods(HumanitecMcpSettings settings) {
        Set<String> methods = new LinkedHashSet<>(HumanitecMcpServlet.methods(settings));
        methods.add("GET");
        return methods.toArray(String[]::new);
    }

    /** The paths the face serves, each its own route; null for any other. */
    private static String route(HttpServletRequest request) {
        String path = request.getRequestURI();
        return switch (path) {
            case HumanitecMcpServlet.ENDPOINT,
                    HealthServlet.LIVENESS_PATH,
                    HealthServlet.READINESS_PATH,
                    FaceTelemetry.METRICS_PATH -> path;
            default -> null;
        };
    }

    /**
     * A timer {@value #TOOL_CALLS} per tool, status and outcome, when metrics are on; and each call within the
     * caller's W3C trace context, which the gateway's upstream calls continue.
     */
    private static ToolCallListener toolCalls(FaceTelemetry telemetry) {
        Optional<MeterRegistry> registry = telemetry.meterRegistry();
        return new ToolCallListener() {
            @Override
            public void called(HumanitecTool tool, Status status, long nanos) {
                registry.ifPresent(meters -> Timer.builder(TOOL_CALLS)
                        .description("MCP tool calls")
                        .tag("tool", tool.toolName())
                        .tag("status", status.value())
                        .tag("outcome", status.outcome())
                        .register(meters)
                        .record(nanos, TimeUnit.NANOSECONDS));
            }

            @Override
            public Scope starting(String traceparent, String tracestate) {
                return telemetry.continueTrace(traceparent, tracestate)::close;
            }
        };
    }

    /** Reads and checks where to listen, the inbound token and the connection limits, before anything is opened. */
    private Listening listening(LaunchOptions options) {
        String host = options.value(common.host());
        int port = options.port(common.port());
        String authToken = common.inboundToken(options);
        BindingRule.check(host, authToken != null || options.value(oauth.issuer()) != null, common.authToken());
        return new Listening(
                host,
                port,
                authToken,
                common.connectionLimits(options),
                oauth.resourceServer(options, common),
                FaceTelemetry.from(options, telemetryOptions));
    }

    private HumanitecMcpSettings settings(LaunchOptions options, String host) {
        try {
            return HumanitecMcpSettings.builder()
                    .readOnly(options.isOn(readOnly))
                    .allowedTools(toolList(options.value(tools), options.list(tools)))
                    .stateless(options.isOn(stateless))
                    .allowedOrigins(options.list(allowedOrigins))
                    .allowedHosts(hosts(options.value(allowedHosts), options.list(allowedHosts), host))
                    .maxRequestBytes(options.bytes(maxRequestBytes, HumanitecMcpSettings.MAX_REQUEST_BYTES_CEILING))
                    .maxSessions(options.number(maxSessions, 1, HumanitecMcpSettings.MAX_SESSIONS_CEILING, "sessions"))
                    .sessionIdleTimeout(Duration.ofMinutes(options.number(
                            sessionIdleMinutes,
                            1,
                            (int) HumanitecMcpSettings.SESSION_IDLE_TIMEOUT_CEILING.toMinutes(),
                            "minutes")))
                    .keepAliveInterval(Duration.ofSeconds(options.number(
                            keepAliveSeconds,
                            1,
                            (int) HumanitecMcpSettings.KEEP_ALIVE_INTERVAL_CEILING.toSeconds(),
                            "seconds")))
                    .build();
        } catch (NoToolLeftException e) {
            throw new UsageException(tools.name() + " with " + readOnly.name() + ": " + e.getMessage());
        } catch (UsageException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private Set<HumanitecTool> toolList(String value, List<String> names) {
        Set<HumanitecTool> allowed = EnumSet.noneOf(HumanitecTool.class);
        for (String name : names) {
            allowed.add(HumanitecTool.byName(name)
                    .orElseThrow(() -> new UsageException(
                            tools.name() + ": no tool is named '" + name + "'; the tools are " + toolNames())));
        }
        if (value != null && allowed.isEmpty()) {
            throw new UsageException(tools.name() + " must name at least one tool; the tools are " + toolNames());
        }
        return allowed;
    }

    private static String toolNames() {
        return String.join(
                ", ",
                EnumSet.allOf(HumanitecTool.class).stream()
                        .map(HumanitecTool::toolName)
                        .toList());
    }

    /** The given hosts, else the loopback names plus the address listened on (unless it is a wildcard). */
    private static List<String> hosts(String value, List<String> given, String host) {
        if (value != null && !value.isBlank()) {
            return given;
        }
        List<String> hosts = new ArrayList<>(HumanitecMcpSettings.LOOPBACK_HOSTS);
        if (!BindingRule.isLoopback(host) && !host.equals("0.0.0.0") && !host.equals("::") && !host.equals("[::]")) {
            String literal = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
            hosts.add(literal);
            hosts.add(literal + ":*");
        }
        return hosts;
    }

    /** Where to listen and the inbound token; the token is never shown. */
    private record Listening(
            String host,
            int port,
            String authToken,
            ConnectionLimits limits,
            OAuthResourceServer oauth,
            FaceTelemetry telemetry) {
        @Override
        public String toString() {
            return "Listening[host=" + host + ", port=" + port + ", authToken=" + (authToken == null ? "none" : "<set>")
                    + ", limits=" + limits + ", oauth=" + oauth + ", telemetry=" + telemetry + "]";
        }
    }
}
