/**
 * The REST face of the Humanitec Event API: {@link org.openhumanitec.events.rest.HumanitecRestServlet} publishes
 * any implementation of {@link org.openhumanitec.events.api.HumanitecEventApi} as Humanitec's own REST API under
 * {@code /v1}, in any Jakarta Servlet 6 container; {@link org.openhumanitec.events.rest.CorsFilter} opens it to
 * browser pages of listed origins. The standalone server is in {@code org.openhumanitec.events.rest.server}.
 *
 * <p>This package needs {@code sdk-api}, {@code sdk-jackson} (the wire format) and the Servlet API only.
 */
package org.openhumanitec.events.rest;
