/**
 * What the standalone REST and MCP servers share: options, the choice of backend, the inbound token, the binding
 * rule and embedded Jetty 12. See {@link org.openhumanitec.events.launcher.Launcher}.
 */
// Micrometer has no module descriptor; its jars name themselves with a stable Automatic-Module-Name, and
// FaceTelemetry hands out its MeterRegistry.
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module org.openhumanitec.events.launcher {
    // Backends hands out HumanitecEventApi and builds HumanitecClient; EmbeddedServer and BearerTokenFilter take
    // and are servlet types.
    requires transitive org.openhumanitec.events.api;
    requires transitive jakarta.servlet;
    requires transitive org.openhumanitec.events.feign;
    requires org.openhumanitec.events.sandbox;
    requires org.openhumanitec.events.jackson;
    requires com.fasterxml.jackson.databind;
    requires org.eclipse.jetty.server;
    requires org.eclipse.jetty.http;
    requires org.eclipse.jetty.io;
    requires org.eclipse.jetty.util;
    requires org.eclipse.jetty.ee10.servlet;
    requires org.slf4j;
    // The OAuth resource-server mode: access-token validation, key sets, discovery documents.
    requires com.nimbusds.jose.jwt;
    requires transitive micrometer.core;
    requires micrometer.registry.prometheus;
    requires micrometer.observation;
    // --log-format json under logback, the runnable jars' binding; optional, as in the pom.
    requires static ch.qos.logback.classic;
    requires static ch.qos.logback.core;

    exports org.openhumanitec.events.launcher;
}
