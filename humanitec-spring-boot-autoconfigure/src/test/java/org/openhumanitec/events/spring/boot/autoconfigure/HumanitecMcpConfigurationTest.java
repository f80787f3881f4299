package org.openhumanitec.events.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openhumanitec.events.mcp.HumanitecMcpServlet;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * {@code humanitec.mcp.*}: the MCP face mounted in a servlet web application, over the application's API bean, with
 * its options. The embedded-container test calls it over HTTP.
 */
class HumanitecMcpConfigurationTest {

    private final WebApplicationContextRunner web = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(HumanitecAutoConfiguration.class))
            .withPropertyValues("humanitec.sandbox.enabled=true");

    @Test
    void mcpEnabled_mountsTheServletAtTheDefaultPath_withAsyncSupport() {
        web.withPropertyValues("humanitec.mcp.enabled=true").run(context -> {
            ServletRegistrationBean<?> registration = registration(context);
            assertThat(registration.getUrlMappings()).containsExactly("/mcp");
            assertThat(registration.getServletName()).isEqualTo("humanitecMcp");
            assertThat(registration.isAsyncSupported()).isTrue();
            assertThat(registration.getServlet()).isInstanceOf(HumanitecMcpServlet.class);
        });
    }

    @Test
    void mcpPath_movesTheMount() {
        web.withPropertyValues("humanitec.mcp.enabled=true", "humanitec.mcp.path=/agents/mcp")
                .run(context ->
                        assertThat(registration(context).getUrlMappings()).containsExactly("/agents/mcp"));
    }

    @Test
    void mcpStateless_reachesTheServlet() throws Exception {
        web.withPropertyValues("humanitec.mcp.enabled=true", "humanitec.mcp.stateless=true")
                .run(context -> {
                    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/mcp");
                    request.setServletPath("/mcp");
                    request.addHeader("Host", "127.0.0.1:8080");
                    MockHttpServletResponse response = new MockHttpServletResponse();
                    ((HumanitecMcpServlet) registration(context).getServlet()).service(request, response);
                    assertThat(response.getStatus()).isEqualTo(405);
                    assertThat(response.getHeader("Allow")).isEqualTo("POST");
                });
    }

    @Test
    void invalidMcpSettings_stopStartUpNamingTheProperty() {
        assertFailure(
                "humanitec.mcp.path=/mcp/other", "the property humanitec.mcp.path must be a path starting with /");
        assertFailure("humanitec.mcp.path=mcp", "the property humanitec.mcp.path must be a path starting with /");
        assertFailure(
                "humanitec.mcp.allowed-tools=list-events,fire-missiles",
                "the property humanitec.mcp.allowed-tools is invalid: 'fire-missiles' is not a tool");
        assertFailure("humanitec.mcp.max-sessions=0", "the property humanitec.mcp.max-sessions is invalid");
        assertFailure("humanitec.mcp.max-request-bytes=0", "the property humanitec.mcp.max-request-bytes is invalid");
        assertFailure(
                "humanitec.mcp.session-idle-timeout=0s", "the property humanitec.mcp.session-idle-timeout is invalid");
        assertFailure(
                "humanitec.mcp.keep-alive-interval=2h", "the property humanitec.mcp.keep-alive-interval is invalid");
        web.withPropertyValues(
                        "humanitec.mcp.enabled=true",
                        "humanitec.mcp.read-only=true",
                        "humanitec.mcp.allowed-tools=create-webhook")
                .run(context -> assertThat(analysis(context)).contains("the property humanitec.mcp.allowed-tools"));
    }

    @Test
    void mcpOff_orNotAServletApplication_orNoMcpJar_mountsNothing() {
        web.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(ServletRegistrationBean.class));
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(HumanitecAutoConfiguration.class))
                .withPropertyValues("humanitec.sandbox.enabled=true", "humanitec.mcp.enabled=true")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(ServletRegistrationBean.class));
        web.withPropertyValues("humanitec.mcp.enabled=true")
                .withClassLoader(new FilteredClassLoader(HumanitecMcpServlet.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(ServletRegistrationBean.class));
    }

    @Test
    void restAndMcp_together_mountBoth() {
        web.withPropertyValues("humanitec.mcp.enabled=true", "humanitec.rest.enabled=true")
                .run(context -> assertThat(context.getBeansOfType(ServletRegistrationBean.class))
                        .containsOnlyKeys("humanitecMcpServlet", "humanitecRestServlet"));
    }

    private void assertFailure(String property, String description) {
        web.withPropertyValues("humanitec.mcp.enabled=true", property)
                .run(context -> assertThat(analysis(context)).contains(description));
    }

    private static String analysis(AssertableWebApplicationContext context) {
        assertThat(context).hasFailed();
        return new InvalidSettingFailureAnalyzer()
                .analyze(context.getStartupFailure())
                .getDescription();
    }

    private static ServletRegistrationBean<?> registration(AssertableWebApplicationContext context) {
        return context.getBean("humanitecMcpServlet", ServletRegistrationBean.class);
    }
}
