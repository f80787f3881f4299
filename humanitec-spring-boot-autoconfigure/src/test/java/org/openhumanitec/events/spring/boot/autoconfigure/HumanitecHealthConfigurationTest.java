package org.openhumanitec.events.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@code humanitec.health.*}: the indicator on and off, its org required, over the application's API bean. */
class HumanitecHealthConfigurationTest {

    private static final String TOKEN = "s3cr3t-token-value";

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(HumanitecAutoConfiguration.class));

    @Test
    void healthEnabled_overTheSandbox_isUp() {
        runner.withPropertyValues(
                        "humanitec.sandbox.enabled=true", "humanitec.health.enabled=true", "humanitec.health.org=o")
                .run(context -> {
                    Health health = context.getBean("humanitecHealthIndicator", HealthIndicator.class)
                            .health();
                    assertThat(health.getStatus()).isEqualTo(Status.UP);
                    assertThat(health.getDetails()).containsEntry("org", "o");
                });
    }

    @Test
    void healthEnabled_apiRefusal_isDownWithStatusAndCode_neverTheToken() {
        try (RecordingServer server = new RecordingServer(401, "{\"error\":\"API-401\",\"message\":\"bad token\"}")) {
            runner.withPropertyValues(
                            "humanitec.api-key=" + TOKEN,
                            "humanitec.base-url=" + server.baseUrl(),
                            "humanitec.retry.max-attempts=1",
                            "humanitec.health.enabled=true",
                            "humanitec.health.org=o")
                    .run(context -> {
                        Health health = context.getBean("humanitecHealthIndicator", HealthIndicator.class)
                                .health();
                        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                        assertThat(health.getDetails())
                                .containsEntry("status", 401)
                                .containsEntry("errorCode", "API-401")
                                .containsEntry("error", "UnauthorizedException");
                        assertThat(health.toString()).doesNotContain(TOKEN);
                        assertThat(server.authorizations()).containsExactly("Bearer " + TOKEN);
                    });
        }
    }

    @Test
    void healthOff_byDefault_orWithoutActuator_addsNoIndicator() {
        runner.withPropertyValues("humanitec.sandbox.enabled=true")
                .run(context -> assertThat(context).doesNotHaveBean(HealthIndicator.class));
        runner.withPropertyValues(
                        "humanitec.sandbox.enabled=true", "humanitec.health.enabled=true", "humanitec.health.org=o")
                .withClassLoader(new FilteredClassLoader(HealthIndicator.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean("humanitecHealthIndicator"));
    }

    @Test
    void healthEnabled_withoutOrg_stopsStartUpNamingTheProperty() {
        runner.withPropertyValues("humanitec.sandbox.enabled=true", "humanitec.health.enabled=true")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(new InvalidSettingFailureAnalyzer()
                                    .analyze(context.getStartupFailure())
                                    .getDescription())
                            .contains("the property humanitec.health.org is not set");
                });
    }

    @Test
    void invalidInterval_stopsStartUpNamingTheProperty() {
        runner.withPropertyValues(
                        "humanitec.sandbox.enabled=true",
                        "humanitec.health.enabled=true",
                        "humanitec.health.org=o",
                        "humanitec.health.interval=0s")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(new InvalidSettingFailureAnalyzer()
                                    .analyze(context.getStartupFailure())
                                    .getDescription())
                            .contains("the property humanitec.health.interval is invalid");
                });
    }

    @Test
    void usersOwnIndicator_wins() {
        HealthIndicator own = () -> Health.unknown().build();
        runner.withPropertyValues(
                        "humanitec.sandbox.enabled=true", "humanitec.health.enabled=true", "humanitec.health.org=o")
                .withBean("humanitecHealthIndicator", HealthIndicator.class, () -> own)
                .run(context ->
                        assertThat(context.getBean("humanitecHealthIndicator")).isSameAs(own));
    }
}
