/**
 * The Humanitec Event API as plain Java: the service interfaces for its 7 operations.
 *
 * <p>{@link org.openhumanitec.events.api.HumanitecEventApi} groups them as Humanitec does: the webhooks and the
 * jobs of an application, and the events of an organization. Implementations (the Feign client, the in-memory
 * sandbox) and faces (the REST and MCP adapters) all meet at these interfaces. The values they exchange live in
 * {@link org.openhumanitec.events.api.model}, the errors they throw in {@link org.openhumanitec.events.api.errors}.
 *
 * <p>This module has no dependency beyond the JDK.
 */
package org.openhumanitec.events.api;
