package org.openhumanitec.events.feign.internal;

import java.time.Duration;
import org.openhumanitec.events.feign.HttpLogLevel;
import org.openhumanitec.events.feign.RetryPolicy;

/**
 * What {@link HumanitecHttp} is built with, as checked by {@code HumanitecClient.Builder}.
 *
 * @param baseUrl the normalized base URL, for example {@code https://api.humanitec.io}
 * @param https whether the base URL is {@code https}, so HTTP/2 can be negotiated by ALPN
 * @param connectTimeout the connect timeout of each attempt
 * @param readTimeout the read timeout of each attempt
 * @param callTimeout the deadline of each call, all attempts and waits together
 * @param retryPolicy how to retry
 * @param logLevel what to log
 * @param clock the retry layer's time, sleep and jitter source
 * @param proxy the proxy to go through, {@link ProxyRoute#DIRECT}, or null to leave the transport's default
 * @param tls the CA bundle and client certificate to use, or null for the JDK's defaults
 * @param transport how metrics name the transport, for example {@code okHttp}
 * @param observation what to report to Micrometer, or null (then no Micrometer class is ever loaded)
 */
public record HttpSettings(
        String baseUrl,
        boolean https,
        Duration connectTimeout,
        Duration readTimeout,
        Duration callTimeout,
        RetryPolicy retryPolicy,
        HttpLogLevel logLevel,
        RetryClock clock,
        ProxyRoute proxy,
        TlsContext tls,
        String transport,
        ClientObservation observation) {}
