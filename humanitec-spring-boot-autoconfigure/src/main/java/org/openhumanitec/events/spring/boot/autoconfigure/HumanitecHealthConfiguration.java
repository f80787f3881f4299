package org.openhumanitec.events.spring.boot.autoconfigure;

import java.time.Clock;
import org.openhumanitec.events.api.HumanitecEventApi;
import org.openhumanitec.events.feign.InvalidSettingException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With Actuator and {@code humanitec.health.enabled=true}: the {@code humanitec} health indicator, listing the events
 * of {@code humanitec.health.org} through the application's {@link HumanitecEventApi} bean.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
@ConditionalOnProperty(name = HumanitecProperties.PREFIX + ".health.enabled", havingValue = "true")
class HumanitecHealthConfiguration {

    /** The property naming the organization checked: {@value}. */
    static final String ORG = HumanitecProperties.PREFIX + ".health.org";

    @Bean
    @ConditionalOnMissingBean(name = "humanitecHealthIndicator")
    HumanitecHealthIndicator humanitecHealthIndicator(HumanitecEventApi api, HumanitecProperties properties) {
        HumanitecProperties.Health health = properties.getHealth();
        if (health.getOrg() == null || health.getOrg().isBlank()) {
            throw new InvalidSettingException(
                    ORG,
                    "is not set, but " + HumanitecProperties.PREFIX
                            + ".health.enabled is true: name the organization whose events the check lists");
        }
        return HumanitecClientFactory.named(
                "health.interval",
                () -> new HumanitecHealthIndicator(api, health.getOrg(), health.getInterval(), Clock.systemUTC()));
    }
}
