package org.openhumanitec.events.launcher;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;

/**
 * The headers every answer of a face carries, {@code Cache-Control: no-store} and
 * {@code X-Content-Type-Options: nosniff}: put on each response as soon as its request is parsed, so that answers
 * written before any servlet (the token check's 401, a refused method) carry them too. A servlet may still set its
 * own {@code Cache-Control}; {@link JsonErrorHandler} puts them on the error pages of requests Jetty could not parse.
 */
final class SecurityHeaders implements HttpConfiguration.Customizer {

    /** The {@code Cache-Control} of every answer: {@value}. */
    static final String CACHE_CONTROL = "no-store";

    private static final HttpField NO_STORE = new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, CACHE_CONTROL);
    private static final HttpField NOSNIFF = new HttpField("X-Content-Type-Options", "nosniff");

    @Override
    public Request customize(Request request, HttpFields.Mutable responseHeaders) {
        addTo(responseHeaders);
        return request;
    }

    /** Puts both headers, replacing any other value. */
    static void addTo(HttpFields.Mutable headers) {
        headers.put(NO_STORE);
        headers.put(NOSNIFF);
    }
}
