/**
 * {@link org.openhumanitec.events.webhooks.servlet.WebhookReceiverServlet}: a
 * {@link org.openhumanitec.events.webhooks.WebhookReceiver} as a Jakarta Servlet 6 servlet.
 */
package org.openhumanitec.events.webhooks.servlet;
