/**
 * The Humanitec wire format of the {@code sdk-api} types, as one Jackson module.
 *
 * <p>The client decodes responses with it, and the adapters read requests and write responses with it, so the
 * JSON shape is defined once: snake_case names ({@code created_at}), {@code created_at} as an ISO-8601 instant
 * with milliseconds, fields the caller did not set left out (tolerant reader, strict writer), and an explicit
 * {@code null} in an update sent as {@code null}. Unknown fields are ignored.
 *
 * <p>Readers report a value of the wrong shape with a message that names the field, for example
 * {@code 'triggers[0].scope' must be a string}.
 */
package org.openhumanitec.events.jackson;
