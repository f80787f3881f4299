package org.openhumanitec.events.feign.internal;

import feign.hc5.ApacheHttp5Client;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.EofSensorInputStream;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * Apache HttpClient 5 through feign-hc5, with its own connection pool of up to {@value #MAX_CONNECTIONS}
 * connections. Its automatic retries are off (by default it re-sends idempotent requests after an I/O error and
 * on 429 and 503), and so is redirect handling. A proxy goes in as the client's proxy host, its credentials as
 * the client's credentials provider scoped to the proxy (HttpClient answers the proxy's 407), and a CA bundle and
 * client certificate as the pool's TLS strategy.
 */
final class ApacheHttp5Transport implements TransportFactory {

    /** The most connections the pool holds, in all and to the one host. */
    static final int MAX_CONNECTIONS = 64;

    @Override
    public OpenTransport open(TransportSettings settings) {
        Timeout connect = Timeout.of(settings.connectTimeout());
        Timeout read = Timeout.of(settings.readTimeout());
        PoolingHttpClientConnectionManagerBuilder poolBuilder = PoolingHttpClientConnectionManagerBuilder.create();
        if (settings.tls() != null) {
            poolBuilder.setTlsSocketStrategy(
                    new DefaultClientTlsStrategy(settings.tls().sslContext()));
        }
        PoolingHttpClientConnectionManager pool = poolBuilder
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(connect)
                        .setSocketTimeout(read)
                        .build())
                .setMaxConnTotal(MAX_CONNECTIONS)
                .setMaxConnPerRoute(MAX_CONNECTIONS)
                .build();
        HttpClientBuilder builder = HttpClients.custom().setConnectionManager(pool);
        ProxyRoute route = settings.proxy();
        if (route != null && !route.direct()) {
            HttpHost proxy = new HttpHost("http", route.host(), route.port());
            builder.setProxy(proxy);
            if (route.hasCredentials()) {
                BasicCredentialsProvider credentials = new BasicCredentialsProvider();
                credentials.setCredentials(
                        new AuthScope(proxy),
                        new UsernamePasswordCredentials(
                                route.username(), route.password().toCharArray()));
                builder.setDefaultCredentialsProvider(credentials);
            }
        }
        CloseableHttpClient http = builder.setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(read)
                        .setRedirectsEnabled(false)
                        .build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .build();
        // feign-hc5's body.close() reads the rest of the body first; aborting closes the connection at once.
        DeadlineClient.Abort abort = response -> stream -> {
            if (stream instanceof EofSensorInputStream sensor) {
                sensor.abort();
            } else {
                response.body().close();
            }
        };
        return new OpenTransport(new ApacheHttp5Client(http), () -> http.close(CloseMode.GRACEFUL), abort, false);
    }
}
