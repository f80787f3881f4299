package org.openhumanitec.events.spring.boot.autoconfigure;

import java.util.Map;
import org.openhumanitec.events.feign.HumanitecClient;
import org.openhumanitec.events.feign.InvalidSettingException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Start-up stopped by a Humanitec setting: names the {@code humanitec.*} property to correct, or the environment
 * variable the value came from and the property that overrides it. Never shows a token: the SDK's messages do not.
 */
class InvalidSettingFailureAnalyzer extends AbstractFailureAnalyzer<InvalidSettingException> {

    /** The client builder's setting names, and the environment variables it reads, as properties. */
    private static final Map<String, String> PROPERTIES = Map.ofEntries(
            Map.entry("token", HumanitecClientFactory.API_KEY),
            Map.entry("baseUrl", property("base-url")),
            Map.entry(HumanitecClient.ENV_API_KEY, HumanitecClientFactory.API_KEY),
            Map.entry(HumanitecClient.ENV_TOKEN, HumanitecClientFactory.API_KEY),
            Map.entry(HumanitecClient.ENV_API_URL, property("base-url")),
            Map.entry(HumanitecClient.ENV_PROXY, property("proxy.url")),
            Map.entry("https_proxy", property("proxy.url")),
            Map.entry("HTTPS_PROXY", property("proxy.url")),
            Map.entry("http_proxy", property("proxy.url")),
            Map.entry("HTTP_PROXY", property("proxy.url")),
            Map.entry(HumanitecClient.ENV_NO_PROXY, property("proxy.no-proxy")),
            Map.entry("no_proxy", property("proxy.no-proxy")),
            Map.entry("NO_PROXY", property("proxy.no-proxy")),
            Map.entry(HumanitecClient.ENV_CA_BUNDLE, property("tls.ca-bundle")),
            Map.entry(HumanitecClient.ENV_CA_BUNDLE_ONLY, property("tls.ca-bundle-only")),
            Map.entry(HumanitecClient.ENV_CLIENT_CERT, property("tls.client-certificate")),
            Map.entry(HumanitecClient.ENV_CLIENT_KEY, property("tls.client-key")),
            Map.entry(HumanitecClient.ENV_CLIENT_KEY_PASSWORD, property("tls.client-key-store-password")));

    private static String property(String name) {
        return HumanitecProperties.PREFIX + "." + name;
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidSettingException cause) {
        String setting = cause.setting();
        if (HumanitecClient.ENVIRONMENT_VARIABLES.contains(setting)) {
            String property = PROPERTIES.get(setting);
            return new FailureAnalysis(
                    "The Humanitec client cannot start: the environment variable " + setting + " " + cause.problem(),
                    "Correct the environment variable " + setting
                            + (property != null ? ", or set " + property + ", which wins over it." : "."),
                    cause);
        }
        String property = PROPERTIES.getOrDefault(setting, setting);
        return new FailureAnalysis(
                "The Humanitec client cannot start: the property " + property + " " + cause.problem(),
                "Correct " + property + " in the application's configuration.",
                cause);
    }
}
