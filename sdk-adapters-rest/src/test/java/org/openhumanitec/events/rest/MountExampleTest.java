package org.openhumanitec.events.rest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.DispatcherType;
import java.net.URI;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;
import org.openhumanitec.events.api.model.CreateWebhookRequest;
import org.openhumanitec.events.api.model.Trigger;
import org.openhumanitec.events.feign.HumanitecClient;
import org.openhumanitec.events.launcher.BearerTokenFilter;
import org.openhumanitec.events.sandbox.HumanitecSandbox;

/** The servlet mounted in an application's own container, below a context path and a servlet prefix. */
class MountExampleTest {

    @Test
    void theDocumentedMount_servesTheApiBelowItsPrefix() throws Exception {
        RecordingApi backend = new RecordingApi();
        Server server = MountExample.start(backend);
        try {
            Http http = new Http(URI.create(
                    "http://127.0.0.1:" + MountExample.address(server).getPort()));

            assertThat(http.get("/humanitec/healthz").status()).isEqualTo(200);
            assertThat(http.get("/humanitec/v1/openapi.json").status()).isEqualTo(200);
            assertThat(http.get("/humanitec/v1/orgs/o/apps/a/webhooks/a%2Fb").status())
                    .isEqualTo(200);
            assertThat(http.get("/v1/orgs/o/events").status())
                    .as("nothing outside the prefix")
                    .isEqualTo(404);
            assertThat(http.get("/humanitec/v1/orgs/o/events", "Origin", "https://console.example.com")
                            .header("Access-Control-Allow-Origin"))
                    .hasValue("https://console.example.com");
            assertThat(backend.calls()).containsExactly("get [o] [a] [a/b]", "events [o]");
        } finally {
            server.stop();
        }
    }

    @Test
    void theClient_worksAgainstTheAdapterAsAgainstHumanitec() throws Exception {
        Server server = MountExample.start(HumanitecSandbox.create());
        String adapterUrl = "http://127.0.0.1:" + MountExample.address(server).getPort() + "/humanitec/v1";
        try {
            // BEGIN point the client at the adapter
            try (HumanitecClient client = HumanitecClient.builder()
                    .baseUrl(adapterUrl) // such as http://127.0.0.1:8080/v1
                    .token("any") // the sandbox takes any token; with --auth-token, send that one
                    .build()) {
                client.webhooks()
                        .create(
                                "my-org",
                                "my-app",
                                CreateWebhookRequest.builder()
                                        .id("deploy-notifier")
                                        .url("https://hooks.example.com/humanitec")
                                        .trigger(Trigger.DEPLOYMENT_FINISHED)
                                        .build());
                System.out.println(client.webhooks().get("my-org", "my-app", "deploy-notifier"));
            }
            // END
        } finally {
            server.stop();
        }
    }

    @Test
    void belowAContextPath_withATokenFilter_theClientWorksUnchanged() throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/app");
        context.addFilter(
                new FilterHolder(new BearerTokenFilter("app-secret", HumanitecRestServlet::isPublicRequest)),
                "/api/*",
                EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(
                new ServletHolder(
                        HumanitecRestServlet.builder(HumanitecSandbox.create()).build()),
                "/api/*");
        server.setHandler(context);
        server.start();
        String base = "http://127.0.0.1:" + connector.getLocalPort() + "/app/api";
        try (HumanitecClient client = HumanitecClient.builder()
                .baseUrl(base + "/v1")
                .token("app-secret")
                .build()) {
            client.webhooks()
                    .create(
                            "o",
                            "a",
                            CreateWebhookRequest.builder()
                                    .id("hook-1")
                                    .url("https://hooks.example.com/a")
                                    .trigger(Trigger.DEPLOYMENT_FINISHED)
                                    .build());

            assertThat(client.webhooks().list("o", "a")).hasSize(1);
            assertThat(new Http(URI.create(base)).get("/healthz").status()).isEqualTo(200);
            assertThat(new Http(URI.create(base)).get("/v1/orgs/o/events").status())
                    .isEqualTo(401);
        } finally {
            server.stop();
        }
    }
}
