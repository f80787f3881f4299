package org.openhumanitec.events.webhooks.servlet;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;
import org.openhumanitec.events.webhooks.WebhookReceiver;

/**
 * A {@link WebhookReceiver} as a Jakarta Servlet 6 servlet: mount it at the path of your webhook's URL. It takes
 * {@code POST} and answers every other method 405; what it answers a POST is the receiver's {@link
 * WebhookReceiver.Reply}. The servlet does not close the receiver: its owner does.
 *
 * <pre>{@code
 * WebhookReceiver receiver = WebhookReceiver.builder(this::onDelivery)
 *         .sharedSecret("X-Hook-Secret", secret)
 *         .build();
 * context.addServlet(new ServletHolder(new WebhookReceiverServlet(receiver)), "/hooks/humanitec");
 * }</pre>
 */
public final class WebhookReceiverServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final WebhookReceiver.Reply METHOD_NOT_ALLOWED = new WebhookReceiver.Reply(
            405,
            "{\"error\":\"WEBHOOK-405\",\"message\":\"Webhook deliveries are POSTed; this path takes POST only.\"}");

    private final transient WebhookReceiver receiver;

    /**
     * A servlet feeding one receiver.
     *
     * @param receiver the receiver
     */
    public WebhookReceiverServlet(WebhookReceiver receiver) {
        this.receiver = Objects.requireNonNull(receiver, "receiver must not be null");
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        if (!"POST".equals(request.getMethod())) {
            response.setHeader("Allow", "POST");
            send(response, METHOD_NOT_ALLOWED);
            return;
        }
        send(response, receiver.receive(request::getHeader, request.getInputStream()));
    }

    private static void send(HttpServletResponse response, WebhookReceiver.Reply reply) throws IOException {
        byte[] body = reply.bodyBytes();
        response.setStatus(reply.status());
        response.setContentType(WebhookReceiver.Reply.CONTENT_TYPE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
