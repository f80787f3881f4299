/**
 * Spring Boot auto-configuration of the Humanitec Event API:
 * {@link org.openhumanitec.events.spring.boot.autoconfigure.HumanitecAutoConfiguration} and its
 * {@code humanitec.*} properties, {@link org.openhumanitec.events.spring.boot.autoconfigure.HumanitecProperties}.
 */
package org.openhumanitec.events.spring.boot.autoconfigure;
