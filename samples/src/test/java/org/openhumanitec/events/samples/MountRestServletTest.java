package org.openhumanitec.events.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhumanitec.events.api.model.CreateWebhookRequest;
import org.openhumanitec.events.api.model.Trigger;
import org.openhumanitec.events.sandbox.HumanitecSandbox;

/** The documented mount serves the API, its health checks and its document below the prefix, and nothing else. */
class MountRestServletTest {

    private final HumanitecSandbox sandbox = HumanitecSandbox.create();
    private final HttpClient http = HttpClient.newHttpClient();
    private Server server;

    @BeforeEach
    void start() throws Exception {
        server = MountRestServlet.start(sandbox, 0);
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    private HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.getURI().resolve(path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void mount_servesTheApiBelowItsPrefix() throws Exception {
        sandbox.webhooks()
                .create(
                        "o",
                        "a",
                        CreateWebhookRequest.builder()
                                .id("hook-1")
                                .url("https://hooks.example.com/a")
                                .trigger(Trigger.DEPLOYMENT_FINISHED)
                                .build());

        assertThat(get("/humanitec/healthz").statusCode()).isEqualTo(200);
        assertThat(get("/humanitec/v1/openapi.json").body()).contains("\"openapi\"");
        assertThat(get("/humanitec/v1/orgs/o/apps/a/webhooks/hook-1").body()).contains("\"id\":\"hook-1\"");
        assertThat(get("/humanitec/v1/orgs/o/apps/a/webhooks/a%2Fb").statusCode())
                .isEqualTo(404);
        assertThat(get("/v1/orgs/o/events").statusCode())
                .as("nothing outside the prefix")
                .isEqualTo(404);
    }

    @Test
    void mount_allowsOnlyTheListedBrowserOrigin() throws Exception {
        assertThat(get("/humanitec/v1/orgs/o/events", "Origin", "https://console.example.com")
                        .headers()
                        .firstValue("Access-Control-Allow-Origin"))
                .hasValue("https://console.example.com");
        assertThat(get("/humanitec/v1/orgs/o/events", "Origin", "https://evil.example.com")
                        .headers()
                        .firstValue("Access-Control-Allow-Origin"))
                .isEmpty();
    }

    @Test
    void main_callsTheMountedApiWithTheClient() {
        assertThat(StandardOutput.of(() -> {
                    try {
                        MountRestServlet.main(new String[0]);
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                }))
                .startsWith("Webhook[id=deploy-notifier");
    }
}
