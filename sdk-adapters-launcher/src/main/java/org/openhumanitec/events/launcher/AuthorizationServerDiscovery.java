package org.openhumanitec.events.launcher;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jose.util.ResourceRetriever;
import java.io.IOException;
import java.net.URI;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds an authorization server's JWKS URL from its metadata: the OpenID Connect discovery document
 * ({@code <issuer>/.well-known/openid-configuration}), else the OAuth 2.0 authorization server metadata of RFC 8414
 * ({@code /.well-known/oauth-authorization-server} inserted before the issuer's path). The document must name the
 * issuer itself (RFC 8414 section 3.3), so a document served for another issuer is never trusted.
 */
final class AuthorizationServerDiscovery {

    private AuthorizationServerDiscovery() {}

    /**
     * The issuer's JWKS URL.
     *
     * @param issuer the issuer identifier
     * @param retriever how documents are fetched
     * @return the {@code jwks_uri} of the first document found
     * @throws IllegalStateException naming the URLs tried, if none gives a {@code jwks_uri} for this issuer
     */
    static URI jwksUri(URI issuer, ResourceRetriever retriever) {
        List<String> failures = new ArrayList<>();
        for (URI document : documents(issuer)) {
            try {
                Map<String, Object> metadata = JSONObjectUtils.parse(
                        retriever.retrieveResource(document.toURL()).getContent());
                Object named = metadata.get("issuer");
                Object jwks = metadata.get("jwks_uri");
                if (!issuer.toString().equals(named)) {
                    failures.add(document + " names the issuer " + named);
                } else if (!(jwks instanceof String text) || text.isBlank()) {
                    failures.add(document + " names no jwks_uri");
                } else {
                    return URI.create(text);
                }
            } catch (IOException | ParseException | IllegalArgumentException e) {
                failures.add(document + ": " + e.getMessage());
            }
        }
        throw new IllegalStateException("Cannot find the keys of the OAuth issuer " + issuer + " ("
                + String.join("; ", failures) + "). Check the issuer URL, or give the JWKS URL.");
    }

    /** Where the issuer's metadata may be, in the order tried. */
    static List<URI> documents(URI issuer) {
        String text = issuer.toString();
        String base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        String origin = issuer.getScheme() + "://" + issuer.getRawAuthority();
        String pathPart = base.substring(origin.length());
        return List.of(
                URI.create(base + "/.well-known/openid-configuration"),
                URI.create(origin + "/.well-known/oauth-authorization-server" + pathPart));
    }
}
