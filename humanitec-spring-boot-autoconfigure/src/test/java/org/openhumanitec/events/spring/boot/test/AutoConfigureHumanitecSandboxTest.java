package org.openhumanitec.events.spring.boot.test;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openhumanitec.events.api.HumanitecEventApi;
import org.openhumanitec.events.sandbox.HumanitecSandbox;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * The annotation alone puts the sandbox in: no api-key is configured (without the annotation this context would
 * not start), and the application has no auto-configuration of its own enabled.
 */
// BEGIN spring-boot-sandbox-test
@SpringBootTest(classes = AutoConfigureHumanitecSandboxTest.App.class)
@AutoConfigureHumanitecSandbox
class AutoConfigureHumanitecSandboxTest {

    @Test
    void theApplicationsApiIsTheSandbox(ApplicationContext context) {
        HumanitecEventApi humanitec = context.getBean(HumanitecEventApi.class);
        assertThat(humanitec).isInstanceOf(HumanitecSandbox.class);
        assertThat(humanitec.webhooks().list("org", "app")).isEmpty();
    }

    /** An application with nothing of its own. */
    @SpringBootConfiguration
    static class App {}
}
// END
