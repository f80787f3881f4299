package org.openhumanitec.events.mcp;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * The response given to the SDK's transport for a JSON-RPC response a client posted: the SDK's answer passes through,
 * except a 5xx, which is held back (status and body) for the servlet to answer in its place. The SDK 2.1.0 answers 500
 * when no request of the session awaits that response: the client's mistake, not the server's.
 */
final class HeldBackServerError extends HttpServletResponseWrapper {

    private boolean held;

    HeldBackServerError(HttpServletResponse response) {
        super(response);
    }

    /** Whether the SDK answered a 5xx, which nothing has been sent of. */
    boolean held() {
        return held;
    }

    @Override
    public void setStatus(int status) {
        if (status >= 500) {
            held = true;
        } else {
            super.setStatus(status);
        }
    }

    @Override
    public void sendError(int status) throws IOException {
        if (status >= 500) {
            held = true;
        } else {
            super.sendError(status);
        }
    }

    @Override
    public void sendError(int status, String message) throws IOException {
        if (status >= 500) {
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
