package org.openhumanitec.events.spring.boot.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.openhumanitec.events.spring.boot.autoconfigure.HumanitecAutoConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.autoconfigure.properties.PropertyMapping;

/**
 * On a test class: the application's {@link org.openhumanitec.events.api.HumanitecEventApi} bean is an in-memory
 * {@link org.openhumanitec.events.sandbox.HumanitecSandbox}, as with {@code humanitec.sandbox.enabled=true}, for that
 * class only. Needs {@code org.openhumanitec:sdk-sandbox} on the test class path. Works with {@code @SpringBootTest}
 * and the test slices ({@code @WebMvcTest} and the like).
 *
 * <pre>{@code
 * @SpringBootTest
 * @AutoConfigureHumanitecSandbox
 * class DeployNotifierTest {
 *     @Autowired HumanitecEventApi humanitec; // the sandbox
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ImportAutoConfiguration(HumanitecAutoConfiguration.class)
@PropertyMapping("humanitec.sandbox")
public @interface AutoConfigureHumanitecSandbox {

    /**
     * Whether the sandbox replaces the client.
     *
     * @return true, the point of the annotation; false turns it off for a subclass
     */
    boolean enabled() default true;
}
