package org.openhumanitec.events.spring.boot.autoconfigure;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.openhumanitec.events.feign.HumanitecClient;
import org.openhumanitec.events.feign.InvalidSettingException;
import org.openhumanitec.events.feign.RetryPolicy;
import org.openhumanitec.events.feign.Transport;
import org.springframework.core.env.Environment;

/** Builds the client from {@link HumanitecProperties}, naming the property in every failure it can attribute. */
final class HumanitecClientFactory {

    /** The property of the token: {@value}. */
    static final String API_KEY = HumanitecProperties.PREFIX + ".api-key";

    private HumanitecClientFactory() {}

    /**
     * The client: the properties where set, else what {@link HumanitecClient#fromEnv()} reads, taken from Spring's
     * environment (the process environment among its sources).
     *
     * @throws InvalidSettingException if a setting is missing or invalid
     */
    static HumanitecClient create(HumanitecProperties properties, Environment environment) {
        Map<String, String> variables = variables(environment);
        HumanitecClient.Builder builder = HumanitecClient.builder().fromEnvironment(variables);
        if (properties.getApiKey() != null) {
            builder.token(properties.getApiKey());
        } else if (!hasText(variables.get(HumanitecClient.ENV_API_KEY))
                && !hasText(variables.get(HumanitecClient.ENV_TOKEN))) {
            throw new InvalidSettingException(
                    API_KEY,
                    "is not set: set it, or the " + HumanitecClient.ENV_API_KEY + " (or " + HumanitecClient.ENV_TOKEN
                            + ") environment variable");
        }
        if (properties.getBaseUrl() != null) {
            builder.baseUrl(properties.getBaseUrl());
        }
        apply("connect-timeout", builder, b -> b.connectTimeout(properties.getConnectTimeout()));
        apply("read-timeout", builder, b -> b.readTimeout(properties.getReadTimeout()));
        apply("call-timeout", builder, b -> b.callTimeout(properties.getCallTimeout()));
        apply("transport", builder, b -> b.transport(transport(properties.getTransport())));
        apply("log-level", builder, b -> b.logLevel(properties.getLogLevel()));
        builder.retryPolicy(retryPolicy(properties.getRetry()));
        return builder.build();
    }

    private static RetryPolicy retryPolicy(HumanitecProperties.Retry retry) {
        RetryPolicy.Builder policy = RetryPolicy.builder();
        apply("retry.max-attempts", policy, p -> p.maxAttempts(retry.getMaxAttempts()));
        apply("retry.initial-backoff", policy, p -> p.initialBackoff(retry.getInitialBackoff()));
        apply("retry.backoff-multiplier", policy, p -> p.backoffMultiplier(retry.getBackoffMultiplier()));
        apply("retry.max-backoff", policy, p -> p.maxBackoff(retry.getMaxBackoff()));
        apply("retry.jitter", policy, p -> p.jitter(retry.getJitter()));
        apply("retry.max-retry-after", policy, p -> p.maxRetryAfter(retry.getMaxRetryAfter()));
        return policy.build();
    }

    private static Transport transport(HumanitecProperties.TransportKind kind) {
        return switch (kind) {
            case OK_HTTP -> Transport.okHttp();
            case JDK_HTTP_CLIENT -> Transport.jdkHttpClient();
            case APACHE_HTTP_CLIENT5 -> Transport.apacheHttpClient5();
        };
    }

    /**
     * Applies one property to a builder; a value the builder refuses fails naming the property.
     *
     * @param property the property below {@code humanitec.}, such as {@code retry.jitter}
     */
    static <B> void apply(String property, B builder, Consumer<B> step) {
        try {
            step.accept(builder);
        } catch (IllegalArgumentException | NullPointerException e) {
            InvalidSettingException invalid = new InvalidSettingException(
                    HumanitecProperties.PREFIX + "." + property, "is invalid: " + e.getMessage());
            invalid.initCause(e);
            throw invalid;
        }
    }

    /** The variables {@link HumanitecClient.Builder#fromEnvironment} reads, as Spring's environment has them. */
    private static Map<String, String> variables(Environment environment) {
        Map<String, String> variables = new HashMap<>();
        for (String name : HumanitecClient.ENVIRONMENT_VARIABLES) {
            String value = environment.getProperty(name);
            if (value != null) {
                variables.put(name, value);
            }
        }
        return variables;
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
