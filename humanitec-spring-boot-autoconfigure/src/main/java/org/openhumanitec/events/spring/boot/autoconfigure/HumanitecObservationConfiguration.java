package org.openhumanitec.events.spring.boot.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With feign-micrometer on the class path and the application's Micrometer registries (Actuator): the client is
 * observed with the {@link ObservationRegistry} ({@code http.client.requests}: a timer, a span with a tracing bridge)
 * and counts its retries in the {@link MeterRegistry}. {@code humanitec.observations.enabled=false} turns it off.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(
        name = {
            "feign.micrometer.MicrometerObservationCapability",
            "io.micrometer.observation.ObservationRegistry",
            "io.micrometer.core.instrument.MeterRegistry"
        })
@ConditionalOnProperty(name = HumanitecObservationConfiguration.ENABLED, havingValue = "true", matchIfMissing = true)
class HumanitecObservationConfiguration {

    /** The property that turns the observations off: {@value}. */
    static final String ENABLED = HumanitecProperties.PREFIX + ".observations.enabled";

    @Bean
    @ConditionalOnBean(ObservationRegistry.class)
    HumanitecClientBuilderCustomizer humanitecObservationRegistryCustomizer(ObservationRegistry registry) {
        return builder -> builder.observationRegistry(registry);
    }

    @Bean
    @ConditionalOnBean(MeterRegistry.class)
    HumanitecClientBuilderCustomizer humanitecMeterRegistryCustomizer(MeterRegistry registry) {
        return builder -> builder.meterRegistry(registry);
    }
}
