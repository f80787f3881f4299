package org.openhumanitec.events.launcher;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's error pages as {@code ADAPTER-<status>} JSON bodies, never HTML, never a stack trace or class name: a 5xx
 * says only its reason phrase, a 4xx also Jetty's short reason (such as {@code Invalid Origin header}). Every error
 * page, those of Jetty's HTTP layer included (400, 414, 431, 426 to an HTTP/2 preface, 505), carries the faces'
 * {@linkplain SecurityHeaders documented headers} and a body, whatever the request's method, {@code Accept} or
 * {@code Accept-Charset}.
 */
final class JsonErrorHandler extends ErrorHandler {

    JsonErrorHandler() {
        setShowStacks(false);
        setShowMessageInTitle(false);
        setCacheControl(SecurityHeaders.CACHE_CONTROL);
    }

    /** Every method gets a body: a request Jetty could not parse (such as {@code PRI *}) as much as a GET. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(
            Request request, Response response, int code, String message, Throwable cause, Callback callback)
            throws IOException {
        byte[] body = AdapterErrors.body(code, safeMessage(code, message));
        SecurityHeaders.addTo(response.getHeaders());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    private static String safeMessage(int status, String message) {
        if (status >= 500 || message == null || message.length() > 200 || message.contains("Exception")) {
            return null;
        }
        return message;
    }
}
