package org.openhumanitec.events.feign.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import okhttp3.Authenticator;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.Credentials;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Response;

/**
 * OkHttp, the default transport, through feign-okhttp's {@link feign.okhttp.OkHttpClient} as it ships. The OkHttp
 * client's connect and read timeouts and redirect setting equal the {@code Request.Options} Feign passes with each
 * request, so feign-okhttp uses this one client (and its connection pool) for every call instead of deriving one
 * per call. OkHttp's own silent retry ({@code retryOnConnectionFailure}) is off: it would re-send a request that
 * may have reached the server, a POST included. Redirects are off too (a redirect would be answered as an
 * unexpected status).
 *
 * <p>The pool keeps up to {@value #MAX_IDLE_CONNECTIONS} idle connections, not OkHttp's default 5: with more
 * concurrent calls than that (a gateway serving 16 callers, say) OkHttp closed the surplus after every call and
 * opened new ones, which cost the REST gateway most of its CPU (measured with {@code benchmarks/run.sh}).
 *
 * <p>A proxy, its credentials, a CA bundle and a client certificate go in through OkHttp's own builder:
 * {@code proxy}, {@code proxyAuthenticator} and {@code sslSocketFactory}.
 *
 * <p>When the call's deadline passes while a body is read, the {@link DeadlineClient} cancels the OkHttp
 * {@link Call}, which OkHttp documents as safe from any thread; an application interceptor ({@link CurrentCall})
 * hands the call over on the caller's thread. feign-okhttp's per-call clients ({@code newBuilder()}) keep it. OkHttp
 * bounds each read of a body by the read timeout Feign passes, so the timer is armed only near the deadline.
 */
final class OkHttpTransport implements TransportFactory {

    /** The most idle connections the pool keeps open, as many as the Apache HttpClient 5 transport's pool holds. */
    static final int MAX_IDLE_CONNECTIONS = ApacheHttp5Transport.MAX_CONNECTIONS;

    /** How long an idle connection stays in the pool: OkHttp's default, 5 minutes. */
    static final Duration KEEP_ALIVE = Duration.ofMinutes(5);

    private static final String PROXY_AUTHORIZATION = "Proxy-Authorization";

    @Override
    public OpenTransport open(TransportSettings settings) {
        CurrentCall currentCall = new CurrentCall();
        OkHttpClient.Builder builder = new OkHttpClient.Builder()
                .addInterceptor(currentCall)
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .writeTimeout(settings.readTimeout())
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(false)
                .connectionPool(new ConnectionPool(MAX_IDLE_CONNECTIONS, KEEP_ALIVE.toMillis(), TimeUnit.MILLISECONDS));
        configureNetwork(builder, settings);
        OkHttpClient okHttp = builder.build();
        // Sync calls never start OkHttp's dispatcher executor, so the pool is all there is to release.
        return new OpenTransport(
                new feign.okhttp.OkHttpClient(okHttp),
                () -> okHttp.connectionPool().evictAll(),
                response -> {
                    Call call = currentCall.take();
                    return stream -> call.cancel();
                },
                true);
    }

    /**
     * Installs the proxy (its credentials through OkHttp's proxy {@link Authenticator}, which OkHttp asks before
     * opening the {@code CONNECT} tunnel and again on a 407) and the TLS set-up through OkHttp's builder.
     */
    private static void configureNetwork(OkHttpClient.Builder builder, TransportSettings settings) {
        ProxyRoute route = settings.proxy();
        if (route != null && route.direct()) {
            builder.proxy(Proxy.NO_PROXY);
        } else if (route != null) {
            builder.proxy(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(route.host(), route.port())));
            if (route.hasCredentials()) {
                String credentials = Credentials.basic(route.username(), route.password(), StandardCharsets.UTF_8);
                builder.proxyAuthenticator(
                        (unused, response) -> response.request().header(PROXY_AUTHORIZATION) != null
                                ? null // these credentials were refused already
                                : response.request()
                                        .newBuilder()
                                        .header(PROXY_AUTHORIZATION, credentials)
                                        .build());
            }
        }
        if (settings.tls() != null) {
            builder.sslSocketFactory(
                    settings.tls().sslContext().getSocketFactory(),
                    settings.tls().trustManager());
        }
    }

    /**
     * Remembers, per calling thread, the OkHttp call whose response was just returned, from the interceptor to the
     * {@link DeadlineClient.Abort} that takes it on the same thread (a synchronous call runs its application
     * interceptors on the caller's thread). A call that fails forgets it at once, so no thread keeps a call.
     */
    static final class CurrentCall implements Interceptor {
        private final ThreadLocal<Call> current = new ThreadLocal<>();

        @Override
        public Response intercept(Chain chain) throws IOException {
            current.set(chain.call());
            try {
                return chain.proceed(chain.request());
            } catch (IOException | RuntimeException e) {
                current.remove();
                throw e;
            }
        }

        /** The call of the response the current thread just received, forgotten by the thread. */
        Call take() {
            Call call = Objects.requireNonNull(current.get(), "no OkHttp call on this thread");
            current.remove();
            return call;
        }
    }
}
