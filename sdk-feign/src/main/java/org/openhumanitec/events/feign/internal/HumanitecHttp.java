package org.openhumanitec.events.feign.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Client;
import feign.Feign;
import feign.Logger;
import feign.Request;
import feign.Retryer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.openhumanitec.events.api.HumanitecEventApi;
import org.openhumanitec.events.feign.HttpLogLevel;
import org.openhumanitec.events.jackson.HumanitecJson;

/**
 * The HTTP implementation behind {@code HumanitecClient}: one Feign proxy of {@link HumanitecResource}, built once
 * with Feign's builder over the transport and the project's seams, and the retry layer around it. Every
 * {@link #withToken} view shares both. Thread-safe.
 *
 * <p>Feign's pipeline for one attempt: the proxy's method handler builds the {@code RequestTemplate} from the
 * contract's metadata and the arguments (the credential's {@code Authorization} header, the {@link PathSegments}
 * ids, the {@link JsonCodec} body), applies the {@link UserAgent} interceptor, logs through the
 * {@link RedactingLogger}, and sends the request through the {@link DeadlineClient} wrapped around the transport's
 * client; the response goes to the {@link HumanitecErrorDecoder} (outside 2xx) or the {@link JsonCodec} (2xx).
 * Feign's {@code Retryer} is {@link Retryer#NEVER_RETRY}: {@link RetryingCalls} runs the attempts. With a
 * {@link ClientObservation}, its capabilities (feign-micrometer's) wrap the {@link DeadlineClient} and its listener
 * counts the retries.
 */
public final class HumanitecHttp implements AutoCloseable {

    /** The Feign version the SDK is built with; the optional transport artifacts must match it. */
    public static final String FEIGN_VERSION = UserAgent.FEIGN_VERSION;

    private final HumanitecResource resource;
    private final RetryingCalls calls;
    private final AutoCloseable resources;
    private final AtomicBoolean closed = new AtomicBoolean();

    private HumanitecHttp(HumanitecResource resource, RetryingCalls calls, AutoCloseable resources) {
        this.resource = resource;
        this.calls = calls;
        this.resources = resources;
    }

    /**
     * Opens the transport and builds the Feign stack over it.
     *
     * @param settings the checked settings
     * @param transportFactory the binary name of the transport's factory in this package, once its libraries were
     *     found; null when {@code client} is given
     * @param client a Feign client to use as it is, which closing leaves open; null when {@code transportFactory}
     *     is given
     * @return the HTTP implementation
     * @throws IllegalStateException if the transport cannot be loaded
     */
    public static HumanitecHttp open(HttpSettings settings, String transportFactory, Client client) {
        OpenTransport transport = client != null
                ? new OpenTransport(client, null, DeadlineClient.CLOSE, false)
                : load(transportFactory)
                        .open(new TransportSettings(
                                settings.connectTimeout(),
                                settings.readTimeout(),
                                settings.https(),
                                settings.proxy(),
                                settings.tls()));
        ObjectMapper mapper = HumanitecJson.newMapper();
        JsonCodec codec = new JsonCodec(mapper);
        RedactingLogger logger = new RedactingLogger(mapper);
        DeadlineClient deadlineClient = new DeadlineClient(
                transport.client(), transport.abort(), transport.readTimeoutBoundsEachRead(), settings.clock());
        Logger.Level logLevel = Logger.Level.valueOf(settings.logLevel().name());
        Feign.Builder feign = Feign.builder()
                .client(deadlineClient)
                .options(new Request.Options(
                        settings.connectTimeout().toMillis(),
                        TimeUnit.MILLISECONDS,
                        settings.readTimeout().toMillis(),
                        TimeUnit.MILLISECONDS,
                        false))
                .encoder(codec)
                .decoder(codec)
                .errorDecoder(new HumanitecErrorDecoder(mapper))
                .requestInterceptor(new UserAgent())
                .logger(logger)
                .logLevel(logLevel)
                .retryer(Retryer.NEVER_RETRY);
        RetryingCalls.RetryListener retryListener = RetryingCalls.RetryListener.NONE;
        if (settings.observation() != null) {
            settings.observation()
                    .capabilities(settings.transport(), logger, logLevel)
                    .forEach(feign::addCapability);
            retryListener = settings.observation().retryListener(settings.transport());
        }
        HumanitecResource resource = feign.target(HumanitecResource.class, settings.baseUrl());
        RetryingCalls calls = new RetryingCalls(
                settings.retryPolicy(),
                settings.clock(),
                settings.callTimeout(),
                settings.connectTimeout(),
                settings.readTimeout(),
                settings.logLevel() == HttpLogLevel.NONE ? null : logger.slf4j(),
                retryListener);
        AutoCloseable transportResources = transport.resources();
        return new HumanitecHttp(resource, calls, () -> {
            deadlineClient.close();
            if (transportResources != null) {
                transportResources.close();
            }
        });
    }

    private static TransportFactory load(String factory) {
        try {
            return Class.forName(factory)
                    .asSubclass(TransportFactory.class)
                    .getDeclaredConstructor()
                    .newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalStateException("the transport " + factory + " cannot be loaded: " + e, e);
        }
    }

    /**
     * Checks a token, without keeping it.
     *
     * @param token the token
     * @param what how the caller names it in messages, for example {@code "token"} or an environment variable
     * @throws NullPointerException if the token is null
     * @throws IllegalArgumentException if the token is blank or cannot be sent in a header; the message does not
     *     show it
     */
    public static void requireToken(String token, String what) {
        Credential.bearer(token, what);
    }

    /**
     * The API as seen with one token. Cheap: one small object; the proxy, transport and retry layer are shared.
     *
     * @param token the bearer token
     * @param what how the caller names it in messages
     * @return the view; closing it does nothing
     * @throws NullPointerException if the token is null
     * @throws IllegalArgumentException if the token is blank or cannot be sent in a header
     */
    public HumanitecEventApi withToken(String token, String what) {
        return new TokenBoundApi(resource, calls, Credential.bearer(token, what));
    }

    /**
     * Makes later calls fail with {@link IllegalStateException} and releases what the transport holds (a client
     * passed in is left open). Closing twice does nothing more.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        calls.close();
        try {
            resources.close();
        } catch (Exception e) {
            throw new IllegalStateException("closing the transport failed", e);
        }
    }
}
