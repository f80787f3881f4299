package org.openhumanitec.events.launcher;

import java.util.List;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ConditionalHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Answers a method the face does not serve ({@code TRACE}, {@code PUT}, {@code CONNECT}, ...) 405 with {@code Allow}
 * and an {@code ADAPTER-405} body, on every path and before any filter, so that no such request reaches a servlet
 * (where {@code HttpServlet}'s own {@code doTrace} would echo the request, {@code Authorization} header and cookies
 * included) or a token check.
 */
final class MethodGuard extends ConditionalHandler.ElseNext {

    private final String allow;

    /**
     * A guard letting these methods through to a handler.
     *
     * @param methods the methods the face serves, upper case, in the order {@code Allow} lists them
     * @param next the handler they go to
     */
    MethodGuard(List<String> methods, Handler next) {
        super(next);
        this.allow = String.join(", ", methods);
        excludeMethod(methods.toArray(String[]::new));
    }

    @Override
    protected boolean onConditionsMet(Request request, Response response, Callback callback) {
        response.getHeaders().put(HttpHeader.ALLOW, allow);
        Response.writeError(request, response, callback, 405, "This server takes " + allow + " only.");
        return true;
    }
}
