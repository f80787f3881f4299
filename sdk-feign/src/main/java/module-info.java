/**
 * The Humanitec Event API over HTTP with Feign: {@link org.openhumanitec.events.feign.HumanitecClient}. Only
 * {@code org.openhumanitec.events.feign} is exported; {@code org.openhumanitec.events.feign.internal} is
 * implementation.
 */
// okhttp3, resilience4j and Apache HttpClient 5 have no module descriptor yet; each names itself with a stable
// Automatic-Module-Name in its manifest, so requiring them as automatic modules is deliberate. Micrometer's two
// modules are automatic too, and transitive because the builder's API names their registries.
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module org.openhumanitec.events.feign {
    // HumanitecClient is a HumanitecEventApi; Transport.custom takes a feign.Client.
    requires transitive org.openhumanitec.events.api;
    requires transitive feign.core;
    requires org.openhumanitec.events.jackson;
    requires feign.okhttp;
    requires okhttp3;
    requires io.github.resilience4j.core;
    requires io.github.resilience4j.retry;
    requires org.slf4j;
    // Failures maps the JDK client's timeout to NetworkTimeoutException whichever transport is in use.
    requires java.net.http;
    // The optional transports: present only for users who choose them (Transport names what to add otherwise).
    requires static feign.java11;
    requires static feign.hc5;
    requires static org.apache.httpcomponents.client5.httpclient5;
    requires static org.apache.httpcomponents.core5.httpcore5;
    // Optional observability: the builder's observationRegistry(...) and meterRegistry(...) take Micrometer types,
    // which only users who call them need; feign-micrometer has no Automatic-Module-Name, so its module is named
    // after its jar.
    requires static transitive micrometer.observation;
    requires static transitive micrometer.core;
    requires static micrometer.commons;
    requires static feign.micrometer;

    exports org.openhumanitec.events.feign;

    // Not an API: Feign itself creates the Param.Expander classes named on the internal resource interface (the
    // token's header value, the path segments) through their public constructors, so its package must be
    // readable by feign.core and by nothing else.
    exports org.openhumanitec.events.feign.internal to
            feign.core;
}
