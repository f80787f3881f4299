/**
 * Receiving Humanitec webhook deliveries: {@link org.openhumanitec.events.webhooks.WebhookReceiver} checks a
 * shared-secret header in constant time, bounds and parses the body into a
 * {@link org.openhumanitec.events.webhooks.WebhookDelivery}, answers at once and hands the delivery to your code.
 */
package org.openhumanitec.events.webhooks;
