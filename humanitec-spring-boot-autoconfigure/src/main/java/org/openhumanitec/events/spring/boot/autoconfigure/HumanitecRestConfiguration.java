package org.openhumanitec.events.spring.boot.autoconfigure;

import org.openhumanitec.events.api.HumanitecEventApi;
import org.openhumanitec.events.feign.InvalidSettingException;
import org.openhumanitec.events.rest.HumanitecRestServlet;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With {@code humanitec.rest.enabled=true} in a servlet web application: the REST face over the application's
 * {@link HumanitecEventApi} bean (the client or the sandbox), mounted at {@code humanitec.rest.path}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "org.openhumanitec.events.rest.HumanitecRestServlet")
@ConditionalOnProperty(name = HumanitecProperties.PREFIX + ".rest.enabled", havingValue = "true")
class HumanitecRestConfiguration {

    @Bean
    ServletRegistrationBean<HumanitecRestServlet> humanitecRestServlet(
            HumanitecEventApi api, HumanitecProperties properties) {
        HumanitecProperties.Rest rest = properties.getRest();
        HumanitecRestServlet.Builder servlet = HumanitecRestServlet.builder(api);
        HumanitecClientFactory.apply("rest.max-body-bytes", servlet, s -> s.maxBodyBytes(rest.getMaxBodyBytes()));
        ServletRegistrationBean<HumanitecRestServlet> registration =
                new ServletRegistrationBean<>(servlet.build(), mapping(rest.getPath()));
        registration.setName("humanitecRest");
        return registration;
    }

    /** The servlet mapping of a mount path: {@code /humanitec} and {@code /humanitec/} both give {@code /humanitec/*}. */
    private static String mapping(String path) {
        if (path == null || !path.startsWith("/") || path.contains("*")) {
            throw new InvalidSettingException(
                    HumanitecProperties.PREFIX + ".rest.path", "must be a path starting with /, was '" + path + "'");
        }
        String trimmed = path.replaceAll("/+$", "");
        return trimmed + "/*";
    }
}
