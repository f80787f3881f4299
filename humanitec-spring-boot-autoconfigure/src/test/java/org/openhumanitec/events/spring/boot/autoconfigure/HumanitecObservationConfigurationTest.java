package org.openhumanitec.events.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.openhumanitec.events.api.HumanitecEventApi;
import org.openhumanitec.events.feign.HumanitecClient;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code humanitec.observations.*}: the client observed with the application's Micrometer registries when it has
 * them and feign-micrometer is there, on Spring Boot's Micrometer (1.15), and not otherwise.
 */
class HumanitecObservationConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(HumanitecAutoConfiguration.class))
            .withPropertyValues("humanitec.api-key=s3cr3t-token-value");

    @Test
    void observationRegistryBean_observesEveryExchange() {
        try (RecordingServer server = new RecordingServer()) {
            runner.withPropertyValues("humanitec.base-url=" + server.baseUrl())
                    .withUserConfiguration(Registries.class)
                    .run(context -> {
                        assertThat(context.getBean(HumanitecClient.class).toString())
                                .contains("observed");
                        context.getBean(HumanitecEventApi.class).webhooks().list("org", "app");

                        assertThat(context.getBean(Registries.class).observed)
                                .containsExactly("http.client.requests operation=listWebhooks");
                    });
        }
    }

    @Test
    void meterRegistryBean_alone_timesTheExchanges() {
        try (RecordingServer server = new RecordingServer()) {
            runner.withPropertyValues("humanitec.base-url=" + server.baseUrl())
                    .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                    .run(context -> {
                        context.getBean(HumanitecEventApi.class).events().list("org");
                        assertThat(context.getBean(MeterRegistry.class)
                                        .find("http.client.requests")
                                        .tag("operation", "listEvents")
                                        .timer())
                                .isNotNull();
                    });
        }
    }

    @Test
    void noRegistries_leavesTheClientUnobserved() {
        runner.run(context -> {
            assertThat(context).doesNotHaveBean(HumanitecClientBuilderCustomizer.class);
            assertThat(context.getBean(HumanitecClient.class).toString()).doesNotContain("observed");
        });
    }

    @Test
    void observationsDisabled_leavesTheClientUnobserved() {
        runner.withPropertyValues("humanitec.observations.enabled=false")
                .withUserConfiguration(Registries.class)
                .run(context -> {
                    assertThat(context).doesNotHaveBean(HumanitecClientBuilderCustomizer.class);
                    assertThat(context.getBean(HumanitecClient.class).toString())
                            .doesNotContain("observed");
                });
    }

    @Test
    void withoutFeignMicrometer_theClientStartsUnobserved() {
        runner.withUserConfiguration(Registries.class)
                .withClassLoader(new FilteredClassLoader("feign.micrometer"))
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(HumanitecClientBuilderCustomizer.class);
                    assertThat(context.getBean(HumanitecClient.class).toString())
                            .doesNotContain("observed");
                });
    }

    @Test
    void usersCustomizer_isAppliedAfterTheProperties() {
        runner.withPropertyValues("humanitec.base-url=http://127.0.0.1:1")
                .withBean(
                        HumanitecClientBuilderCustomizer.class, () -> builder -> builder.baseUrl("http://127.0.0.1:2"))
                .run(context -> assertThat(
                                context.getBean(HumanitecClient.class).toString())
                        .contains("baseUrl=http://127.0.0.1:2"));
    }

    /** The registries an Actuator application has; the observation registry records what it sees. */
    @Configuration(proxyBeanMethods = false)
    static class Registries {
        final List<String> observed = new CopyOnWriteArrayList<>();

        @Bean
        ObservationRegistry observationRegistry() {
            ObservationRegistry registry = ObservationRegistry.create();
            registry.observationConfig().observationHandler(new ObservationHandler<>() {
                @Override
                public void onStop(Observation.Context context) {
                    observed.add(context.getName() + " operation="
                            + context.getLowCardinalityKeyValue("operation").getValue());
                }

                @Override
                public boolean supportsContext(Observation.Context context) {
                    return true;
                }
            });
            return registry;
        }

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }
}
