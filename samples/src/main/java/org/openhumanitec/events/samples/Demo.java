package org.openhumanitec.events.samples;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openhumanitec.events.api.HumanitecEventApi;
import org.openhumanitec.events.feign.HumanitecClient;
import org.openhumanitec.events.launcher.Backends;
import org.openhumanitec.events.launcher.EmbeddedServer;
import org.openhumanitec.events.launcher.FaceOptions;
import org.openhumanitec.events.launcher.LaunchOption;
import org.openhumanitec.events.launcher.LaunchOptions;
import org.openhumanitec.events.launcher.Launcher;
import org.openhumanitec.events.launcher.UsageException;
import org.openhumanitec.events.mcp.server.McpFace;
import org.openhumanitec.events.rest.server.RestFace;
import org.openhumanitec.events.sandbox.HumanitecSandbox;

/**
 * Both faces in one process over one backend, the main class of {@code samples/target/humanitec-demo.jar}: the REST
 * face on port 8080 and the MCP face on port 9090, serving the in-memory sandbox, or Humanitec itself with
 * {@code --humanitec} and {@code HUMANITEC_API_KEY} set. A webhook created through one face is seen through the
 * other. Ctrl-C drains both and exits.
 */
public final class Demo implements Launcher.Face {

    /** The prefix of the demo's environment variables: {@value}. */
    public static final String ENVIRONMENT_PREFIX = "HUMANITEC_DEMO";

    private final FaceOptions common = FaceOptions.forFace(ENVIRONMENT_PREFIX, RestFace.DEFAULT_PORT);
    private final LaunchOption restPort = LaunchOption.value(
            "--rest-port",
            ENVIRONMENT_PREFIX + "_REST_PORT",
            Integer.toString(RestFace.DEFAULT_PORT),
            "TCP port of the REST face; 0 picks a free one");
    private final LaunchOption mcpPort = LaunchOption.value(
            "--mcp-port",
            ENVIRONMENT_PREFIX + "_MCP_PORT",
            Integer.toString(McpFace.DEFAULT_PORT),
            "TCP port of the MCP face; 0 picks a free one");
    private final LaunchOption humanitec = LaunchOption.flag(
            "--humanitec",
            ENVIRONMENT_PREFIX + "_HUMANITEC",
            "Serve Humanitec itself (token from " + HumanitecClient.ENV_API_KEY + " or " + HumanitecClient.ENV_TOKEN
                    + ") instead of the in-memory sandbox");

    /** Whether callers must send a token, for {@link #nextSteps}: set by {@link #start}. */
    private volatile boolean authenticated;

    /** The demo, for {@link Launcher}. */
    public Demo() {}

    /**
     * Runs both faces until Ctrl-C.
     *
     * @param args the options; {@code --help} lists them
     */
    public static void main(String[] args) {
        Launcher.main(new Demo(), args);
    }

    @Override
    public String command() {
        return "java -jar samples/target/humanitec-demo.jar";
    }

    @Override
    public String summary() {
        return "Serves the Humanitec Event API as REST (/v1) and as MCP tools (/mcp) in one process, over the"
                + " in-memory sandbox, or over Humanitec itself with --humanitec.";
    }

    @Override
    public List<LaunchOption> options() {
        return List.of(common.host(), restPort, mcpPort, humanitec, common.humanitecUrl(), common.authToken());
    }

    /**
     * Opens the backend and starts both faces over it; if the second cannot start, the first is stopped.
     *
     * @param options the option values
     * @param environment the environment, holding the Humanitec token with {@code --humanitec}
     * @return the REST server, then the MCP server
     * @throws UsageException if an option is wrong or, with {@code --humanitec}, the token is missing
     */
    @Override
    public List<EmbeddedServer> start(LaunchOptions options, Map<String, String> environment) {
        HumanitecEventApi backend = options.isOn(humanitec)
                ? Backends.openHumanitec(options, common.humanitecUrl(), environment, "or run without --humanitec")
                : HumanitecSandbox.create();
        List<EmbeddedServer> servers = new ArrayList<>();
        try {
            RestFace rest = new RestFace();
            servers.add(rest.start(faceOptions(rest, options, restPort), backend));
            McpFace mcp = new McpFace();
            servers.add(mcp.start(faceOptions(mcp, options, mcpPort), backend));
            return List.copyOf(servers);
        } catch (RuntimeException e) {
            servers.forEach(EmbeddedServer::close);
            backend.close();
            throw e;
        }
    }

    /** One face's options: the demo's host, that face's port, the demo's inbound token; the rest defaults. */
    private LaunchOptions faceOptions(Launcher.Face face, LaunchOptions options, LaunchOption port) {
        List<String> args = new ArrayList<>(List.of(
                common.host().name(),
                options.value(common.host()),
                common.port().name(),
                options.value(port)));
        String authToken = options.value(common.authToken());
        authenticated = authToken != null;
        if (authToken != null) {
            args.addAll(List.of(common.authToken().name(), authToken));
        }
        return LaunchOptions.parse(face.options(), args.toArray(String[]::new), Map.of());
    }

    @Override
    public String nextSteps(List<EmbeddedServer> servers) {
        String rest = servers.get(0).uri() + "/v1/orgs/my-org";
        String curl = authenticated ? "curl -H 'Authorization: Bearer <your --auth-token>' " : "curl ";
        return "Try:\n"
                + "  " + curl + rest + "/events\n"
                + "  " + curl + "-H 'Content-Type: application/json' " + rest + "/apps/my-app/webhooks \\\n"
                + "       -d '{\"id\":\"my-hook\",\"url\":\"https://example.com/hook\","
                + "\"triggers\":[{\"scope\":\"deployment\",\"type\":\"finished\"}]}'\n"
                + "  # fires the event at the app's webhooks (sandbox only):\n"
                + "  " + curl + "-H 'Content-Type: application/json' "
                + servers.get(0).uri()
                + "/sandbox/v1/orgs/my-org/apps/my-app/events \\\n"
                + "       -d '{\"scope\":\"deployment\",\"type\":\"finished\",\"values\":{\"env_id\":\"dev\"}}'\n"
                + "  MCP clients (an agent, the MCP Inspector) connect to "
                + servers.get(1).uri() + "/mcp\n"
                + "Stop with Ctrl-C.\n";
    }
}
