/**
 * The Humanitec wire format of the {@code sdk-api} types, as one Jackson module of mix-ins.
 *
 * <p>The client decodes responses with it, and the adapters read requests and write responses with it, so the
 * JSON shape is defined once: snake_case names ({@code created_at}), {@code created_at} as an ISO-8601 instant
 * with milliseconds, fields the caller did not set left out (tolerant reader, strict writer), and an explicit
 * {@code null} in an update sent as {@code null}. Unknown fields are ignored. Databind maps the records itself,
 * through their canonical constructors, the requests' builders and the open values' {@code of(String)}.
 *
 * <p>Reading reports a value of the wrong shape with a {@link org.openhumanitec.events.jackson.WireFormatException}
 * that names the field, for example {@code 'triggers[0].scope' must be a string}, and never quotes the value.
 */
package org.openhumanitec.events.jackson;
