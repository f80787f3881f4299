package org.openhumanitec.events.rest;

import jakarta.servlet.DispatcherType;
import java.net.InetSocketAddress;
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

/**
 * The code {@code docs/rest-adapter.md} shows for mounting the servlet in an application's own Jetty 12: compiled
 * here and run by {@link MountExampleTest}; {@link DocsSnippetsTest} keeps the two identical.
 */
final class MountExample {

    private MountExample() {}

    /**
     * Starts a Jetty server of "the application" with the REST face below {@code /humanitec}.
     *
     * @param api the implementation to publish
     * @return the running server
     * @throws Exception if Jetty cannot start
     */
    static Server start(HumanitecEventApi api) throws Exception {
        // BEGIN mount the servlet
        Server server = new Server();
        // Ids may hold encoded slashes (a%2Fb): let them through; the servlet decodes each segment itself.
        HttpConfiguration config = new HttpConfiguration();
        config.setUriCompliance(UriCompliance.DEFAULT.with(
                "humanitec-ids",
                UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR,
                UriCompliance.Violation.AMBIGUOUS_PATH_ENCODING));
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(config));
        connector.setHost("127.0.0.1");
        connector.setPort(0);
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

    /**
     * The address of a server {@link #start} started.
     *
     * @param server the server
     * @return its loopback address and port
     */
    static InetSocketAddress address(Server server) {
        return new InetSocketAddress("127.0.0.1", ((ServerConnector) server.getConnectors()[0]).getLocalPort());
    }
}
