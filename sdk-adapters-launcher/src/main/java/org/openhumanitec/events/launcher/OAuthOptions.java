package org.openhumanitec.events.launcher;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Objects;

/**
 * The options that make a face an OAuth 2.1 resource server, the alternative to a shared {@code --auth-token}: the
 * authorization server that issues callers' tokens, the face's public URL (its resource identifier, and the tokens'
 * audience unless another is given), optionally the issuer's key set, and the scope that reading and the scope that
 * changing need. Each face names the environment variables with its prefix ({@code HUMANITEC_MCP_OAUTH_ISSUER}).
 *
 * @param issuer {@code --oauth-issuer}: the issuer identifier; setting it turns the mode on
 * @param audience {@code --oauth-audience}: the {@code aud} tokens must hold; default the public URL
 * @param publicUrl {@code --public-url}: the face's URL as its callers reach it (behind a proxy the face cannot
 *     guess it)
 * @param jwksUrl {@code --oauth-jwks-url}: the issuer's keys, when its discovery document does not name them
 * @param readScope {@code --oauth-read-scope}: what reading needs, default {@value #DEFAULT_READ_SCOPE}
 * @param writeScope {@code --oauth-write-scope}: what changing needs, default {@value #DEFAULT_WRITE_SCOPE}
 */
public record OAuthOptions(
        LaunchOption issuer,
        LaunchOption audience,
        LaunchOption publicUrl,
        LaunchOption jwksUrl,
        LaunchOption readScope,
        LaunchOption writeScope) {

    /** The scope reading needs unless told otherwise: {@value}. */
    public static final String DEFAULT_READ_SCOPE = "humanitec:read";

    /** The scope changing needs unless told otherwise: {@value}. */
    public static final String DEFAULT_WRITE_SCOPE = "humanitec:write";

    /**
     * Checks that every option is there.
     *
     * @param issuer {@code --oauth-issuer}
     * @param audience {@code --oauth-audience}
     * @param publicUrl {@code --public-url}
     * @param jwksUrl {@code --oauth-jwks-url}
     * @param readScope {@code --oauth-read-scope}
     * @param writeScope {@code --oauth-write-scope}
     */
    public OAuthOptions {
        Objects.requireNonNull(issuer, "issuer must not be null");
        Objects.requireNonNull(audience, "audience must not be null");
        Objects.requireNonNull(publicUrl, "publicUrl must not be null");
        Objects.requireNonNull(jwksUrl, "jwksUrl must not be null");
        Objects.requireNonNull(readScope, "readScope must not be null");
        Objects.requireNonNull(writeScope, "writeScope must not be null");
    }

    /**
     * The OAuth options of one face.
     *
     * @param environmentPrefix the prefix of the face's environment variables, for example {@code HUMANITEC_MCP}
     * @param publicUrlExample how the face's public URL looks, for {@code --help}
     * @return the options
     */
    public static OAuthOptions forFace(String environmentPrefix, String publicUrlExample) {
        Objects.requireNonNull(environmentPrefix, "environmentPrefix must not be null");
        return new OAuthOptions(
                LaunchOption.value(
                        "--oauth-issuer",
                        environmentPrefix + "_OAUTH_ISSUER",
                        null,
                        "Accept OAuth access tokens from this issuer (an OpenID Connect / OAuth 2.1 authorization"
                                + " server) instead of --auth-token; needs --public-url"),
                LaunchOption.value(
                        "--oauth-audience",
                        environmentPrefix + "_OAUTH_AUDIENCE",
                        null,
                        "The aud the tokens must hold (default: --public-url)"),
                LaunchOption.value(
                        "--public-url",
                        environmentPrefix + "_PUBLIC_URL",
                        null,
                        "This face's URL as callers reach it, such as " + publicUrlExample
                                + "; its OAuth resource identifier"),
                LaunchOption.value(
                        "--oauth-jwks-url",
                        environmentPrefix + "_OAUTH_JWKS_URL",
                        null,
                        "The issuer's JSON Web Key Set, when its discovery document does not name it"),
                LaunchOption.value(
                        "--oauth-read-scope",
                        environmentPrefix + "_OAUTH_READ_SCOPE",
                        DEFAULT_READ_SCOPE,
                        "The scope a token needs to read"),
                LaunchOption.value(
                        "--oauth-write-scope",
                        environmentPrefix + "_OAUTH_WRITE_SCOPE",
                        DEFAULT_WRITE_SCOPE,
                        "The scope a token needs to create, change or delete"));
    }

    /**
     * The options in the order {@code --help} lists them.
     *
     * @return issuer, audience, public URL, JWKS URL, read scope, write scope
     */
    public List<LaunchOption> all() {
        return List.of(issuer, audience, publicUrl, jwksUrl, readScope, writeScope);
    }

    /**
     * The resource server the options ask for, its issuer's discovery document read.
     *
     * @param options the option values
     * @param common the face's common options, whose {@code --auth-token} cannot be combined with OAuth
     * @return the resource server, or null when {@code --oauth-issuer} is not set
     * @throws UsageException if an option is missing or malformed, or {@code --auth-token} is set too
     * @throws IllegalStateException if the issuer's discovery document cannot be read
     */
    public OAuthResourceServer resourceServer(LaunchOptions options, FaceOptions common) {
        String issuerValue = options.value(issuer);
        if (issuerValue == null || issuerValue.isBlank()) {
            for (LaunchOption dependent : List.of(audience, publicUrl, jwksUrl)) {
                if (options.value(dependent) != null) {
                    throw new UsageException(dependent.name() + " is for OAuth: set " + issuer.name() + " too.");
                }
            }
            return null;
        }
        if (common.inboundToken(options) != null) {
            throw new UsageException(issuer.name() + " and "
                    + common.authToken().name() + " are two ways to check callers: choose one.");
        }
        URI issuerUri = url(issuer, issuerValue);
        String publicValue = options.value(publicUrl);
        if (publicValue == null || publicValue.isBlank()) {
            throw new UsageException(issuer.name() + " needs " + publicUrl.name()
                    + ": the face's URL as callers reach it, its OAuth resource identifier.");
        }
        URI resource = url(publicUrl, publicValue);
        String audienceValue = options.value(audience);
        String expectedAudience =
                audienceValue == null || audienceValue.isBlank() ? resource.toString() : audienceValue;
        String jwksValue = options.value(jwksUrl);
        String read = scope(readScope, options.value(readScope));
        String write = scope(writeScope, options.value(writeScope));
        AccessTokenValidator validator = AccessTokenValidator.builder(issuerUri, expectedAudience)
                .jwksUri(jwksValue == null || jwksValue.isBlank() ? null : url(jwksUrl, jwksValue))
                .build();
        return new OAuthResourceServer(
                new ProtectedResource(resource, issuerUri, read.equals(write) ? List.of(read) : List.of(read, write)),
                validator,
                read,
                write);
    }

    /** An absolute https URL, or http on a loopback host; no query or fragment. */
    private static URI url(LaunchOption option, String value) {
        URI uri;
        try {
            uri = new URI(value.strip());
        } catch (URISyntaxException e) {
            throw new UsageException(option.name() + " must be a URL, not '" + value + "'");
        }
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        boolean loopbackHttp =
                "http".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && isLoopbackLiteral(uri.getHost());
        if (uri.getHost() == null || !(https || loopbackHttp)) {
            throw new UsageException(
                    option.name() + " must be an https URL (http only on loopback), not '" + value + "'");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new UsageException(option.name() + " must have no query or fragment: '" + value + "'");
        }
        return uri;
    }

    private static boolean isLoopbackLiteral(String host) {
        return host.equalsIgnoreCase("localhost") || host.startsWith("127.") || host.equals("[::1]");
    }

    private static String scope(LaunchOption option, String value) {
        if (value == null
                || value.isBlank()
                || !value.strip().chars().allMatch(c -> c > 0x20 && c < 0x7f && c != '"' && c != '\\')) {
            throw new UsageException(option.name() + " must be one scope: printable characters, no blanks or quotes");
        }
        return value.strip();
    }
}
