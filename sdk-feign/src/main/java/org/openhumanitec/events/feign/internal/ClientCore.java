package org.openhumanitec.events.feign.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Feign;
import feign.Logger;
import feign.Request;
import feign.Retryer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openhumanitec.events.api.HumanitecEventApi;
import org.openhumanitec.events.api.errors.HumanitecError;
import org.openhumanitec.events.feign.HttpLogLevel;
import org.openhumanitec.events.feign.RetryPolicy;
import org.openhumanitec.events.jackson.HumanitecJson;

/**
 * What one client and all its {@code withToken} views share: the Feign proxy (built once), the transport and its
 * connection pool, and the retry layer. Thread-safe.
 */
public final class ClientCore implements AutoCloseable {

    private final HumanitecResource resource;
    private final RetryingCaller caller;
    private final AutoCloseable resources;
    private volatile boolean closed;

    private ClientCore(HumanitecResource resource, RetryingCaller caller, AutoCloseable resources) {
        this.resource = resource;
        this.caller = caller;
        this.resources = resources;
    }

    /**
     * Builds the Feign stack over an open transport.
     *
     * @param baseUrl where the API is
     * @param transport the transport, opened with the same timeouts
     * @param connectTimeout the connect timeout of each attempt
     * @param readTimeout the read timeout of each attempt
     * @param callTimeout the deadline of each call
     * @param retryPolicy how to retry
     * @param logLevel what to log
     * @param clock the retry layer's time and jitter source
     * @return the core
     */
    public static ClientCore create(
            BaseUrl baseUrl,
            OpenTransport transport,
            Duration connectTimeout,
            Duration readTimeout,
            Duration callTimeout,
            RetryPolicy retryPolicy,
            HttpLogLevel logLevel,
            RetryClock clock) {
        ObjectMapper mapper = HumanitecJson.newMapper();
        JsonCodec codec = new JsonCodec(mapper);
        RedactingLogger logger = new RedactingLogger(mapper);
        Request.Options options = options(connectTimeout, readTimeout);
        HumanitecResource resource = Feign.builder()
                .client(transport.client())
                .encoder(codec)
                .decoder(codec)
                .errorDecoder(new HumanitecErrorDecoder(mapper.readerFor(HumanitecError.class)))
                .retryer(Retryer.NEVER_RETRY)
                .options(options)
                .logger(logger)
                .logLevel(Logger.Level.valueOf(logLevel.name()))
                .target(new HumanitecTarget(baseUrl.value()));
        RetryingCaller caller = new RetryingCaller(
                retryPolicy, clock, callTimeout, options, logLevel == HttpLogLevel.NONE ? null : logger.slf4j());
        return new ClientCore(resource, caller, transport.resources());
    }

    /**
     * The options Feign passes with each request: redirects off, and timeouts equal to the ones the transport was
     * built with, so that no transport derives a new client per call.
     *
     * @param connectTimeout the connect timeout
     * @param readTimeout the read timeout
     * @return the options
     */
    public static Request.Options options(Duration connectTimeout, Duration readTimeout) {
        return new Request.Options(
                connectTimeout.toMillis(), TimeUnit.MILLISECONDS, readTimeout.toMillis(), TimeUnit.MILLISECONDS, false);
    }

    /**
     * The API as seen with one credential. Cheap: no Feign proxy is built.
     *
     * @param credential the credential every request of the view sends
     * @return the view; closing it does nothing
     */
    public HumanitecEventApi api(Credential credential) {
        return new HttpApi(this, credential);
    }

    HumanitecResource resource() {
        return resource;
    }

    <T> T call(Operation operation, RetryingCaller.Attempt<T> attempt) {
        if (closed) {
            throw new IllegalStateException("the HumanitecClient is closed");
        }
        return caller.call(operation, attempt);
    }

    /** Releases the connection pool of a transport the client built; a transport passed in is left open. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (resources != null) {
            try {
                resources.close();
            } catch (Exception e) {
                throw new IllegalStateException("closing the transport failed", e);
            }
        }
    }
}
