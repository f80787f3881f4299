/**
 * The standalone REST server: {@link org.openhumanitec.events.rest.server.RestFace}, the main class of the runnable
 * jar, serving the REST face on embedded Jetty 12 with the sandbox, with Humanitec behind a server-held token, or
 * with each caller's own Humanitec token.
 *
 * <p>It needs the optional dependency {@code sdk-adapters-launcher} (Jetty, the sandbox and the Feign client), which
 * the runnable jar packs.
 */
package org.openhumanitec.events.rest.server;
