package org.openhumanitec.events.feign.internal;

import java.time.Duration;

/**
 * What a transport is built with.
 *
 * @param connectTimeout the connect timeout of each attempt
 * @param readTimeout the read timeout of each attempt
 * @param https whether the base URL is {@code https}, so HTTP/2 can be negotiated by ALPN
 * @param proxy the proxy to go through, {@link ProxyRoute#DIRECT}, or null to leave the library's default
 * @param tls the CA bundle and client certificate to use, or null for the JDK's defaults
 */
record TransportSettings(
        Duration connectTimeout, Duration readTimeout, boolean https, ProxyRoute proxy, TlsContext tls) {}
