package org.openhumanitec.events.feign.internal;

import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.X509TrustManager;

/**
 * The TLS set-up the builder made from a CA bundle and a client certificate, for the transports to install through
 * their own configuration: an {@link SSLContext} for all three and, for OkHttp, the trust manager inside it.
 *
 * @param sslContext the context holding the trust manager and, for mutual TLS, the key manager
 * @param trustManager the trust manager the context was built with
 */
public record TlsContext(SSLContext sslContext, X509TrustManager trustManager) {

    /**
     * Checks the components.
     *
     * @param sslContext the context
     * @param trustManager its trust manager
     */
    public TlsContext {
        Objects.requireNonNull(sslContext, "sslContext must not be null");
        Objects.requireNonNull(trustManager, "trustManager must not be null");
    }
}
