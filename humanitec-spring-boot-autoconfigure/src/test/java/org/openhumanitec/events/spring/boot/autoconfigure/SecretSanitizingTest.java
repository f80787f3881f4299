package org.openhumanitec.events.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint.ConfigurationPropertiesBeanDescriptor;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The token never shows in {@code /actuator/env} or {@code /actuator/configprops}, even where the application shows
 * every other value ({@code show-values=always}): the endpoints as Actuator builds them, with the context's
 * sanitizing functions.
 */
class SecretSanitizingTest {

    private static final String TOKEN = "s3cr3t-token-value";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(HumanitecAutoConfiguration.class))
            .withPropertyValues(
                    "humanitec.api-key=" + TOKEN,
                    "HUMANITEC_TOKEN=other-" + TOKEN,
                    "humanitec.base-url=http://127.0.0.1:8080/v1");

    @Test
    void envEndpoint_masksTheApiKeyAndTheTokenVariable_andShowsTheOtherValues() {
        runner.run(context -> {
            List<SanitizingFunction> functions =
                    List.copyOf(context.getBeansOfType(SanitizingFunction.class).values());
            Map<String, Object> values = new HashMap<>();
            new EnvironmentEndpoint(context.getEnvironment(), functions, Show.ALWAYS)
                    .environment(null)
                    .getPropertySources()
                    .forEach(source ->
                            source.getProperties().forEach((key, value) -> values.put(key, value.getValue())));

            assertThat(values)
                    .containsEntry("humanitec.api-key", "******")
                    .containsEntry("HUMANITEC_TOKEN", "******")
                    .containsEntry("humanitec.base-url", "http://127.0.0.1:8080/v1");
        });
    }

    @Test
    void configpropsEndpoint_masksTheApiKey_andShowsTheOtherValues() {
        runner.run(context -> {
            ConfigurationPropertiesReportEndpoint endpoint = new ConfigurationPropertiesReportEndpoint(
                    List.copyOf(context.getBeansOfType(SanitizingFunction.class).values()), Show.ALWAYS);
            endpoint.setApplicationContext(context);
            ConfigurationPropertiesBeanDescriptor humanitec =
                    endpoint.configurationPropertiesWithPrefix("humanitec").getContexts().values().stream()
                            .flatMap(each -> each.getBeans().values().stream())
                            .filter(bean -> bean.getPrefix().equals("humanitec"))
                            .findFirst()
                            .orElseThrow();

            assertThat(humanitec.getProperties())
                    .containsEntry("apiKey", "******")
                    .containsEntry("baseUrl", "http://127.0.0.1:8080/v1");
            assertThat(humanitec.getInputs().toString()).doesNotContain(TOKEN).contains("******");
        });
    }

    @Test
    void envEndpoint_masksTheProxyAndKeyStorePasswords_andProxyUrlsWithCredentials() {
        runner.withPropertyValues(
                        "humanitec.proxy.url=http://127.0.0.1:3128",
                        "humanitec.proxy.username=proxy-user",
                        "humanitec.proxy.password=proxy-pass",
                        "humanitec.tls.client-key-store-password=store-pass",
                        "HUMANITEC_PROXY=http://user:env-proxy-pass@proxy.example:3128",
                        "https_proxy=http://proxy.example:3128")
                .run(context -> {
                    Map<String, Object> values = envValues(context);
                    assertThat(values)
                            .containsEntry("humanitec.proxy.password", "******")
                            .containsEntry("humanitec.tls.client-key-store-password", "******")
                            .containsEntry("HUMANITEC_PROXY", "******")
                            .containsEntry("humanitec.proxy.url", "http://127.0.0.1:3128")
                            .containsEntry("humanitec.proxy.username", "proxy-user")
                            .containsEntry("https_proxy", "http://proxy.example:3128");
                });
    }

    private static Map<String, Object> envValues(org.springframework.context.ConfigurableApplicationContext context) {
        List<SanitizingFunction> functions =
                List.copyOf(context.getBeansOfType(SanitizingFunction.class).values());
        Map<String, Object> values = new HashMap<>();
        new EnvironmentEndpoint(context.getEnvironment(), functions, Show.ALWAYS)
                .environment(null)
                .getPropertySources()
                .forEach(source -> source.getProperties().forEach((key, value) -> values.put(key, value.getValue())));
        return values;
    }

    @Test
    void withoutActuator_theAutoConfigurationStillStarts() {
        runner.withClassLoader(new FilteredClassLoader(SanitizingFunction.class))
                .run(context -> assertThat(context)
                        .hasNotFailed()
                        .doesNotHaveBean(SanitizingFunction.class)
                        .hasBean("humanitecClient"));
    }
}
