package org.openhumanitec.events.feign.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Contract;
import feign.Feign;
import feign.InvocationHandlerFactory;
import feign.Logger;
import feign.MethodMetadata;
import feign.Request;
import feign.ResponseHandler;
import feign.ResponseInterceptor;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openhumanitec.events.api.HumanitecEventApi;
import org.openhumanitec.events.api.errors.HumanitecError;
import org.openhumanitec.events.feign.HttpLogLevel;
import org.openhumanitec.events.feign.RetryPolicy;
import org.openhumanitec.events.jackson.HumanitecJson;

/**
 * What one client and all its {@code withToken} views share: the Feign proxy (built once), the transport and its
 * connection pool, and the retry layer. Thread-safe.
 *
 * <p>The proxy is Feign's, over Feign's contract, client, codecs, error decoder, logger and response handler;
 * its method handlers are {@link PlannedMethodHandler}s, which build each request from a {@link RequestPlan}
 * compiled once from the contract's metadata instead of expanding a request template per call.
 */
public final class ClientCore implements AutoCloseable {

    /** The headers every request sends besides {@code Authorization}. */
    private static final Map<String, String> CONSTANT_HEADERS =
            Map.of("Accept", "application/json", "User-Agent", UserAgent.VALUE);

    /** The headers a request with a body sends too. */
    private static final Map<String, String> BODY_HEADERS = Map.of("Content-Type", "application/json");

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
        Logger.Level level = Logger.Level.valueOf(logLevel.name());
        Request.Options options = options(connectTimeout, readTimeout);
        ResponseHandler responseHandler = new ResponseHandler(
                level,
                logger,
                codec,
                new HumanitecErrorDecoder(mapper.readerFor(HumanitecError.class)),
                false,
                true,
                false,
                ResponseInterceptor.Chain.DEFAULT);
        Contract contract = new Contract.Default();
        Map<Method, InvocationHandlerFactory.MethodHandler> handlers = new HashMap<>();
        for (MethodMetadata metadata : contract.parseAndValidateMetadata(HumanitecResource.class)) {
            RequestPlan plan = RequestPlan.compile(metadata, baseUrl.value(), CONSTANT_HEADERS, BODY_HEADERS);
            handlers.put(
                    metadata.method(),
                    new PlannedMethodHandler(
                            plan,
                            metadata.configKey(),
                            metadata.returnType(),
                            transport.client(),
                            codec,
                            options,
                            logger,
                            level,
                            responseHandler));
        }
        // Feign's proxy, its contract and its components; only the method handlers are the planned ones.
        HumanitecResource resource = Feign.builder()
                .contract(contract)
                .invocationHandlerFactory(new PlannedInvocationHandlerFactory(handlers))
                .target(HumanitecResource.class, baseUrl.value());
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
