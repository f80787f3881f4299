package org.openhumanitec.events.spring.boot.autoconfigure;

import java.util.Locale;
import java.util.Set;
import org.openhumanitec.events.feign.HumanitecClient;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With Actuator present: the Humanitec secrets (the token, the proxy and key store passwords, a proxy URL holding
 * credentials) show as {@code ******} in {@code /actuator/env} and
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
            canonical(HumanitecClient.ENV_CLIENT_KEY_PASSWORD),
            canonical(HumanitecProperties.PREFIX + ".proxy.password"),
            canonical(HumanitecProperties.PREFIX + ".tls.client-key-store-password"));

    /** The keys of proxy URLs, which may carry the proxy's credentials ({@code http://user:password@host}). */
    private static final Set<String> PROXY_URL_KEYS = Set.of(
            canonical(HumanitecProperties.PREFIX + ".proxy.url"),
            canonical(HumanitecClient.ENV_PROXY),
            canonical("https_proxy"), // HTTPS_PROXY too
            canonical("http_proxy"));

    @Bean
    SanitizingFunction humanitecSanitizingFunction() {
        return data ->
                data.getKey() != null && isSecret(data.getKey(), data.getValue()) ? data.withSanitizedValue() : data;
    }

    /** Whether a key's value is secret: a token or password, or a proxy URL with credentials in it. */
    static boolean isSecret(String key, Object value) {
        String canonical = canonical(key);
        return SECRET_KEYS.contains(canonical)
                || (PROXY_URL_KEYS.contains(canonical)
                        && value != null
                        && value.toString().contains("@"));
    }

    private static String canonical(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
    }
}
