package org.openhumanitec.events.feign.internal;

import feign.Client;
import feign.InvocationHandlerFactory.MethodHandler;
import feign.Logger;
import feign.Request;
import feign.Response;
import feign.ResponseHandler;
import feign.RetryableException;
import feign.codec.Encoder;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.concurrent.TimeUnit;

/**
 * Feign's method handler for the resource, minus the per-call request template: builds the request from its
 * {@link RequestPlan}, logs it, sends it through the {@link Client}, and hands the response to Feign's own
 * {@link ResponseHandler} (logging, error decoder, decoder, closing). What it leaves out of Feign's
 * {@code SynchronousMethodHandler} is what this client never uses: request interceptors (none are configured),
 * Feign's {@code Retryer} (the client's one retry layer is {@link RetryingCaller}) and the re-copy of each
 * response to attach the request template. An I/O failure is thrown as the same {@link RetryableException} Feign
 * throws, so {@link Failures} sees what it always saw.
 */
final class PlannedMethodHandler implements MethodHandler {

    private final RequestPlan plan;
    private final String configKey;
    private final Type returnType;
    private final Client client;
    private final Encoder encoder;
    private final Request.Options defaultOptions;
    private final RedactingLogger logger;
    private final Logger.Level logLevel;
    private final ResponseHandler responseHandler;

    PlannedMethodHandler(
            RequestPlan plan,
            String configKey,
            Type returnType,
            Client client,
            Encoder encoder,
            Request.Options defaultOptions,
            RedactingLogger logger,
            Logger.Level logLevel,
            ResponseHandler responseHandler) {
        this.plan = plan;
        this.configKey = configKey;
        this.returnType = returnType;
        this.client = client;
        this.encoder = encoder;
        this.defaultOptions = defaultOptions;
        this.logger = logger;
        this.logLevel = logLevel;
        this.responseHandler = responseHandler;
    }

    @Override
    public Object invoke(Object[] argv) throws Throwable {
        Request request = plan.request(argv, encoder);
        boolean logging = logLevel != Logger.Level.NONE;
        if (logging) {
            logger.requestSent(configKey, logLevel, request);
        }
        long start = System.nanoTime();
        Response response;
        try {
            response = client.execute(request, plan.options(argv, defaultOptions));
        } catch (IOException e) {
            if (logging) {
                logger.requestFailed(configKey, logLevel, e, elapsedMillis(start));
            }
            throw new RetryableException(
                    -1,
                    String.format("%s executing %s %s", e.getMessage(), request.httpMethod(), request.url()),
                    request.httpMethod(),
                    e,
                    (Long) null,
                    request);
        }
        return responseHandler.handleResponse(configKey, response, returnType, elapsedMillis(start));
    }

    private static long elapsedMillis(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }
}
