/**
 * The Humanitec Event API as Humanitec's own REST API: {@link org.openhumanitec.events.rest.HumanitecRestServlet}
 * for any servlet container, and the standalone server {@link org.openhumanitec.events.rest.server.RestFace}.
 */
module org.openhumanitec.events.rest {
    // The servlet takes any HumanitecEventApi and is a jakarta.servlet HttpServlet.
    requires transitive org.openhumanitec.events.api;
    requires transitive jakarta.servlet;
    requires org.openhumanitec.events.jackson;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;
    // The standalone server only, as in the pom: optional, so the servlet's users never need them. RestFace is a
    // Launcher.Face.
    requires static transitive org.openhumanitec.events.launcher;
    requires static org.openhumanitec.events.feign;
    // SandboxControlServlet only, which exists where a sandbox is served: optional like the launcher that brings it.
    requires static transitive org.openhumanitec.events.sandbox;

    exports org.openhumanitec.events.rest;
    exports org.openhumanitec.events.rest.server;
}
