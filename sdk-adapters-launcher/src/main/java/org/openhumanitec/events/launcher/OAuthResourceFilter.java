package org.openhumanitec.events.launcher;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.openhumanitec.events.api.BearerTokens;

/**
 * Lets a request through only with a valid OAuth access token for this face (RFC 6750, RFC 9728), as the MCP
 * authorization specification asks of a resource server:
 *
 * <ul>
 *   <li>no {@code Authorization: Bearer} token: 401 with {@code WWW-Authenticate: Bearer resource_metadata="..."},
 *       naming where the face's {@linkplain ProtectedResource metadata} is;
 *   <li>a token that is not valid ({@link AccessTokenValidator}): 401 with {@code error="invalid_token"};
 *   <li>a valid token without any of the scopes the request needs: 403 with {@code error="insufficient_scope"} and
 *       the scopes that would do;
 *   <li>an {@code access_token} in the query string, valid or not: 400 with {@code error="invalid_request"}, as a
 *       token in a URL ends up in logs and browser histories.
 * </ul>
 *
 * <p>A request let through carries the token's subject ({@link #SUBJECT_ATTRIBUTE}, which the access log shows) and
 * its scopes ({@link #grantedScopes}). Error bodies are {@code ADAPTER-<status>} JSON; the token never appears in a
 * response or log.
 */
public final class OAuthResourceFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** The request attribute holding the caller's subject, as the access log prints it: {@value}. */
    public static final String SUBJECT_ATTRIBUTE = "org.openhumanitec.events.oauth.subject";

    private static final String SCOPES_ATTRIBUTE = "org.openhumanitec.events.oauth.scopes";

    private static final int MAX_LOGGED_SUBJECT = 128;

    private final transient AccessTokenValidator validator;
    private final String resourceMetadata;
    private final transient Function<HttpServletRequest, Set<String>> acceptedScopes;
    private final transient Predicate<HttpServletRequest> open;

    /**
     * A filter for one face.
     *
     * @param validator checks the tokens
     * @param resource the face as a protected resource, whose metadata URL the challenges name
     * @param acceptedScopes the scopes of which a request needs at least one; an empty set asks for none beyond a
     *     valid token
     * @param open requests that need no token, such as health checks and the metadata document
     */
    public OAuthResourceFilter(
            AccessTokenValidator validator,
            ProtectedResource resource,
            Function<HttpServletRequest, Set<String>> acceptedScopes,
            Predicate<HttpServletRequest> open) {
        this.validator = Objects.requireNonNull(validator, "validator must not be null");
        this.resourceMetadata = Objects.requireNonNull(resource, "resource must not be null")
                .metadataUri()
                .toString();
        this.acceptedScopes = Objects.requireNonNull(acceptedScopes, "acceptedScopes must not be null");
        this.open = Objects.requireNonNull(open, "open must not be null");
    }

    /**
     * The scopes of the caller's token, for the servlets behind this filter.
     *
     * @param request a request this filter let through
     * @return the scopes; empty when the request did not pass this filter
     */
    @SuppressWarnings("unchecked")
    public static Set<String> grantedScopes(HttpServletRequest request) {
        Object scopes = request.getAttribute(SCOPES_ATTRIBUTE);
        return scopes instanceof Set<?> set ? (Set<String>) set : Set.of();
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (hasTokenInQuery(request.getQueryString())) {
            refuse(
                    response,
                    400,
                    challenge(
                            "invalid_request",
                            "Send the access token in the Authorization header," + " never in the URL"),
                    "Send the access token in the Authorization header, never in the URL.");
            return;
        }
        if (open.test(request)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<String> token = BearerTokens.fromAuthorization(request.getHeader("Authorization"));
        if (token.isEmpty()) {
            refuse(
                    response,
                    401,
                    "Bearer resource_metadata=\"" + resourceMetadata + "\"",
                    "An access token is required: send Authorization: Bearer <token>.");
            return;
        }
        AccessToken caller;
        try {
            caller = validator.validate(token.get());
        } catch (InvalidTokenException e) {
            refuse(response, 401, challenge("invalid_token", e.getMessage()), e.getMessage());
            return;
        }
        Set<String> accepted = acceptedScopes.apply(request);
        if (!accepted.isEmpty() && Collections.disjoint(accepted, caller.scopes())) {
            String scopes = String.join(" ", accepted);
            refuse(
                    response,
                    403,
                    "Bearer error=\"insufficient_scope\", scope=\"" + scopes + "\", resource_metadata=\""
                            + resourceMetadata + "\"",
                    "The access token lacks the scope this request needs: " + scopes + ".");
            return;
        }
        request.setAttribute(SUBJECT_ATTRIBUTE, loggable(caller.subject()));
        request.setAttribute(SCOPES_ATTRIBUTE, caller.scopes());
        chain.doFilter(request, response);
    }

    private String challenge(String error, String description) {
        return "Bearer error=\"" + error + "\", error_description=\"" + description + "\", resource_metadata=\""
                + resourceMetadata + "\"";
    }

    private static boolean hasTokenInQuery(String query) {
        if (query == null) {
            return false;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            try {
                if ("access_token".equals(URLDecoder.decode(name, StandardCharsets.UTF_8))) {
                    return true;
                }
            } catch (IllegalArgumentException e) {
                // not a well-formed name, so not access_token
            }
        }
        return false;
    }

    /** The subject as one log field: printable ASCII without blanks, bounded. */
    private static String loggable(String subject) {
        StringBuilder out = new StringBuilder();
        subject.codePoints().limit(MAX_LOGGED_SUBJECT).forEach(c -> out.append(c > 0x20 && c < 0x7f ? (char) c : '_'));
        return out.toString();
    }

    private static void refuse(HttpServletResponse response, int status, String challenge, String message)
            throws IOException {
        byte[] body = AdapterErrors.body(status, message);
        response.setStatus(status);
        response.setHeader("WWW-Authenticate", challenge);
        response.setContentType("application/json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** Shows the validator, never a token. */
    @Override
    public String toString() {
        return "OAuthResourceFilter[" + validator + "]";
    }
}
