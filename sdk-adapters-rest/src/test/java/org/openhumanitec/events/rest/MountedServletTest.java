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

/** The servlet mounted in an application's own container, below a context path, behind the token filter. */
class MountedServletTest {

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
