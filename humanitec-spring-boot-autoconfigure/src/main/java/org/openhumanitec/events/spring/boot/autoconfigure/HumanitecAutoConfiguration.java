package org.openhumanitec.events.spring.boot.autoconfigure;

import org.openhumanitec.events.api.HumanitecEventApi;
import org.openhumanitec.events.feign.HumanitecClient;
import org.openhumanitec.events.feign.InvalidSettingException;
import org.openhumanitec.events.sandbox.HumanitecSandbox;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * The Humanitec Event API as a bean: a {@link HumanitecClient} built from {@link HumanitecProperties}, or, with
 * {@code humanitec.sandbox.enabled=true}, an in-memory {@link HumanitecSandbox}. Either is a
 * {@link HumanitecEventApi}, is closed with the context, and gives way to any {@link HumanitecEventApi} bean of
 * the application's own.
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration",
            "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
            "org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration"
        })
@EnableConfigurationProperties(HumanitecProperties.class)
@Import({
    HumanitecAutoConfiguration.SandboxConfiguration.class,
    HumanitecAutoConfiguration.MissingSandboxConfiguration.class,
    HumanitecAutoConfiguration.ClientConfiguration.class,
    HumanitecObservationConfiguration.class,
    HumanitecSanitizingConfiguration.class,
    HumanitecHealthConfiguration.class,
    HumanitecRestConfiguration.class,
    HumanitecMcpConfiguration.class
})
public class HumanitecAutoConfiguration {

    /** The property that puts the sandbox in place of the client: {@value}. */
    public static final String SANDBOX_ENABLED = HumanitecProperties.PREFIX + ".sandbox.enabled";

    /** Used by Spring. */
    public HumanitecAutoConfiguration() {}

    /** The client, unless the sandbox replaces it. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = SANDBOX_ENABLED, havingValue = "false", matchIfMissing = true)
    static class ClientConfiguration {

        @Bean
        @ConditionalOnMissingBean(HumanitecEventApi.class)
        HumanitecClient humanitecClient(
                HumanitecProperties properties,
                Environment environment,
                ObjectProvider<HumanitecClientBuilderCustomizer> customizers) {
            return HumanitecClientFactory.create(properties, environment, customizers.orderedStream()::iterator);
        }
    }

    /** The sandbox, asked for and on the class path. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = SandboxClass.NAME)
    @ConditionalOnProperty(name = SANDBOX_ENABLED, havingValue = "true")
    static class SandboxConfiguration {

        @Bean
        @ConditionalOnMissingBean(HumanitecEventApi.class)
        HumanitecSandbox humanitecSandbox() {
            return HumanitecSandbox.create();
        }
    }

    /** The sandbox asked for but not on the class path: start-up stops and says what to add. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnMissingClass(SandboxClass.NAME)
    @ConditionalOnProperty(name = SANDBOX_ENABLED, havingValue = "true")
    static class MissingSandboxConfiguration {

        @Bean
        @ConditionalOnMissingBean(HumanitecEventApi.class)
        HumanitecEventApi humanitecSandbox() {
            throw new InvalidSettingException(
                    SANDBOX_ENABLED,
                    "is true, but the sandbox is not on the class path: add org.openhumanitec:sdk-sandbox"
                            + " (test scope is enough for tests)");
        }
    }

    /** The sandbox's class, named as a string so that the conditions can look for it without loading it. */
    private static final class SandboxClass {
        static final String NAME = "org.openhumanitec.events.sandbox.HumanitecSandbox";

        private SandboxClass() {}
    }
}
