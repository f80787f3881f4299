package org.openhumanitec.events.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openhumanitec.events.feign.InvalidSettingException;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A whole application that cannot start: Spring Boot finds the auto-configuration and the failure analyzer through
 * their registration files, prints the analysis naming the property, and never the token.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartUpFailureTest {

    private static final String TOKEN = "s3cr3t-token-value";

    @Test
    void invalidBaseUrl_printsTheAnalysisNamingTheProperty_andNeverTheToken(CapturedOutput output) {
        SpringApplicationBuilder application = new SpringApplicationBuilder(App.class)
                .web(WebApplicationType.NONE)
                .properties("humanitec.api-key=" + TOKEN, "humanitec.base-url=https://api.humanitec.io/?q=1");

        assertThatThrownBy(application::run).hasRootCauseInstanceOf(InvalidSettingException.class);

        assertThat(output)
                .contains("APPLICATION FAILED TO START")
                .contains("The Humanitec client cannot start: the property humanitec.base-url")
                .contains("Correct humanitec.base-url in the application's configuration.")
                .doesNotContain(TOKEN);
    }

    /** An application with nothing of its own. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {}
}
