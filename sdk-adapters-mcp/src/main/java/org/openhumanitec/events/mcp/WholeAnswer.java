package org.openhumanitec.events.mcp;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * The response given to the SDK's stateless transport: its JSON answer is sent whole when the request ends, with a
 * {@code Content-Length}, rather than when the SDK flushes its writer after writing it. A flush there commits the
 * answer as chunked, and the container then sends the closing chunk in a second write; an answer larger than the
 * container's response buffer is still sent as the buffer fills.
 */
final class WholeAnswer extends HttpServletResponseWrapper {

    private PrintWriter writer;

    WholeAnswer(HttpServletResponse response) {
        super(response);
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (writer == null) {
            writer = new PrintWriter(new FilterWriter(super.getWriter()) {
                @Override
                public void flush() {
                    // The container sends what is written when the request ends.
                }
            });
        }
        return writer;
    }
}
