package org.openhumanitec.events.rest;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Lets web pages from an explicit list of origins call the REST API from a browser. Without this filter (the
 * default) no response carries CORS headers, so browsers keep other origins out.
 *
 * <p>A request from a listed origin gets {@code Access-Control-Allow-Origin} naming that origin; a preflight
 * ({@code OPTIONS} with {@code Access-Control-Request-Method}) from it is answered 204 here, allowing the API's
 * methods and the {@code Authorization} and {@code Content-Type} headers, so it needs no token. A preflight from any
 * other origin is answered 403 with an {@code ADAPTER-403} error body. There is no wildcard: callers authenticate
 * with a bearer token, and the list says which pages may send one.
 *
 * <p>Put it in front of any token check so that the token check's 401 carries the CORS headers too.
 */
public final class CorsFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** The methods a preflight allows: those of the API's routes. */
    static final String ALLOWED_METHODS = "GET, POST, PATCH, DELETE";

    /** The request headers a preflight allows. */
    static final String ALLOWED_HEADERS = "Authorization, Content-Type";

    /** The response headers a page may read besides the simple ones. */
    static final String EXPOSED_HEADERS = "Retry-After, WWW-Authenticate, Allow";

    /** How long a browser may cache a preflight's answer, in seconds. */
    static final String MAX_AGE_SECONDS = "600";

    private final Set<String> origins;

    private CorsFilter(Set<String> origins) {
        this.origins = origins;
    }

    /**
     * A filter allowing these origins.
     *
     * @param origins each a scheme, host and optional port, such as {@code https://console.example.com} or
     *     {@code http://localhost:3000}; at least one
     * @return the filter
     * @throws IllegalArgumentException naming the first entry that is not such an origin (a path, a wildcard,
     *     {@code null})
     */
    public static CorsFilter allowing(Collection<String> origins) {
        Set<String> normalized = new LinkedHashSet<>();
        for (String origin : origins) {
            normalized.add(normalize(origin));
        }
        if (normalized.isEmpty()) {
            throw new IllegalArgumentException("name at least one origin, such as https://console.example.com");
        }
        return new CorsFilter(Set.copyOf(normalized));
    }

    /**
     * The origins this filter allows.
     *
     * @return the origins, normalized (lower case, no default port)
     */
    public Set<String> origins() {
        return origins;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String origin = request.getHeader("Origin");
        if (origin == null) {
            chain.doFilter(request, response);
            return;
        }
        response.addHeader("Vary", "Origin");
        boolean allowed = isAllowed(origin);
        boolean preflight =
                "OPTIONS".equals(request.getMethod()) && request.getHeader("Access-Control-Request-Method") != null;
        if (preflight) {
            if (!allowed) {
                byte[] body = ErrorReplies.adapterError(403, "This origin may not call the API from a browser.")
                        .body();
                response.setStatus(403);
                response.setContentType("application/json");
                response.setContentLength(body.length);
                response.getOutputStream().write(body);
                return;
            }
            response.setHeader("Access-Control-Allow-Origin", origin);
            response.setHeader("Access-Control-Allow-Methods", ALLOWED_METHODS);
            response.setHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS);
            response.setHeader("Access-Control-Max-Age", MAX_AGE_SECONDS);
            response.setStatus(204);
            return;
        }
        if (allowed) {
            response.setHeader("Access-Control-Allow-Origin", origin);
            response.setHeader("Access-Control-Expose-Headers", EXPOSED_HEADERS);
        }
        chain.doFilter(request, response);
    }

    private boolean isAllowed(String origin) {
        try {
            return origins.contains(normalize(origin));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** {@code HTTPS://Example.com:443} becomes {@code https://example.com}. */
    private static String normalize(String origin) {
        if (origin == null || origin.isBlank()) {
            throw new IllegalArgumentException("a CORS origin must not be blank");
        }
        String text = origin.strip();
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw notAnOrigin(text);
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!("http".equals(scheme) || "https".equals(scheme))
                || uri.getHost() == null
                || uri.getRawUserInfo() != null
                || !(uri.getRawPath() == null
                        || uri.getRawPath().isEmpty()
                        || uri.getRawPath().equals("/"))
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            throw notAnOrigin(text);
        }
        int port = uri.getPort();
        boolean defaultPort =
                port == -1 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }

    private static IllegalArgumentException notAnOrigin(String text) {
        return new IllegalArgumentException(
                "'" + text + "' is not a CORS origin: write a scheme, a host and an optional"
                        + " port, such as https://console.example.com or http://localhost:3000 (no path, no wildcard)");
    }

    /** Lists the allowed origins. */
    @Override
    public String toString() {
        return "CorsFilter" + origins;
    }
}
