package org.openhumanitec.events.samples;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.openhumanitec.events.api.model.CreateWebhookRequest;
import org.openhumanitec.events.api.model.Trigger;
import org.openhumanitec.events.sandbox.Delivery;
import org.openhumanitec.events.sandbox.HumanitecSandbox;
import org.openhumanitec.events.webhooks.WebhookDelivery;
import org.openhumanitec.events.webhooks.WebhookReceiver;
import org.openhumanitec.events.webhooks.servlet.WebhookReceiverServlet;

/**
 * A deploy notifier end to end, on one machine: it serves its own webhook receiver on loopback, subscribes it to an
 * app's finished deployments on the sandbox, fires {@code deployment/finished}, and prints the delivery from both
 * sides.
 */
public final class ReceiveDeployments {

    private static final String SECRET_HEADER = "X-Hook-Secret";

    private ReceiveDeployments() {}

    /**
     * Runs the sample.
     *
     * @param args none
     * @throws Exception if Jetty cannot start or stop, or no delivery arrives within 30 seconds
     */
    public static void main(String[] args) throws Exception {
        // BEGIN receive-deployments
        String secret = "sample-secret-" + Long.toHexString(System.nanoTime()); // in production: from your vault
        CompletableFuture<WebhookDelivery> received = new CompletableFuture<>();
        try (WebhookReceiver receiver = WebhookReceiver.builder(received::complete)
                .sharedSecret(SECRET_HEADER, secret)
                .build()) {
            Server jetty = receiverOnLoopback(new WebhookReceiverServlet(receiver), "/hooks/deploys");
            try {
                URI hook = URI.create(jetty.getURI().resolve("/hooks/deploys").toString());
                HumanitecSandbox humanitec = HumanitecSandbox.create();
                humanitec
                        .webhooks()
                        .create(
                                "my-org",
                                "shop",
                                CreateWebhookRequest.builder()
                                        .id("deploys-shop")
                                        .url(hook.toString()) // plain http: the sandbox allows it for loopback
                                        .headers(Map.of(SECRET_HEADER, secret))
                                        .payload(Map.of(
                                                "event", "${event}", // the receiver reads the event from it
                                                "text", "${app_id} deployed to ${env_id}: ${status}"))
                                        .trigger(Trigger.DEPLOYMENT_FINISHED)
                                        .build());

                List<Delivery> deliveries = humanitec.fire(
                        "my-org",
                        "shop",
                        Trigger.DEPLOYMENT_FINISHED,
                        Map.of("env_id", "production", "status", "succeeded"));

                Delivery sent = deliveries.get(0);
                System.out.println("sandbox:  " + sent.jobId() + " " + sent.outcome() + " "
                        + sent.status().orElse(0));
                WebhookDelivery delivery = received.get(30, TimeUnit.SECONDS);
                System.out.println("receiver: " + delivery.event().orElseThrow() + " \""
                        + delivery.value("text").orElse("") + "\"");
            } finally {
                jetty.stop();
            }
        }
        // END receive-deployments
    }

    /** Jetty on 127.0.0.1 and a free port, serving one servlet at one path. */
    private static Server receiverOnLoopback(WebhookReceiverServlet servlet, String path) throws Exception {
        Server jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(servlet), path);
        jetty.setHandler(context);
        jetty.start();
        return jetty;
    }
}
