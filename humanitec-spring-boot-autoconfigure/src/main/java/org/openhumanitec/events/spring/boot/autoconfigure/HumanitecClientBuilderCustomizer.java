package org.openhumanitec.events.spring.boot.autoconfigure;

import org.openhumanitec.events.feign.HumanitecClient;

/**
 * Changes the builder of the auto-configured {@link HumanitecClient} after the {@code humanitec.*} properties are
 * applied and before it is built, as Spring Boot's {@code RestClientCustomizer} does for its client. Declare one as a
 * bean for a setting that has no property (a {@code Transport.custom(...)}, say); the starter's own observe the
 * client with the application's Micrometer registries. Applied in {@link org.springframework.core.Ordered order}.
 */
@FunctionalInterface
public interface HumanitecClientBuilderCustomizer {

    /**
     * Changes the builder.
     *
     * @param builder the builder, the properties already applied
     */
    void customize(HumanitecClient.Builder builder);
}
