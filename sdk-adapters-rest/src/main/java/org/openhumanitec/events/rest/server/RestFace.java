package org.openhumanitec.events.rest.server;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openhumanitec.events.api.HumanitecEventApi;
import org.openhumanitec.events.feign.HumanitecClient;
import org.openhumanitec.events.feign.TokenlessHumanitecClient;
import org.openhumanitec.events.launcher.Backends;
import org.openhumanitec.events.launcher.BearerTokenFilter;
import org.openhumanitec.events.launcher.BindingRule;
import org.openhumanitec.events.launcher.ConnectionLimits;
import org.openhumanitec.events.launcher.EmbeddedServer;
import org.openhumanitec.events.launcher.FaceOptions;
import org.openhumanitec.events.launcher.FaceTelemetry;
import org.openhumanitec.events.launcher.LaunchOption;
import org.openhumanitec.events.launcher.LaunchOptions;
import org.openhumanitec.events.launcher.Launcher;
import org.openhumanitec.events.launcher.OAuthOptions;
import org.openhumanitec.events.launcher.OAuthResourceServer;
import org.openhumanitec.events.launcher.TelemetryOptions;
import org.openhumanitec.events.launcher.UsageException;
import org.openhumanitec.events.rest.CorsFilter;
import org.openhumanitec.events.rest.HumanitecRestServlet;
import org.openhumanitec.events.rest.SandboxControlServlet;
import org.openhumanitec.events.sandbox.HumanitecSandbox;

/**
 * The standalone REST server, the main class of {@code sdk-adapters-rest-<version>-runnable.jar}: the
 * {@link HumanitecRestServlet} on embedded Jetty 12, on {@code 127.0.0.1:8080} by default, serving the in-memory
 * sandbox ({@code --sandbox}), Humanitec with the server's token ({@code HUMANITEC_API_KEY} or
 * {@code HUMANITEC_TOKEN}; the gateway mode), or Humanitec with each caller's own token
 * ({@code --pass-through-auth}). Every option is also an environment variable ({@code HUMANITEC_REST_...});
 * {@code --help} lists them.
 *
 * <p>It serves {@code GET /metrics} (Prometheus text) unless {@code --disable-metrics}, and writes JSON logs with
 * {@code --log-format json}.
 *
 * <p>It listens beyond loopback only when callers authenticate: with {@code --auth-token} (callers send it as
 * {@code Authorization: Bearer}), with OAuth access tokens ({@code --oauth-issuer}: reading routes need the read
 * scope, the others the write scope; the caller's token is never sent to Humanitec), or in pass-through mode. The
 * health checks, the API document and the OAuth metadata document need no token.
 */
public final class RestFace implements Launcher.Face {

    /** The prefix of the server's environment variables: {@value}. */
    public static final String ENVIRONMENT_PREFIX = "HUMANITEC_REST";

    /** The port the server listens on by default: {@value}. */
    public static final int DEFAULT_PORT = 8080;

    private final FaceOptions common = FaceOptions.forFace(ENVIRONMENT_PREFIX, DEFAULT_PORT);
    private final LaunchOption passThroughAuth = LaunchOption.flag(
            "--pass-through-auth",
            ENVIRONMENT_PREFIX + "_PASS_THROUGH_AUTH",
            "Act with each caller's own Humanitec token (their Authorization: Bearer header); the server holds none");
    private final LaunchOption corsOrigins = LaunchOption.value(
            "--cors-origins",
            ENVIRONMENT_PREFIX + "_CORS_ORIGINS",
            null,
            "Comma-separated origins whose web pages may call the API (CORS), such as https://console.example.com;"
                    + " none by default");
    private final LaunchOption maxBodyBytes = LaunchOption.bodyBytes(
            "--max-body-bytes", ENVIRONMENT_PREFIX + "_MAX_BODY_BYTES", HumanitecRestServlet.DEFAULT_MAX_BODY_BYTES);
    private final OAuthOptions oauth =
            OAuthOptions.forFace(ENVIRONMENT_PREFIX, "https://humanitec-gateway.example.com");
    private final TelemetryOptions telemetryOptions = TelemetryOptions.forFace(ENVIRONMENT_PREFIX);

    /** The face, for {@link Launcher}. */
    public RestFace() {}

    /**
     * Runs the server until SIGTERM or Ctrl-C, which drain requests in flight and exit 0.
     *
     * @param args the options; {@code --help} lists them
     */
    public static void main(String[] args) {
        Launcher.main(new RestFace(), args);
    }

    @Override
    public String command() {
        String version = RestFace.class.getPackage().getImplementationVersion();
        return "java -jar sdk-adapters-rest-" + (version == null ? "<version>" : version) + "-runnable.jar";
    }

    @Override
    public String summary() {
        return "Serves the Humanitec Event API as Humanitec's own REST API under /v1: the in-memory sandbox"
                + " (--sandbox), Humanitec with this server's token (" + HumanitecClient.ENV_API_KEY + " or "
                + HumanitecClient.ENV_TOKEN + "), or Humanitec with each caller's own token (--pass-through-auth).";
    }

    @Override
    public List<LaunchOption> options() {
        List<LaunchOption> options = new ArrayList<>(common.all());
        options.add(passThroughAuth);
        options.add(corsOrigins);
        options.add(maxBodyBytes);
        options.addAll(oauth.all());
        options.addAll(telemetryOptions.all());
        return List.copyOf(options);
    }

    /**
     * Opens the backend the options ask for (the sandbox, or Humanitec with the server's token or without one in
     * pass-through mode) and serves it; the backend is closed when the server stops.
     *
     * @param options the option values
     * @param environment the environment, holding the Humanitec token in gateway mode
     * @return the running server
     * @throws UsageException if the options contradict each other, the address needs an inbound token, or the
     *     Humanitec token is missing
     */
    @Override
    public List<EmbeddedServer> start(LaunchOptions options, Map<String, String> environment) {
        Settings settings = settings(options);
        if (settings.passThrough()) {
            TokenlessHumanitecClient client =
                    Backends.openWithoutToken(options, common, environment, settings.telemetry());
            return List.of(serve(
                    settings,
                    HumanitecRestServlet.passThroughBuilder(client::withToken),
                    options.value(common.humanitecUrl()) + " (callers' own tokens)",
                    client,
                    null));
        }
        HumanitecEventApi backend = Backends.open(options, common, environment, settings.telemetry());
        return List.of(serve(
                settings,
                HumanitecRestServlet.builder(backend),
                Backends.describe(backend, options, common),
                backend,
                backend));
    }

    /**
     * Serves a backend the caller owns, with the options' host, port, inbound token, CORS origins, body limit and
     * pass-through switch ({@code --sandbox} and {@code --humanitec-url} are the caller's business then). Stopping
     * the server does not close the backend.
     *
     * @param options the option values
     * @param backend the implementation to serve; with {@code --pass-through-auth} it must be a
     *     {@link HumanitecClient}, whose {@link HumanitecClient#withToken(String)} serves each caller
     * @return the running server
     * @throws UsageException if the options contradict each other or the address needs an inbound token
     */
    public EmbeddedServer start(LaunchOptions options, HumanitecEventApi backend) {
        Settings settings = settings(options);
        if (!settings.passThrough()) {
            return serve(
                    settings,
                    HumanitecRestServlet.builder(backend),
                    Backends.describe(backend, options, common),
                    null,
                    backend);
        }
        if (!(backend instanceof HumanitecClient client)) {
            throw new UsageException(passThroughAuth.name() + " forwards each caller's token to Humanitec, so it"
                    + " needs a HumanitecClient as the backend, not " + Backends.describe(backend, options, common));
        }
        return serve(
                settings,
                HumanitecRestServlet.passThroughBuilder(client::withToken),
                Backends.describe(client, options, common) + " (callers' own tokens)",
                null,
                client);
    }

    private EmbeddedServer serve(
            Settings settings,
            HumanitecRestServlet.Builder servlet,
            String backendName,
            AutoCloseable owned,
            HumanitecEventApi served) {
        EmbeddedServer.Builder server = EmbeddedServer.builder("rest")
                .label("Humanitec REST adapter for " + backendName, "/v1")
                .host(settings.host())
                .port(settings.port())
                .connectionLimits(settings.limits())
                .telemetry(settings.telemetry(), RestFace::route)
                .closeOnStop(settings.telemetry());
        if (settings.cors() != null) {
            server.methods("GET", "POST", "PATCH", "DELETE", "OPTIONS").filter("/*", settings.cors());
        } else {
            server.methods("GET", "POST", "PATCH", "DELETE");
        }
        if (settings.authToken() != null) {
            server.filter("/*", new BearerTokenFilter(settings.authToken(), HumanitecRestServlet::isPublicRequest));
        }
        if (settings.oauth() != null) {
            OAuthResourceServer oauthServer = settings.oauth();
            Set<String> read = Set.of(oauthServer.readScope());
            Set<String> write = Set.of(oauthServer.writeScope());
            oauthServer.protect(
                    server,
                    request -> "GET".equals(request.getMethod()) ? read : write,
                    HumanitecRestServlet::isPublicRequest);
        }
        server.servlet("/*", servlet.maxBodyBytes(settings.maxBodyBytes()).build(), false);
        if (served instanceof HumanitecSandbox sandbox) {
            // The sandbox's control routes, beside /v1; in gateway mode they do not exist, and answer 404.
            server.servlet(SandboxControlServlet.MOUNT_PATH + "/*", new SandboxControlServlet(sandbox), false);
        }
        if (owned != null) {
            server.closeOnStop(owned);
        }
        return server.start();
    }

    /** The route template the servlet matched, or the metrics endpoint's path; null for any other path. */
    private static String route(HttpServletRequest request) {
        Object template = request.getAttribute(HumanitecRestServlet.ROUTE_ATTRIBUTE);
        if (template != null) {
            return template.toString();
        }
        return FaceTelemetry.METRICS_PATH.equals(request.getRequestURI()) ? FaceTelemetry.METRICS_PATH : null;
    }

    /** Reads and checks every option before anything is opened. */
    private Settings settings(LaunchOptions options) {
        String host = options.value(common.host());
        int port = options.port(common.port());
        String authToken = common.inboundToken(options);
        boolean passThrough = options.isOn(passThroughAuth);
        if (passThrough && options.isOn(common.sandbox())) {
            throw new UsageException(passThroughAuth.name() + " forwards each caller's token to Humanitec, and "
                    + common.sandbox().name() + " serves the in-memory sandbox, which takes no token: choose one.");
        }
        if (passThrough && authToken != null) {
            throw new UsageException(passThroughAuth.name() + " reads each caller's Authorization header as their"
                    + " Humanitec token, so callers cannot also send "
                    + common.authToken().name() + ": choose one.");
        }
        boolean oauthAsked = options.value(oauth.issuer()) != null;
        if (passThrough && oauthAsked) {
            throw new UsageException(passThroughAuth.name() + " reads each caller's Authorization header as their"
                    + " Humanitec token, so callers cannot also send OAuth access tokens ("
                    + oauth.issuer().name() + "): choose one.");
        }
        BindingRule.check(host, authToken != null || passThrough || oauthAsked, common.authToken());
        CorsFilter cors = cors(options);
        int maxBody = options.bytes(maxBodyBytes, HumanitecRestServlet.MAX_BODY_BYTES_CEILING);
        ConnectionLimits limits = common.connectionLimits(options);
        return new Settings(
                host,
                port,
                authToken,
                passThrough,
                cors,
                maxBody,
                limits,
                oauth.resourceServer(options, common),
                FaceTelemetry.from(options, telemetryOptions));
    }

    private CorsFilter cors(LaunchOptions options) {
        String value = options.value(corsOrigins);
        if (value == null || value.isBlank()) {
            return null;
        }
        List<String> origins = options.list(corsOrigins);
        try {
            return CorsFilter.allowing(origins);
        } catch (IllegalArgumentException e) {
            throw new UsageException(corsOrigins.name() + ": " + e.getMessage());
        }
    }

    /** The checked option values; the token is never shown. */
    private record Settings(
            String host,
            int port,
            String authToken,
            boolean passThrough,
            CorsFilter cors,
            int maxBodyBytes,
            ConnectionLimits limits,
            OAuthResourceServer oauth,
            FaceTelemetry telemetry) {
        @Override
        public String toString() {
            return "Settings[host=" + host + ", port=" + port + ", authToken=" + (authToken == null ? "none" : "<set>")
                    + ", passThrough=" + passThrough + ", cors=" + cors + ", maxBodyBytes=" + maxBodyBytes
                    + ", limits=" + limits + ", oauth=" + oauth + ", telemetry=" + telemetry + "]";
        }
    }
}
