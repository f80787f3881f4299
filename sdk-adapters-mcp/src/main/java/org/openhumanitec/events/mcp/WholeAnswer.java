package org.openhumanitec.events.mcp;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

/**
 * The response given to the SDK's stateless transport: the JSON answer it writes (as text, through
 * {@link #getWriter()}) is kept until {@link #send()}, which sends it whole, encoded at once, with a
 * {@code Content-Length}. The SDK flushes its writer after writing, which would commit the answer as chunked (the
 * container then sends the closing chunk in a second write), and the container's writer encodes the text piece by
 * piece into its buffer; the answer is one string already, so it is encoded in one go and written as one block.
 */
final class WholeAnswer extends HttpServletResponseWrapper {

    /** What was written to the writer, in pieces (the SDK writes its answer as one string). */
    private final List<String> pieces = new ArrayList<>(1);

    private PrintWriter writer;

    /** The response's character encoding when the writer was asked for, which the text is encoded in. */
    private Charset charset;

    WholeAnswer(HttpServletResponse response) {
        super(response);
    }

    @Override
    public PrintWriter getWriter() {
        if (writer == null) {
            charset = Charset.forName(getCharacterEncoding());
            writer = new PrintWriter(new Writer() {
                @Override
                public void write(char[] chars, int offset, int length) {
                    pieces.add(new String(chars, offset, length));
                }

                @Override
                public void write(String string, int offset, int length) {
                    pieces.add(string.substring(offset, offset + length));
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
        pieces.clear();
    }

    @Override
    public void reset() {
        super.reset();
        pieces.clear();
    }

    /**
     * Sends what was written to the writer, with its length; nothing if nothing was written (the transport answered
     * with a status only, or through the output stream).
     *
     * @throws IOException if writing fails
     */
    void send() throws IOException {
        if (pieces.isEmpty()) {
            return;
        }
        String text = pieces.size() == 1 ? pieces.get(0) : String.join("", pieces);
        pieces.clear();
        byte[] body = text.getBytes(charset);
        setContentLength(body.length);
        getOutputStream().write(body);
    }
}
