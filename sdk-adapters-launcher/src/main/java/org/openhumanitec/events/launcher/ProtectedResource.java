package org.openhumanitec.events.launcher;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A face as an OAuth 2.0 protected resource (RFC 9728): its identifier, the authorization server that issues its
 * tokens, and the scopes it knows; what its metadata document says.
 *
 * @param resource the resource identifier, the face's public URL, such as {@code https://mcp.example.com/mcp}
 * @param issuer the authorization server's issuer identifier
 * @param scopes the scopes the face knows, in the order the document lists them
 */
public record ProtectedResource(URI resource, URI issuer, List<String> scopes) {

    /** The well-known path of the metadata document: {@value}. */
    public static final String WELL_KNOWN_PATH = "/.well-known/oauth-protected-resource";

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Checks and copies the components.
     *
     * @param resource the resource identifier
     * @param issuer the issuer
     * @param scopes the scopes
     */
    public ProtectedResource {
        Objects.requireNonNull(resource, "resource must not be null");
        Objects.requireNonNull(issuer, "issuer must not be null");
        scopes = List.copyOf(scopes);
    }

    /**
     * Where the metadata document is, as RFC 9728 section 3.1 builds it: the well-known path inserted between the
     * resource's host and its path, such as {@code https://mcp.example.com/.well-known/oauth-protected-resource/mcp}.
     *
     * @return the URL that {@code WWW-Authenticate}'s {@code resource_metadata} names
     */
    public URI metadataUri() {
        String path = resource.getRawPath() == null ? "" : resource.getRawPath();
        if (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return URI.create(resource.getScheme() + "://" + resource.getRawAuthority() + WELL_KNOWN_PATH + path);
    }

    /**
     * The metadata document: {@code resource}, {@code authorization_servers}, {@code scopes_supported} and
     * {@code bearer_methods_supported} (the header only: a token in a query string is refused).
     *
     * @return the JSON document, UTF-8
     */
    public byte[] metadataJson() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("resource", resource.toString());
        document.put("authorization_servers", List.of(issuer.toString()));
        document.put("scopes_supported", scopes);
        document.put("bearer_methods_supported", List.of("header"));
        try {
            return JSON.writeValueAsBytes(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the metadata document cannot be written", e);
        }
    }
}
