package org.openhumanitec.events.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openhumanitec.events.api.HumanitecEventApi;
import org.openhumanitec.events.feign.HttpLogLevel;
import org.openhumanitec.events.feign.HumanitecClient;
import org.openhumanitec.events.feign.RetryPolicy;
import org.openhumanitec.events.sandbox.HumanitecSandbox;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every condition and property of {@link HumanitecAutoConfiguration}. */
class HumanitecAutoConfigurationTest {

    private static final String TOKEN = "s3cr3t-token-value";

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(HumanitecAutoConfiguration.class));

    @Test
    void client_isBuiltFromTheProperties() {
        runner.withPropertyValues(
                        "humanitec.api-key=" + TOKEN,
                        "humanitec.base-url=http://127.0.0.1:8080/v1",
                        "humanitec.connect-timeout=2s",
                        "humanitec.read-timeout=3s",
                        "humanitec.call-timeout=4s",
                        "humanitec.transport=jdk-http-client",
                        "humanitec.log-level=basic",
                        "humanitec.retry.max-attempts=5",
                        "humanitec.retry.initial-backoff=100ms",
                        "humanitec.retry.backoff-multiplier=3",
                        "humanitec.retry.max-backoff=1s",
                        "humanitec.retry.jitter=0",
                        "humanitec.retry.max-retry-after=2s")
                .run(context -> {
                    assertThat(context).hasSingleBean(HumanitecClient.class).hasSingleBean(HumanitecEventApi.class);
                    HumanitecClient expected = HumanitecClient.builder()
                            .token(TOKEN)
                            .baseUrl("http://127.0.0.1:8080/v1")
                            .connectTimeout(Duration.ofSeconds(2))
                            .readTimeout(Duration.ofSeconds(3))
                            .callTimeout(Duration.ofSeconds(4))
                            .transport(org.openhumanitec.events.feign.Transport.jdkHttpClient())
                            .logLevel(HttpLogLevel.BASIC)
                            .retryPolicy(RetryPolicy.builder()
                                    .maxAttempts(5)
                                    .initialBackoff(Duration.ofMillis(100))
                                    .backoffMultiplier(3)
                                    .maxBackoff(Duration.ofSeconds(1))
                                    .jitter(0)
                                    .maxRetryAfter(Duration.ofSeconds(2))
                                    .build())
                            .build();
                    try (expected) {
                        assertThat(context.getBean(HumanitecClient.class)).hasToString(expected.toString());
                    }
                    assertThat(context.getBean(HumanitecEventApi.class))
                            .isSameAs(context.getBean(HumanitecClient.class));
                });
    }

    @Test
    void client_withOnlyTheApiKey_hasTheBuildersDefaults() {
        runner.withPropertyValues("humanitec.api-key=" + TOKEN).run(context -> {
            try (HumanitecClient expected =
                    HumanitecClient.builder().token(TOKEN).build()) {
                assertThat(context.getBean(HumanitecClient.class)).hasToString(expected.toString());
            }
        });
    }

    @Test
    void client_sendsTheApiKeyProperty() {
        try (RecordingServer server = new RecordingServer()) {
            runner.withPropertyValues("humanitec.api-key=" + TOKEN, "humanitec.base-url=" + server.baseUrl())
                    .run(context -> {
                        assertThat(context.getBean(HumanitecEventApi.class)
                                        .webhooks()
                                        .list("org", "app"))
                                .isEmpty();
                        assertThat(server.authorizations()).containsExactly("Bearer " + TOKEN);
                    });
        }
    }

    @Test
    void client_readsTheTokenAndUrlFromTheEnvironmentVariables() {
        try (RecordingServer server = new RecordingServer()) {
            runner.withPropertyValues("HUMANITEC_TOKEN=from-token-variable", "HUMANITEC_API_URL=" + server.baseUrl())
                    .run(context -> {
                        context.getBean(HumanitecEventApi.class).webhooks().list("org", "app");
                        assertThat(server.authorizations()).containsExactly("Bearer from-token-variable");
                    });
        }
    }

    @Test
    void client_prefersHumanitecApiKeyToHumanitecToken_andThePropertyToBoth() {
        try (RecordingServer server = new RecordingServer()) {
            ApplicationContextRunner withVariables = runner.withPropertyValues(
                    "HUMANITEC_API_KEY=from-api-key-variable",
                    "HUMANITEC_TOKEN=from-token-variable",
                    "humanitec.base-url=" + server.baseUrl());
            withVariables.run(context ->
                    context.getBean(HumanitecEventApi.class).webhooks().list("org", "app"));
            withVariables
                    .withPropertyValues("humanitec.api-key=" + TOKEN)
                    .run(context ->
                            context.getBean(HumanitecEventApi.class).webhooks().list("org", "app"));
            assertThat(server.authorizations()).containsExactly("Bearer from-api-key-variable", "Bearer " + TOKEN);
        }
    }

    @Test
    void client_isClosedWithTheContext() {
        HumanitecClient[] client = new HumanitecClient[1];
        runner.withPropertyValues("humanitec.api-key=" + TOKEN, "humanitec.base-url=http://127.0.0.1:9")
                .run(context -> client[0] = context.getBean(HumanitecClient.class));
        assertThatThrownBy(() -> client[0].webhooks().list("org", "app")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void missingApiKey_stopsStartUpNamingTheProperty() {
        runner.run(context -> assertThat(analysis(context).getDescription())
                .contains("humanitec.api-key is not set")
                .contains("HUMANITEC_API_KEY"));
    }

    @Test
    void invalidApiKey_stopsStartUpNamingThePropertyWithoutShowingIt() {
        runner.withPropertyValues("humanitec.api-key=secret with space").run(context -> {
            FailureAnalysis analysis = analysis(context);
            assertThat(analysis.getDescription())
                    .contains("humanitec.api-key has a character at index 6")
                    .doesNotContain("secret");
            assertThat(analysis.getAction()).contains("humanitec.api-key");
        });
    }

    @Test
    void invalidBaseUrl_stopsStartUpNamingTheProperty() {
        runner.withPropertyValues("humanitec.api-key=" + TOKEN, "humanitec.base-url=ftp://example.com")
                .run(context -> {
                    FailureAnalysis analysis = analysis(context);
                    assertThat(analysis.getDescription())
                            .contains("the property humanitec.base-url 'ftp://example.com'");
                    assertThat(analysis.getAction())
                            .isEqualTo("Correct humanitec.base-url in the application's configuration.");
                });
    }

    @Test
    void invalidUrlVariable_stopsStartUpNamingTheVariableAndThePropertyThatWins() {
        runner.withPropertyValues("humanitec.api-key=" + TOKEN, "HUMANITEC_API_URL=localhost:8080")
                .run(context -> {
                    FailureAnalysis analysis = analysis(context);
                    assertThat(analysis.getDescription()).contains("the environment variable HUMANITEC_API_URL");
                    assertThat(analysis.getAction())
                            .isEqualTo("Correct the environment variable HUMANITEC_API_URL, or set humanitec.base-url,"
                                    + " which wins over it.");
                });
    }

    @Test
    void invalidTimeoutOrRetrySetting_stopsStartUpNamingTheProperty() {
        runner.withPropertyValues("humanitec.api-key=" + TOKEN, "humanitec.connect-timeout=0s")
                .run(context -> assertThat(analysis(context).getDescription())
                        .contains("the property humanitec.connect-timeout is invalid: connectTimeout must be"));
        runner.withPropertyValues("humanitec.api-key=" + TOKEN, "humanitec.retry.max-attempts=0")
                .run(
                        context -> assertThat(analysis(context).getDescription())
                                .contains(
                                        "the property humanitec.retry.max-attempts is invalid: maxAttempts must be at least 1"));
        runner.withPropertyValues("humanitec.api-key=" + TOKEN, "humanitec.retry.jitter=2")
                .run(context -> assertThat(analysis(context).getDescription())
                        .contains("the property humanitec.retry.jitter is invalid"));
    }

    @Test
    void usersOwnClient_wins() {
        runner.withPropertyValues("humanitec.api-key=" + TOKEN)
                .withUserConfiguration(UsersClient.class)
                .run(context -> {
                    assertThat(context).hasSingleBean(HumanitecEventApi.class);
                    assertThat(context.getBean(HumanitecClient.class).toString())
                            .contains("http://127.0.0.1:1234");
                });
    }

    @Test
    void usersOwnApiImplementation_wins_andNoApiKeyIsNeeded() {
        runner.withUserConfiguration(UsersSandbox.class).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(HumanitecEventApi.class);
            assertThat(context).doesNotHaveBean(HumanitecClient.class);
        });
    }

    @Test
    void sandboxEnabled_replacesTheClient_withoutAnApiKey() {
        runner.withPropertyValues("humanitec.sandbox.enabled=true").run(context -> {
            assertThat(context).hasSingleBean(HumanitecSandbox.class).hasSingleBean(HumanitecEventApi.class);
            assertThat(context).doesNotHaveBean(HumanitecClient.class);
            HumanitecEventApi api = context.getBean(HumanitecEventApi.class);
            assertThat(api.webhooks().list("org", "app")).isEmpty();
        });
    }

    @Test
    void sandboxDisabled_keepsTheClient() {
        runner.withPropertyValues("humanitec.sandbox.enabled=false", "humanitec.api-key=" + TOKEN)
                .run(context -> assertThat(context)
                        .hasSingleBean(HumanitecClient.class)
                        .doesNotHaveBean(HumanitecSandbox.class));
    }

    @Test
    void sandboxEnabled_withoutTheSandboxJar_stopsStartUpSayingWhatToAdd() {
        runner.withPropertyValues("humanitec.sandbox.enabled=true")
                .withClassLoader(new FilteredClassLoader(HumanitecSandbox.class))
                .run(context -> assertThat(analysis(context).getDescription())
                        .contains("the property humanitec.sandbox.enabled is true")
                        .contains("org.openhumanitec:sdk-sandbox"));
    }

    @Test
    void sandboxEnabled_usersOwnApiImplementationStillWins() {
        runner.withPropertyValues("humanitec.sandbox.enabled=true")
                .withUserConfiguration(UsersClient.class)
                .run(context -> assertThat(context)
                        .hasSingleBean(HumanitecEventApi.class)
                        .hasSingleBean(HumanitecClient.class));
    }

    /** The analysis Spring Boot would print for the context's start-up failure. */
    private static FailureAnalysis analysis(AssertableApplicationContext context) {
        assertThat(context).hasFailed();
        FailureAnalysis analysis = new InvalidSettingFailureAnalyzer().analyze(context.getStartupFailure());
        assertThat(analysis).isNotNull();
        return analysis;
    }

    @Configuration(proxyBeanMethods = false)
    static class UsersClient {
        @Bean
        HumanitecClient myClient() {
            return HumanitecClient.builder()
                    .token("users-token")
                    .baseUrl("http://127.0.0.1:1234")
                    .build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class UsersSandbox {
        @Bean
        HumanitecEventApi myApi() {
            return HumanitecSandbox.create();
        }
    }
}
