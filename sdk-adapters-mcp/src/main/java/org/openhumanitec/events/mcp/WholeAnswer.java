package org.openhumanitec.events.mcp;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;

/**
 * The response given to the SDK's stateless transport: the JSON answer it writes (as text, through
 * {@link #getWriter()}) is kept until {@link #send()}, which sends it whole, encoded at once, with a
 * {@code Content-Length}. The SDK flushes its writer after writing, which would commit the answer as chunked (the
 * container then sends the closing chunk in a second write), and the container's writer encodes the text piece by
 * piece into its buffer; the answer is one string already, so it is encoded in one go and written as one block.
 */
final class WholeAnswer extends HttpServletResponseWrapper {

    private StringBuilder text;
    private PrintWriter writer;

    WholeAnswer(HttpServletResponse response) {
        super(response);
    }

    @Override
    public PrintWriter getWriter() {
        if (writer == null) {
            StringBuilder written = new StringBuilder();
            text = written;
            writer = new PrintWriter(new Writer() {
                @Override
                public void write(char[] chars, int offset, int length) {
                    written.append(chars, offset, length);
                }

                @Override
                public void write(String string, int offset, int length) {
                    written.append(string, offset, offset + length);
                }

                @Override
                public void flush() {
                    // sent by send()
                }

                @Override
                public void close() {
                    // sent by send()
                }
            });
        }
        return writer;
    }

    @Override
    public void resetBuffer() {
        super.resetBuffer();
        if (text != null) {
            text.setLength(0);
        }
    }

    @Override
    public void reset() {
        super.reset();
        if (text != null) {
            text.setLength(0);
        }
    }

    /**
     * Sends what was written to the writer, in the response's character encoding, with its length; nothing if nothing
     * was written (the transport answered with a status only, or through the output stream).
     *
     * @throws IOException if writing fails
     */
    void send() throws IOException {
        if (text == null || text.isEmpty()) {
            return;
        }
        byte[] body = text.toString().getBytes(Charset.forName(getCharacterEncoding()));
        text = null;
        setContentLength(body.length);
        getOutputStream().write(body);
    }
}
