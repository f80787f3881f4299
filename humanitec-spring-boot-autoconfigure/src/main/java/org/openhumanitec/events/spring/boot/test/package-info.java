/**
 * Test support: {@link org.openhumanitec.events.spring.boot.test.AutoConfigureHumanitecSandbox}.
 */
package org.openhumanitec.events.spring.boot.test;
