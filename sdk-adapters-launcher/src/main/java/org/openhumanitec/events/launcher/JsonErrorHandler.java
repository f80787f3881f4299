package org.openhumanitec.events.launcher;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.util.List;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's error pages as {@code ADAPTER-<status>} JSON bodies, never HTML, never a stack trace or class name: a 5xx
 * says only its reason phrase, a 4xx also Jetty's short reason (such as {@code Invalid Origin header}).
 */
final class JsonErrorHandler extends ErrorHandler {

    JsonErrorHandler() {
        setShowStacks(false);
        setShowMessageInTitle(false);
    }

    @Override
    protected boolean generateAcceptableResponse(
            Request request,
            Response response,
            Callback callback,
            String contentType,
            List<Charset> charsets,
            int code,
            String message,
            Throwable cause)
            throws IOException {
        byte[] body = AdapterErrors.body(code, safeMessage(code, message));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }

    private static String safeMessage(int status, String message) {
        if (status >= 500 || message == null || message.length() > 200 || message.contains("Exception")) {
            return null;
        }
        return message;
    }
}
