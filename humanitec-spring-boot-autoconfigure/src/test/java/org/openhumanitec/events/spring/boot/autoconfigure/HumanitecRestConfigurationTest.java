package org.openhumanitec.events.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.MappingMatch;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.openhumanitec.events.rest.HumanitecRestServlet;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.mock.web.MockHttpServletMapping;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** {@code humanitec.rest.*}: the REST face mounted in a servlet web application, over the application's API bean. */
class HumanitecRestConfigurationTest {

    private final WebApplicationContextRunner web = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(HumanitecAutoConfiguration.class))
            .withPropertyValues("humanitec.sandbox.enabled=true");

    @Test
    void restEnabled_mountsTheServletAtTheDefaultPath_overTheApiBean() {
        web.withPropertyValues("humanitec.rest.enabled=true").run(context -> {
            ServletRegistrationBean<?> registration = context.getBean(ServletRegistrationBean.class);
            assertThat(registration.getUrlMappings()).containsExactly("/humanitec/*");
            assertThat(registration.getServletName()).isEqualTo("humanitecRest");

            MockHttpServletResponse response =
                    get((HumanitecRestServlet) registration.getServlet(), "/humanitec", "/v1/orgs/o/apps/a/webhooks");
            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.getContentAsString()).isEqualTo("[]");
        });
    }

    @Test
    void restPath_movesTheMount() {
        web.withPropertyValues("humanitec.rest.enabled=true", "humanitec.rest.path=/api/humanitec/")
                .run(context -> {
                    ServletRegistrationBean<?> registration = context.getBean(ServletRegistrationBean.class);
                    assertThat(registration.getUrlMappings()).containsExactly("/api/humanitec/*");
                });
    }

    @Test
    void restMaxBodyBytes_isTheServletsLimit() {
        web.withPropertyValues("humanitec.rest.enabled=true", "humanitec.rest.max-body-bytes=10")
                .run(context -> {
                    HumanitecRestServlet servlet = (HumanitecRestServlet)
                            context.getBean(ServletRegistrationBean.class).getServlet();
                    MockHttpServletRequest request = request("POST", "/humanitec", "/v1/orgs/o/apps/a/webhooks");
                    request.setContentType("application/json");
                    request.setContent("{\"id\":\"a-longer-body\"}".getBytes(StandardCharsets.UTF_8));
                    MockHttpServletResponse response = new MockHttpServletResponse();
                    servlet.service(request, response);
                    assertThat(response.getStatus()).isEqualTo(413);
                });
    }

    @Test
    void invalidRestSettings_stopStartUpNamingTheProperty() {
        web.withPropertyValues("humanitec.rest.enabled=true", "humanitec.rest.max-body-bytes=0")
                .run(context -> assertThat(analysis(context.getStartupFailure()).getDescription())
                        .contains("the property humanitec.rest.max-body-bytes is invalid"));
        web.withPropertyValues("humanitec.rest.enabled=true", "humanitec.rest.path=humanitec")
                .run(context -> assertThat(analysis(context.getStartupFailure()).getDescription())
                        .contains("the property humanitec.rest.path must be a path starting with /"));
    }

    @Test
    void restOff_orNotAServletApplication_orNoRestJar_mountsNothing() {
        web.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(ServletRegistrationBean.class));
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(HumanitecAutoConfiguration.class))
                .withPropertyValues("humanitec.sandbox.enabled=true", "humanitec.rest.enabled=true")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(ServletRegistrationBean.class));
        web.withPropertyValues("humanitec.rest.enabled=true")
                .withClassLoader(new FilteredClassLoader(HumanitecRestServlet.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(ServletRegistrationBean.class));
    }

    private static FailureAnalysis analysis(Throwable failure) {
        assertThat(failure).isNotNull();
        return new InvalidSettingFailureAnalyzer().analyze(failure);
    }

    private static MockHttpServletResponse get(HumanitecRestServlet servlet, String servletPath, String rest)
            throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        servlet.service(request("GET", servletPath, rest), response);
        return response;
    }

    /** A request as the container hands it to a servlet mapped at {@code servletPath/*}. */
    private static MockHttpServletRequest request(String method, String servletPath, String rest) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, servletPath + rest);
        request.setServletPath(servletPath);
        request.setPathInfo(rest);
        request.setHttpServletMapping(
                new MockHttpServletMapping(rest, servletPath + "/*", "humanitecRest", MappingMatch.PATH));
        return request;
    }
}
