/**
 * Receiving Humanitec webhook deliveries: {@link org.openhumanitec.events.webhooks.WebhookReceiver}, usable from any
 * framework, and {@link org.openhumanitec.events.webhooks.servlet.WebhookReceiverServlet} for Servlet 6 containers.
 */
module org.openhumanitec.events.webhooks {
    // A delivery names its event as an sdk-api Trigger, and exposes its raw JSON as a databind tree.
    requires transitive org.openhumanitec.events.api;
    requires transitive com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.core;
    requires org.openhumanitec.events.jackson;
    // The servlet only; the container provides it.
    requires static transitive jakarta.servlet;

    exports org.openhumanitec.events.webhooks;
    exports org.openhumanitec.events.webhooks.servlet;
}
