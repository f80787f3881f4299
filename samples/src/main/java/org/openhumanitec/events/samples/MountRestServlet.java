package org.openhumanitec.events.samples;

import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.openhumanitec.events.api.HumanitecEventApi;
import org.openhumanitec.events.api.model.CreateWebhookRequest;
import org.openhumanitec.events.api.model.Trigger;
import org.openhumanitec.events.feign.HumanitecClient;
import org.openhumanitec.events.rest.CorsFilter;
import org.openhumanitec.events.rest.HumanitecRestServlet;
import org.openhumanitec.events.sandbox.HumanitecSandbox;

/**
 * Mounting the REST servlet in an application's own Jetty 12, below {@code /humanitec}, then calling it with the
 * client as one would call Humanitec. Any Servlet 6 container works the same way.
 */
public final class MountRestServlet {

    private MountRestServlet() {}

    /**
     * Starts "the application" on a free port, calls the mounted API once, and stops.
     *
     * @param args ignored
     * @throws Exception if Jetty cannot start or stop
     */
    public static void main(String[] args) throws Exception {
        Server server = start(HumanitecSandbox.create(), 0);
        try {
            String adapterUrl = server.getURI().resolve("/humanitec/v1").toString();
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

    /**
     * Starts a Jetty server with the REST face below {@code /humanitec}.
     *
     * @param api the implementation to publish: the sandbox, a {@code HumanitecClient}, ...
     * @param port the port, 0 for a free one
     * @return the running server
     * @throws Exception if Jetty cannot start
     */
    public static Server start(HumanitecEventApi api, int port) throws Exception {
        // BEGIN mount the servlet
        Server server = new Server();
        // Ids may hold any character (a%2Fb, a%5Cb, %2E): let them through; the servlet decodes each segment itself
        // and answers what it cannot decode with a 400 naming the parameter.
        HttpConfiguration config = new HttpConfiguration();
        config.setUriCompliance(UriCompliance.DEFAULT.with(
                "humanitec-ids",
                UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR,
                UriCompliance.Violation.AMBIGUOUS_PATH_ENCODING,
                UriCompliance.Violation.AMBIGUOUS_PATH_SEGMENT,
                UriCompliance.Violation.SUSPICIOUS_PATH_CHARACTERS,
                UriCompliance.Violation.ILLEGAL_PATH_CHARACTERS,
                UriCompliance.Violation.BAD_PERCENT_ENCODING,
                UriCompliance.Violation.BAD_UTF8_ENCODING,
                UriCompliance.Violation.TRUNCATED_UTF8_ENCODING,
                UriCompliance.Violation.UTF16_ENCODINGS));
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(config));
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);

        ServletContextHandler context = new ServletContextHandler("/");
        context.getServletHandler().setDecodeAmbiguousURIs(true);
        HumanitecRestServlet humanitec = HumanitecRestServlet.builder(api) // the sandbox, a HumanitecClient, ...
                .maxBodyBytes(256 * 1024)
                .build();
        // Serves /humanitec/v1/..., /humanitec/healthz, /humanitec/readyz and /humanitec/v1/openapi.json.
        context.addServlet(new ServletHolder(humanitec), "/humanitec/*");
        // Optional: let the pages of one web console call it from a browser.
        context.addFilter(
                new FilterHolder(CorsFilter.allowing(List.of("https://console.example.com"))),
                "/humanitec/*",
                EnumSet.of(DispatcherType.REQUEST));
        server.setHandler(context);
        server.start();
        // END
        return server;
    }
}
