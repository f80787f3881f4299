/**
 * The Humanitec Event API over HTTP, with Feign: {@link org.openhumanitec.events.feign.HumanitecClient} and what
 * configures it ({@link org.openhumanitec.events.feign.Transport},
 * {@link org.openhumanitec.events.feign.RetryPolicy}, {@link org.openhumanitec.events.feign.HttpLogLevel}).
 * Everything in {@code org.openhumanitec.events.feign.internal} is implementation.
 */
package org.openhumanitec.events.feign;
