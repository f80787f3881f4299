/**
 * The Humanitec sandbox: {@link org.openhumanitec.events.sandbox.HumanitecSandbox}, a thread-safe in-memory
 * implementation of {@link org.openhumanitec.events.api.HumanitecEventApi} that follows Humanitec's rules
 * (organization-wide webhook ids, validation, 400/404/409 errors with Humanitec's error body), for local runs and
 * tests. It depends on {@code sdk-api} only.
 */
package org.openhumanitec.events.sandbox;
