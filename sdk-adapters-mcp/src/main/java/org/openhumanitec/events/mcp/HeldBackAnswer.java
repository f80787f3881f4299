package org.openhumanitec.events.mcp;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.function.IntPredicate;

/**
 * The response given to the SDK's transport where the servlet answers some statuses itself: the SDK's answer passes
 * through, except one with a status the servlet takes over, which is held back (status and body) for the servlet to
 * answer in its place. The decision is on the status alone, never on the SDK's message.
 */
final class HeldBackAnswer extends HttpServletResponseWrapper {

    private final IntPredicate heldBack;
    private boolean held;

    private HeldBackAnswer(HttpServletResponse response, IntPredicate heldBack) {
        super(response);
        this.heldBack = heldBack;
    }

    /**
     * Holds back a 5xx. The SDK 2.1.0 answers 500 when no request of the session awaits a JSON-RPC response a client
     * posted: the client's mistake, not the server's.
     */
    static HeldBackAnswer serverError(HttpServletResponse response) {
        return new HeldBackAnswer(response, status -> status >= 500);
    }

    /**
     * Holds back a 404. The SDK answers it for a session it closed (its sweeper may close an idle session before
     * {@link McpSessions} expires it), with the session id in its message.
     */
    static HeldBackAnswer notFound(HttpServletResponse response) {
        return new HeldBackAnswer(response, status -> status == 404);
    }

    /** Whether the SDK answered a status held back, which nothing has been sent of. */
    boolean held() {
        return held;
    }

    @Override
    public void setStatus(int status) {
        if (heldBack.test(status)) {
            held = true;
        } else {
            super.setStatus(status);
        }
    }

    @Override
    public void sendError(int status) throws IOException {
        if (heldBack.test(status)) {
            held = true;
        } else {
            super.sendError(status);
        }
    }

    @Override
    public void sendError(int status, String message) throws IOException {
        if (heldBack.test(status)) {
            held = true;
        } else {
            super.sendError(status, message);
        }
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        return held ? new PrintWriter(Writer.nullWriter()) : super.getWriter();
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (!held) {
            return super.getOutputStream();
        }
        return new ServletOutputStream() {
            private final OutputStream discard = OutputStream.nullOutputStream();

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                throw new IllegalStateException("a held-back answer is written synchronously");
            }

            @Override
            public void write(int b) throws IOException {
                discard.write(b);
            }
        };
    }
}
