package org.openhumanitec.events.feign.internal;

import feign.http2client.Http2Client;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.http.HttpClient;

/**
 * The JDK's {@link HttpClient} through feign-java11. Its connect timeout and redirect policy equal what Feign
 * passes with each request, so feign-java11 uses this one client instead of creating others. HTTP/2 is asked for
 * only over https (negotiated by ALPN); over plain http the client speaks HTTP/1.1, since an HTTP/2 request would
 * first try an {@code h2c} upgrade.
 *
 * <p>A proxy goes in as its {@code ProxySelector}, a CA bundle and client certificate as its {@code SSLContext}.
 * Proxy credentials are refused by {@code Transport} before this is reached: the JDK client answers a proxy's
 * 407 only through a JVM-wide rule that, by default, forbids Basic credentials on the {@code CONNECT} tunnel an
 * https request needs ({@code jdk.http.auth.tunneling.disabledSchemes}).
 *
 * <p>The JDK client has no switch for its own retries; it re-sends only on a few connection conditions of its
 * own. The read timeout is the request's timeout, which covers the wait for the response headers, not the reading
 * of the body. Before Java 21 it cannot be closed: its threads end when it is garbage-collected.
 */
final class JdkHttpTransport implements TransportFactory {

    @Override
    public OpenTransport open(TransportSettings settings) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(settings.https() ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1);
        ProxyRoute route = settings.proxy();
        if (route != null && !route.direct()) {
            builder.proxy(ProxySelector.of(InetSocketAddress.createUnresolved(route.host(), route.port())));
        }
        if (settings.tls() != null) {
            builder.sslContext(settings.tls().sslContext());
        }
        HttpClient http = builder.build();
        return new OpenTransport(
                new Http2Client(http),
                () -> {
                    if (http instanceof AutoCloseable closeable) { // Java 21 and later
                        closeable.close();
                    }
                },
                DeadlineClient.CLOSE,
                false);
    }
}
