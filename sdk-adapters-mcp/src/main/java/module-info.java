/**
 * The Humanitec Event API as MCP tools: {@link org.openhumanitec.events.mcp.HumanitecMcpServlet} for any servlet
 * container, the tools themselves, and the standalone server {@link org.openhumanitec.events.mcp.server.McpFace}.
 */
// The MCP Java SDK 2.1.0 has no module descriptor; its jars name themselves with a stable Automatic-Module-Name,
// and its tool specifications are part of this module's API, so requiring it (transitively) is deliberate.
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module org.openhumanitec.events.mcp {
    // The servlet takes any HumanitecEventApi and is a jakarta.servlet HttpServlet; HumanitecMcpTools hands out
    // the MCP SDK's tool specifications.
    requires transitive org.openhumanitec.events.api;
    requires transitive jakarta.servlet;
    requires transitive io.modelcontextprotocol.sdk.mcp.core;
    requires io.modelcontextprotocol.sdk.mcp.json.jackson2;
    requires com.networknt.schema;
    requires transitive reactor.core;
    requires org.openhumanitec.events.jackson;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;
    // The standalone server only, as in the pom: optional, so the servlet's users never need them. McpFace is a
    // Launcher.Face.
    requires static transitive org.openhumanitec.events.launcher;
    requires static org.openhumanitec.events.feign;
    requires static micrometer.core;

    exports org.openhumanitec.events.mcp;
    exports org.openhumanitec.events.mcp.server;
}
