package org.openhumanitec.events.feign.internal;

import feign.Capability;
import feign.Client;
import feign.FeignException;
import feign.Logger;
import feign.RetryableException;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Lets a capability that wraps the transport see I/O failures: feign-micrometer 13.6's observed client stops its
 * observation only when the client it wraps throws a {@link FeignException}, so an {@link IOException} would leave
 * the observation open, with no timer recorded and no span ended. Added before that capability (Feign enriches in
 * order, so this one is nearer the transport), it makes of an {@link IOException} exactly what Feign's method
 * handler would (its {@code executeAndDecode}): the {@link Logger}'s I/O-failure line, then the
 * {@link RetryableException} with status -1 and the I/O failure as its cause that Feign's package-private
 * {@code FeignException.errorExecuting} builds. Everything above it, {@link Failures} included, sees the same
 * exception as without it. Public only because Feign calls a capability's {@code enrich} methods by reflection.
 */
public final class FeignIoFailures implements Capability {

    private final RedactingLogger logger;
    private final Logger.Level level;

    /**
     * The capability of one client.
     *
     * @param logger the client's Feign logger
     * @param level the client's Feign log level
     */
    FeignIoFailures(RedactingLogger logger, Logger.Level level) {
        this.logger = logger;
        this.level = level;
    }

    @Override
    public Client enrich(Client client) {
        return (request, options) -> {
            long start = level == Logger.Level.NONE ? 0 : System.nanoTime();
            try {
                return client.execute(request, options);
            } catch (IOException e) {
                if (level != Logger.Level.NONE) {
                    logger.ioFailure(
                            request.requestTemplate().methodMetadata().configKey(),
                            level,
                            e,
                            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
                }
                throw new RetryableException(
                        -1,
                        e.getMessage() + " executing " + request.httpMethod() + " " + request.url(),
                        request.httpMethod(),
                        e,
                        (Long) null,
                        request);
            }
        };
    }
}
