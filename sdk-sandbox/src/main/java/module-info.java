/**
 * The in-memory Humanitec Event API: {@link org.openhumanitec.events.sandbox.HumanitecSandbox}, for samples, local
 * runs and users' own tests.
 */
module org.openhumanitec.events.sandbox {
    // HumanitecSandbox is a HumanitecEventApi.
    requires transitive org.openhumanitec.events.api;
    // Firing events: the JDK's HTTP client sends deliveries, sdk-jackson's mapper writes their JSON bodies.
    requires java.net.http;
    requires org.openhumanitec.events.jackson;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.core;

    exports org.openhumanitec.events.sandbox;
}
