package org.openhumanitec.events.feign.internal;

import feign.okhttp.OkHttpClient;

/**
 * OkHttp, the default transport. Its timeouts equal the ones Feign passes with each request, so feign-okhttp
 * uses this one client (and its connection pool) instead of deriving a new one per call. OkHttp's own silent
 * retry ({@code retryOnConnectionFailure}) is off: it would re-send a request that may have reached the server,
 * a POST included. Redirects are off too (a redirect would be answered as an unexpected status).
 */
public final class OkHttpTransport implements TransportFactory {

    /** Loaded by name by {@code Transport}. */
    public OkHttpTransport() {}

    @Override
    public OpenTransport open(TransportSettings settings) {
        okhttp3.OkHttpClient okHttp = new okhttp3.OkHttpClient.Builder()
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .writeTimeout(settings.readTimeout())
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(false)
                .build();
        // Sync calls never start OkHttp's dispatcher executor, so the pool is all there is to release.
        return new OpenTransport(
                new OkHttpClient(okHttp), () -> okHttp.connectionPool().evictAll());
    }
}
