/**
 * What the standalone REST and MCP servers share, so each face's {@code main} is a few lines.
 *
 * <ul>
 *   <li>{@link org.openhumanitec.events.launcher.LaunchOption} and
 *       {@link org.openhumanitec.events.launcher.LaunchOptions}: options from the command line, else the
 *       environment, else a default, with a generated {@code --help};
 *   <li>{@link org.openhumanitec.events.launcher.BindingRule}: never listen beyond loopback without an inbound
 *       token;
 *   <li>{@link org.openhumanitec.events.launcher.BearerTokenFilter}: the inbound token check;
 *   <li>{@link org.openhumanitec.events.launcher.EmbeddedServer}: Jetty 12 on one port, JSON error pages, an
 *       access log without secrets, and a graceful drain on shutdown.
 * </ul>
 */
package org.openhumanitec.events.launcher;
