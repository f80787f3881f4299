package org.openhumanitec.events.feign.internal;

import feign.Capability;
import feign.Logger;
import feign.micrometer.MicrometerObservationCapability;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler.IgnoredMeters;
import io.micrometer.observation.ObservationRegistry;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a client reports to Micrometer, when its builder was given a registry: the only class of the client that
 * names Micrometer types in its code, so that users who never set a registry need no Micrometer at run time.
 *
 * <ul>
 *   <li>Every HTTP exchange (one per attempt) is an observation through feign-micrometer's
 *       {@link MicrometerObservationCapability}, named {@value #REQUESTS} and tagged by
 *       {@link HumanitecObservationConvention}: a timer when the registry has a meter handler, a client span
 *       (and a {@code traceparent} header on the request) when it has a Micrometer Tracing handler.
 *   <li>Every retry increments the counter {@value #RETRIES}, tagged {@code operation} and {@code transport}, when
 *       a meter registry was given.
 * </ul>
 */
public final class ClientObservation {

    /** The name of the observation, and so of the timer, of each HTTP exchange. */
    public static final String REQUESTS = "http.client.requests";

    /** The name of the retry counter. */
    public static final String RETRIES = "humanitec.client.retries";

    private final ObservationRegistry observations;
    private final MeterRegistry meters;

    private ClientObservation(ObservationRegistry observations, MeterRegistry meters) {
        this.observations = observations;
        this.meters = meters;
    }

    /**
     * What to report to, as the builder was given it. With an observation registry, its handlers decide what an
     * exchange becomes; with only a meter registry, each exchange is a timer in it (and no {@code .active} long-task
     * timer: its tags would be those known before the answer, an outcome of {@code UNKNOWN}).
     *
     * @param observations the observation registry, or null
     * @param meters the meter registry, or null
     * @return the client's observation
     * @throws IllegalArgumentException if both are null
     */
    public static ClientObservation of(ObservationRegistry observations, MeterRegistry meters) {
        if (observations == null && meters == null) {
            throw new IllegalArgumentException("an observation registry or a meter registry is needed");
        }
        if (observations != null) {
            return new ClientObservation(observations, meters);
        }
        ObservationRegistry timed = ObservationRegistry.create();
        timed.observationConfig()
                .observationHandler(new DefaultMeterObservationHandler(meters, IgnoredMeters.LONG_TASK_TIMER));
        return new ClientObservation(timed, meters);
    }

    /**
     * The capabilities to add to the Feign builder, in this order.
     *
     * @param transport the transport's tag value
     * @param logger the client's Feign logger
     * @param level the client's Feign log level
     * @return the capabilities
     */
    List<Capability> capabilities(String transport, RedactingLogger logger, Logger.Level level) {
        return List.of(
                new FeignIoFailures(logger, level),
                new MicrometerObservationCapability(observations, new HumanitecObservationConvention(transport)));
    }

    /**
     * What counts retries.
     *
     * @param transport the transport's tag value
     * @return a listener incrementing {@value #RETRIES}, or one doing nothing without a meter registry
     */
    RetryingCalls.RetryListener retryListener(String transport) {
        if (meters == null) {
            return RetryingCalls.RetryListener.NONE;
        }
        Map<Operation, Counter> counters = new EnumMap<>(Operation.class);
        for (Operation operation : Operation.values()) {
            counters.put(
                    operation,
                    Counter.builder(RETRIES)
                            .description("Retries of calls to the Humanitec API")
                            .tag(HumanitecObservationConvention.OPERATION, operation.id())
                            .tag(HumanitecObservationConvention.TRANSPORT, transport)
                            .register(meters));
        }
        return operation -> counters.get(operation).increment();
    }

    @Override
    public String toString() {
        return "ClientObservation[" + observations.getClass().getSimpleName()
                + (meters == null ? "" : ", " + meters.getClass().getSimpleName()) + "]";
    }
}
