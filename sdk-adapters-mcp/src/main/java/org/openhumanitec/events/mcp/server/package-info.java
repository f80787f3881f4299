/**
 * The standalone MCP server: {@link org.openhumanitec.events.mcp.server.McpFace}, the
 * {@link org.openhumanitec.events.mcp.HumanitecMcpServlet} on embedded Jetty, run by the launcher of
 * {@code sdk-adapters-launcher}.
 */
package org.openhumanitec.events.mcp.server;
