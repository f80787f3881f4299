package org.openhumanitec.events.spring.boot.autoconfigure;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.openhumanitec.events.feign.ClientCertificate;
import org.openhumanitec.events.feign.HttpProxy;
import org.openhumanitec.events.feign.HumanitecClient;
import org.openhumanitec.events.feign.InvalidSettingException;
import org.openhumanitec.events.feign.RetryPolicy;
import org.openhumanitec.events.feign.Transport;
import org.springframework.core.env.Environment;

/** Builds the client from {@link HumanitecProperties}, naming the property in every failure it can attribute. */
final class HumanitecClientFactory {

    private static final String PREFIX = HumanitecProperties.PREFIX + ".";

    /** The property of the token: {@value}. */
    static final String API_KEY = PREFIX + "api-key";

    private static final String PROXY_URL = PREFIX + "proxy.url";
    private static final String PROXY_USERNAME = PREFIX + "proxy.username";

    private HumanitecClientFactory() {}

    /**
     * The client: the properties where set, else what {@link HumanitecClient#fromEnv()} reads, taken from Spring's
     * environment (the process environment among its sources), and then whatever the customizers set.
     *
     * @throws InvalidSettingException if a setting is missing or invalid
     */
    static HumanitecClient create(
            HumanitecProperties properties,
            Environment environment,
            Iterable<HumanitecClientBuilderCustomizer> customizers) {
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
        Map<String, String> settings = new HashMap<>();
        proxy(properties.getProxy(), builder, settings);
        tls(properties.getTls(), builder, settings);
        customizers.forEach(customizer -> customizer.customize(builder));
        try {
            return builder.build();
        } catch (InvalidSettingException e) {
            String property = settings.get(e.setting());
            if (property == null) {
                throw e;
            }
            InvalidSettingException named = new InvalidSettingException(property, e.problem());
            named.initCause(e);
            throw named;
        }
    }

    /**
     * The proxy properties, onto the builder; {@code settings} gets the property behind each builder setting that
     * {@link HumanitecClient.Builder#build()} may find wrong.
     */
    private static void proxy(
            HumanitecProperties.Proxy proxy, HumanitecClient.Builder builder, Map<String, String> settings) {
        if (proxy.getUrl() != null) {
            HttpProxy parsed = named("proxy.url", () -> HttpProxy.parse(proxy.getUrl()));
            if (proxy.getUsername() != null) {
                parsed = parsed.withCredentials(
                        proxy.getUsername(), proxy.getPassword() == null ? "" : proxy.getPassword());
            } else if (proxy.getPassword() != null) {
                throw new InvalidSettingException(
                        PROXY_USERNAME, "is not set, but " + PREFIX + "proxy.password is: set both, or neither");
            }
            builder.proxy(parsed);
            settings.put("proxy", PROXY_URL);
            // The builder names a transport's refusal of proxy credentials "proxy credentials".
            settings.put("proxy credentials", proxy.getUsername() != null ? PROXY_USERNAME : PROXY_URL);
        } else if (proxy.getUsername() != null || proxy.getPassword() != null) {
            throw new InvalidSettingException(PROXY_URL, "is not set, but the proxy's credentials are");
        }
        if (proxy.getNoProxy() != null) {
            builder.noProxy(proxy.getNoProxy());
            settings.put("noProxy", PREFIX + "proxy.no-proxy");
        }
    }

    /** The CA bundle and client certificate properties, onto the builder; see {@link #proxy}. */
    private static void tls(
            HumanitecProperties.Tls tls, HumanitecClient.Builder builder, Map<String, String> settings) {
        if (tls.getCaBundle() != null) {
            if (tls.isCaBundleOnly()) {
                builder.caBundleOnly(tls.getCaBundle());
            } else {
                builder.caBundle(tls.getCaBundle());
            }
            settings.put("caBundle", PREFIX + "tls.ca-bundle");
        } else if (tls.isCaBundleOnly()) {
            throw new InvalidSettingException(
                    PREFIX + "tls.ca-bundle", "is not set, but " + PREFIX + "tls.ca-bundle-only is true");
        }
        if (tls.getClientCertificate() != null && tls.getClientKeyStore() != null) {
            throw new InvalidSettingException(
                    PREFIX + "tls.client-key-store",
                    "and " + PREFIX + "tls.client-certificate are both set: give the PEM files or the PKCS#12 key"
                            + " store, not both");
        }
        if (tls.getClientCertificate() != null) {
            Path key = tls.getClientKey() != null ? tls.getClientKey() : tls.getClientCertificate();
            builder.clientCertificate(ClientCertificate.pem(tls.getClientCertificate(), key));
            settings.put("clientCertificate", PREFIX + "tls.client-certificate");
        } else if (tls.getClientKeyStore() != null) {
            String password = tls.getClientKeyStorePassword() == null ? "" : tls.getClientKeyStorePassword();
            builder.clientCertificate(ClientCertificate.pkcs12(tls.getClientKeyStore(), password));
            settings.put("clientCertificate", PREFIX + "tls.client-key-store");
        } else if (tls.getClientKey() != null) {
            throw new InvalidSettingException(
                    PREFIX + "tls.client-certificate", "is not set, but " + PREFIX + "tls.client-key is");
        }
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
        named(property, () -> {
            step.accept(builder);
            return builder;
        });
    }

    /**
     * Makes a value from one property; a refusal fails naming the property.
     *
     * @param property the property below {@code humanitec.}, such as {@code health.interval}
     */
    static <T> T named(String property, Supplier<T> value) {
        try {
            return value.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            InvalidSettingException invalid = new InvalidSettingException(
                    PREFIX + property,
                    e instanceof InvalidSettingException setting ? setting.problem() : "is invalid: " + e.getMessage());
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
