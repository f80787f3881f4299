/**
 * The Humanitec Event API as MCP tools: {@link org.openhumanitec.events.mcp.HumanitecMcpTools} (the 7 tools over any
 * {@link org.openhumanitec.events.api.HumanitecEventApi}), {@link org.openhumanitec.events.mcp.HumanitecTool} (their
 * names and behaviour flags), {@link org.openhumanitec.events.mcp.HumanitecMcpSettings} and
 * {@link org.openhumanitec.events.mcp.HumanitecMcpServlet} (Streamable HTTP, mountable in any Servlet 6 container).
 */
package org.openhumanitec.events.mcp;
