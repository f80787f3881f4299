package org.openhumanitec.events.spring.boot.autoconfigure;

import java.util.Locale;
import java.util.Set;
import org.openhumanitec.events.feign.HumanitecClient;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With Actuator present: the Humanitec secrets show as {@code ******} in {@code /actuator/env} and
 * {@code /actuator/configprops}, even where the application shows other values
 * ({@code management.endpoint.*.show-values}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(SanitizingFunction.class)
class HumanitecSanitizingConfiguration {

    /**
     * The secret keys with case and separators dropped, so that every spelling Spring Boot's relaxed binding
     * accepts matches: {@code humanitec.api-key}, {@code humanitec.apiKey} and {@code HUMANITEC_API_KEY} alike.
     */
    private static final Set<String> SECRET_KEYS = Set.of(
            canonical(HumanitecClientFactory.API_KEY), // HUMANITEC_API_KEY too
            canonical(HumanitecClient.ENV_TOKEN),
            canonical(HumanitecClient.ENV_CLIENT_KEY_PASSWORD));

    @Bean
    SanitizingFunction humanitecSanitizingFunction() {
        return data -> data.getKey() != null && isSecret(data.getKey()) ? data.withSanitizedValue() : data;
    }

    static boolean isSecret(String key) {
        return SECRET_KEYS.contains(canonical(key));
    }

    private static String canonical(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
    }
}
