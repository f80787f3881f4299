package org.openhumanitec.events.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openhumanitec.events.launcher.EmbeddedServer;
import org.openhumanitec.events.launcher.LaunchOptions;
import org.openhumanitec.events.launcher.Launcher;
import org.openhumanitec.events.launcher.UsageException;
import org.openhumanitec.events.rest.server.RestFace;
import org.openhumanitec.events.sandbox.HumanitecSandbox;

/** The demo serves one backend through both faces: what one face changes, the other shows. */
class DemoTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String HOOK = "{\"id\":\"from-rest\",\"url\":\"https://hooks.example.com/rest\","
            + "\"triggers\":[{\"scope\":\"deployment\",\"type\":\"finished\"}]}";

    @Test
    void onTheSandbox_bothFacesServeTheSameWebhooks() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        List<EmbeddedServer> servers = Launcher.start(
                new Demo(),
                new String[] {"--rest-port", "0", "--mcp-port", "0"},
                Map.of(),
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            URI rest = servers.get(0).uri();
            URI mcp = URI.create(servers.get(1).uri() + "/mcp");
            assertThat(printed.toString(StandardCharsets.UTF_8).lines())
                    .contains(
                            "Humanitec REST adapter for the sandbox listening on " + rest + "/v1",
                            "  curl " + rest + "/v1/orgs/my-org/events",
                            "  curl -H 'Content-Type: application/json' " + rest
                                    + "/sandbox/v1/orgs/my-org/apps/my-app/events \\",
                            "Stop with Ctrl-C.")
                    .anyMatch(line -> line.contains("listening on " + mcp));

            assertThat(post(rest + "/v1/orgs/my-org/apps/my-app/webhooks", HOOK).statusCode())
                    .isEqualTo(201);
            Object listedOverMcp = McpClientSample.run(mcp);

            assertThat(listedOverMcp.toString()).contains("from-rest", "from-an-agent");
            assertThat(get(rest + "/v1/orgs/my-org/apps/my-app/webhooks").body())
                    .contains("\"from-rest\"", "\"from-an-agent\"");
        } finally {
            servers.forEach(EmbeddedServer::close);
        }
    }

    @Test
    void withHumanitec_bothFacesServeIt_withTheServersToken() throws Exception {
        // "Humanitec" here is a REST face over a sandbox: the demo reaches it as it would reach api.humanitec.io.
        RestFace upstreamFace = new RestFace();
        try (HumanitecSandbox upstream = HumanitecSandbox.create();
                EmbeddedServer humanitec = upstreamFace.start(
                        LaunchOptions.parse(
                                upstreamFace.options(),
                                new String[] {"--port", "0", "--auth-token", "humanitec-token"},
                                Map.of()),
                        upstream)) {
            List<EmbeddedServer> servers = Launcher.start(
                    new Demo(),
                    new String[] {
                        "--humanitec", "--humanitec-url", humanitec.uri() + "/v1", "--rest-port", "0", "--mcp-port", "0"
                    },
                    Map.of("HUMANITEC_API_KEY", "humanitec-token"),
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            try {
                URI rest = servers.get(0).uri();
                assertThat(post(rest + "/v1/orgs/o/apps/a/webhooks", HOOK).statusCode())
                        .isEqualTo(201);
                McpClientSample.run(URI.create(servers.get(1).uri() + "/mcp"));

                assertThat(upstream.webhooks().list("o", "a"))
                        .extracting(webhook -> webhook.id())
                        .containsExactly("from-rest");
                assertThat(upstream.webhooks().list("my-org", "my-app"))
                        .extracting(webhook -> webhook.id())
                        .containsExactly("from-an-agent");
            } finally {
                servers.forEach(EmbeddedServer::close);
            }
        }
    }

    @Test
    void withHumanitec_andNoToken_saysWhatToDo() {
        assertThatThrownBy(() -> Launcher.start(
                        new Demo(),
                        new String[] {"--humanitec", "--rest-port", "0", "--mcp-port", "0"},
                        Map.of(),
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)))
                .isInstanceOf(UsageException.class)
                .hasMessage("No Humanitec token: set HUMANITEC_API_KEY (or HUMANITEC_TOKEN), or run without"
                        + " --humanitec");
    }

    @Test
    void whenTheSecondFaceCannotStart_theFirstIsStoppedToo() throws IOException {
        int restPort;
        try (ServerSocket free = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            restPort = free.getLocalPort();
        }
        try (ServerSocket taken = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> Launcher.start(
                            new Demo(),
                            new String[] {
                                "--rest-port",
                                Integer.toString(restPort),
                                "--mcp-port",
                                Integer.toString(taken.getLocalPort())
                            },
                            Map.of(),
                            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)))
                    .isInstanceOf(RuntimeException.class);
        }
        try (ServerSocket released = new ServerSocket(restPort, 0, InetAddress.getLoopbackAddress())) {
            assertThat(released.getLocalPort()).isEqualTo(restPort);
        }
    }

    private static HttpResponse<String> post(String uri, String json) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(uri))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String uri) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(uri)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
