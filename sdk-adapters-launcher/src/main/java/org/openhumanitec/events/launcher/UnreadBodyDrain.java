package org.openhumanitec.events.launcher;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Reads and drops what is left of a request body once the answer has been written, when the answer came before
 * the body was read (a 401 from the token filter, a 413, a refused Origin). Otherwise Jetty closes the connection
 * while the client may still be sending: the client then sees a reset instead of the answer, or reuses a pooled
 * connection that is already closed. Bodies beyond {@value #DRAIN_CEILING} bytes are left to that close.
 */
final class UnreadBodyDrain extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** The most bytes drained from one request: {@value}. */
    static final long DRAIN_CEILING = 16L * 1024 * 1024;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(request, response);
        // Not after a failure: the error page is still to be written.
        if (!request.isAsyncStarted()) {
            ServletInputStream unread = unreadBody(request);
            if (unread != null) {
                response.flushBuffer(); // the answer goes out first, then what the client still sends is dropped
                drain(unread);
            }
        }
    }

    /**
     * The request's body stream when some of the body is still unread; null for a request without one. A request
     * with neither a positive {@code Content-Length} nor a {@code Transfer-Encoding} has no body (HTTP/1.1): its
     * answer is left alone, uncommitted, so that the container can still give it a {@code Content-Length}.
     */
    private static ServletInputStream unreadBody(HttpServletRequest request) {
        long length = request.getContentLengthLong();
        if (length == 0 || (length < 0 && request.getHeader("Transfer-Encoding") == null)) {
            return null;
        }
        try {
            ServletInputStream in = request.getInputStream();
            return in.isFinished() ? null : in;
        } catch (IOException | IllegalStateException e) {
            // The body was read as characters (getReader), or the client went away: nothing left to save.
            return null;
        }
    }

    private static void drain(ServletInputStream in) {
        try {
            byte[] buffer = new byte[8192];
            long drained = 0;
            while (drained < DRAIN_CEILING && !in.isFinished()) {
                int read = in.read(buffer);
                if (read < 0) {
                    return;
                }
                drained += read;
            }
        } catch (IOException e) {
            // The client went away: nothing left to save.
        }
    }
}
