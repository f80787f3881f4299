package org.openhumanitec.events.spring.boot.autoconfigure;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.openhumanitec.events.api.HumanitecEventApi;
import org.openhumanitec.events.feign.InvalidSettingException;
import org.openhumanitec.events.mcp.HumanitecMcpServlet;
import org.openhumanitec.events.mcp.HumanitecMcpSettings;
import org.openhumanitec.events.mcp.HumanitecTool;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With {@code humanitec.mcp.enabled=true} in a servlet web application: the MCP face (Streamable HTTP) over the
 * application's {@link HumanitecEventApi} bean (the client or the sandbox), at {@code humanitec.mcp.path}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "org.openhumanitec.events.mcp.HumanitecMcpServlet")
@ConditionalOnProperty(name = HumanitecProperties.PREFIX + ".mcp.enabled", havingValue = "true")
class HumanitecMcpConfiguration {

    @Bean
    ServletRegistrationBean<HumanitecMcpServlet> humanitecMcpServlet(
            HumanitecEventApi api, HumanitecProperties properties) {
        HumanitecProperties.Mcp mcp = properties.getMcp();
        String path = path(mcp.getPath());
        HumanitecMcpSettings.Builder settings = HumanitecMcpSettings.builder();
        step("mcp.read-only", settings, s -> s.readOnly(mcp.isReadOnly()));
        step("mcp.allowed-tools", settings, s -> s.allowedTools(tools(mcp.getAllowedTools())));
        step("mcp.stateless", settings, s -> s.stateless(mcp.isStateless()));
        if (!mcp.getAllowedOrigins().isEmpty()) {
            step("mcp.allowed-origins", settings, s -> s.allowedOrigins(mcp.getAllowedOrigins()));
        }
        if (!mcp.getAllowedHosts().isEmpty()) {
            step("mcp.allowed-hosts", settings, s -> s.allowedHosts(mcp.getAllowedHosts()));
        }
        step("mcp.max-request-bytes", settings, s -> s.maxRequestBytes(mcp.getMaxRequestBytes()));
        step("mcp.max-sessions", settings, s -> s.maxSessions(mcp.getMaxSessions()));
        step("mcp.session-idle-timeout", settings, s -> s.sessionIdleTimeout(mcp.getSessionIdleTimeout()));
        step("mcp.keep-alive-interval", settings, s -> s.keepAliveInterval(mcp.getKeepAliveInterval()));
        ServletRegistrationBean<HumanitecMcpServlet> registration =
                new ServletRegistrationBean<>(HumanitecMcpServlet.create(api, settings.build()), path);
        registration.setName("humanitecMcp");
        registration.setAsyncSupported(true); // the MCP transport answers asynchronously
        return registration;
    }

    /**
     * Applies one property and checks the settings so far: the defaults are valid, so a refusal is this property's
     * (with the ones before it, as read-only with an allow-list of write tools).
     */
    private static void step(
            String property, HumanitecMcpSettings.Builder settings, Consumer<HumanitecMcpSettings.Builder> step) {
        HumanitecClientFactory.apply(property, settings, s -> {
            step.accept(s);
            s.build();
        });
    }

    private static List<HumanitecTool> tools(List<String> names) {
        return names.stream()
                .map(name -> HumanitecTool.byName(name)
                        .orElseThrow(() -> new IllegalArgumentException("'" + name + "' is not a tool; the tools are "
                                + Arrays.stream(HumanitecTool.values())
                                        .map(HumanitecTool::toolName)
                                        .collect(Collectors.joining(", ")))))
                .toList();
    }

    /** The servlet mapping: the path itself, which must end in the endpoint the MCP transport serves. */
    private static String path(String path) {
        if (path == null
                || !path.startsWith("/")
                || !path.endsWith(HumanitecMcpServlet.ENDPOINT)
                || path.contains("*")) {
            throw new InvalidSettingException(
                    HumanitecProperties.PREFIX + ".mcp.path",
                    "must be a path starting with / and ending in " + HumanitecMcpServlet.ENDPOINT
                            + " (the MCP transport's endpoint), was '" + path + "'");
        }
        return path;
    }
}
