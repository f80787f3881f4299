package org.openhumanitec.events.launcher;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;

/**
 * Serves a face's OAuth 2.0 Protected Resource Metadata (RFC 9728) to {@code GET}, at
 * {@value ProtectedResource#WELL_KNOWN_PATH} and at the path-specific form below it (such as
 * {@code /.well-known/oauth-protected-resource/mcp}), with no token needed: clients read it to find where to sign in.
 */
public final class ProtectedResourceMetadataServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final byte[] document;

    /**
     * A servlet for one resource.
     *
     * @param resource the resource the document describes
     */
    public ProtectedResourceMetadataServlet(ProtectedResource resource) {
        this.document =
                Objects.requireNonNull(resource, "resource must not be null").metadataJson();
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(200);
        response.setContentType("application/json");
        response.setContentLength(document.length);
        response.getOutputStream().write(document);
    }
}
