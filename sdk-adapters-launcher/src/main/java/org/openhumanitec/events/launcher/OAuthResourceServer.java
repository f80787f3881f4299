package org.openhumanitec.events.launcher;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A face as an OAuth 2.1 resource server, built by {@link OAuthOptions#resourceServer}: the token check in front of
 * its servlets and its Protected Resource Metadata document.
 */
public final class OAuthResourceServer {

    private final ProtectedResource resource;
    private final AccessTokenValidator validator;
    private final String readScope;
    private final String writeScope;

    /**
     * A resource server.
     *
     * @param resource the face as a protected resource
     * @param validator checks the tokens
     * @param readScope the scope reading needs
     * @param writeScope the scope changing needs
     */
    public OAuthResourceServer(
            ProtectedResource resource, AccessTokenValidator validator, String readScope, String writeScope) {
        this.resource = Objects.requireNonNull(resource, "resource must not be null");
        this.validator = Objects.requireNonNull(validator, "validator must not be null");
        this.readScope = Objects.requireNonNull(readScope, "readScope must not be null");
        this.writeScope = Objects.requireNonNull(writeScope, "writeScope must not be null");
    }

    /**
     * The scope reading needs.
     *
     * @return for example {@value OAuthOptions#DEFAULT_READ_SCOPE}
     */
    public String readScope() {
        return readScope;
    }

    /**
     * The scope changing needs.
     *
     * @return for example {@value OAuthOptions#DEFAULT_WRITE_SCOPE}
     */
    public String writeScope() {
        return writeScope;
    }

    /**
     * The face as a protected resource.
     *
     * @return its identifier, issuer and scopes
     */
    public ProtectedResource resource() {
        return resource;
    }

    /**
     * Whether a request asks for the metadata document, which needs no token.
     *
     * @param request the request
     * @return true for {@value ProtectedResource#WELL_KNOWN_PATH} and the paths below it
     */
    public static boolean isMetadataRequest(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.equals(ProtectedResource.WELL_KNOWN_PATH)
                || path.startsWith(ProtectedResource.WELL_KNOWN_PATH + "/");
    }

    /**
     * Puts the token check in front of every servlet of a server, serves the metadata document (at the well-known
     * path and the path-specific form below it), and adds each request's subject to the access log.
     *
     * @param server the server being built
     * @param acceptedScopes the scopes of which a request needs at least one
     * @param open requests that need no token besides the metadata document, such as health checks
     * @return the server builder
     */
    public EmbeddedServer.Builder protect(
            EmbeddedServer.Builder server,
            Function<HttpServletRequest, Set<String>> acceptedScopes,
            Predicate<HttpServletRequest> open) {
        ProtectedResourceMetadataServlet metadata = new ProtectedResourceMetadataServlet(resource);
        return server.filter(
                        "/*",
                        new OAuthResourceFilter(
                                validator, resource, acceptedScopes, open.or(OAuthResourceServer::isMetadataRequest)))
                .servlet(ProtectedResource.WELL_KNOWN_PATH + "/*", metadata, false)
                .accessLogAttribute("sub", OAuthResourceFilter.SUBJECT_ATTRIBUTE);
    }

    @Override
    public String toString() {
        return "OAuthResourceServer[resource=" + resource.resource() + ", " + validator + ", scopes=" + readScope + " "
                + writeScope + "]";
    }
}
