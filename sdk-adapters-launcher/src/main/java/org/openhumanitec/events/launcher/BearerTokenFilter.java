package org.openhumanitec.events.launcher;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import java.util.function.Predicate;
import org.openhumanitec.events.api.BearerTokens;

/**
 * Lets a request through only when it carries {@code Authorization: Bearer <token>} with the configured token;
 * answers anything else 401 with {@code WWW-Authenticate: Bearer} and an {@code ADAPTER-401} error body. The
 * comparison takes the same time whatever the presented token, and the token never appears in a response or log.
 */
public final class BearerTokenFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    private final byte[] expectedDigest;
    private final transient Predicate<HttpServletRequest> open;

    /**
     * A filter for one token.
     *
     * @param token the token callers must present; not blank
     * @param open requests that need no token, such as health checks and CORS preflights
     */
    public BearerTokenFilter(String token, Predicate<HttpServletRequest> open) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("the inbound token must not be blank");
        }
        this.expectedDigest = digest(token);
        this.open = Objects.requireNonNull(open, "open must not be null");
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (open.test(request) || presentsToken(request.getHeader("Authorization"))) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = AdapterErrors.body(401, "A valid bearer token is required: send Authorization: Bearer <token>.");
        response.setStatus(401);
        response.setHeader("WWW-Authenticate", "Bearer realm=\"humanitec-events\"");
        response.setContentType("application/json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private boolean presentsToken(String authorization) {
        return BearerTokens.fromAuthorization(authorization)
                .map(token -> MessageDigest.isEqual(expectedDigest, digest(token)))
                .orElse(false);
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /** Never shows the token. */
    @Override
    public String toString() {
        return "BearerTokenFilter[token=<redacted>]";
    }
}
