package org.openhumanitec.events.mcp;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * A request whose body was read in full (up to the limit) before the MCP transport sees it, so that the body limit
 * holds for chunked bodies as well as declared ones, and is answered the same way in any container. The body is read
 * as UTF-8, whatever charset the request declares: MCP messages are UTF-8, and {@link JsonRpcMessage} has checked
 * that they are.
 */
final class BufferedBodyRequest extends HttpServletRequestWrapper {

    private final byte[] body;

    private BufferedBodyRequest(HttpServletRequest request, byte[] body) {
        super(request);
        this.body = body;
    }

    /**
     * Reads a request's body.
     *
     * @param request the request
     * @param maxBytes the most bytes accepted
     * @return the request with its body buffered
     * @throws IOException if reading fails
     * @throws Refusal 413 when the body is longer than {@code maxBytes}
     */
    static BufferedBodyRequest read(HttpServletRequest request, int maxBytes) throws IOException, Refusal {
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(maxBytes + 1);
            if (body.length > maxBytes) {
                throw Refusal.transport(413, "The request body is larger than " + maxBytes + " bytes");
            }
            return new BufferedBodyRequest(request, body);
        }
    }

    /** The body as received; not a copy. */
    byte[] body() {
        return body;
    }

    @Override
    public String getCharacterEncoding() {
        return StandardCharsets.UTF_8.name();
    }

    @Override
    public int getContentLength() {
        return body.length;
    }

    @Override
    public long getContentLengthLong() {
        return body.length;
    }

    @Override
    public ServletInputStream getInputStream() {
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        return new ServletInputStream() {
            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new IllegalStateException("the body is already read");
            }

            @Override
            public int read() {
                return in.read();
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                return in.read(buffer, offset, length);
            }
        };
    }

    @Override
    public BufferedReader getReader() {
        return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
    }
}
