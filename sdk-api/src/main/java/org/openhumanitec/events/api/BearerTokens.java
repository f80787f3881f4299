package org.openhumanitec.events.api;

import java.util.Optional;

/**
 * How every layer reads the token out of an {@code Authorization: Bearer <token>} header value: the scheme matched
 * without regard to case, the token without surrounding blanks. One rule, so that the client's redaction, the REST
 * adapter's pass-through and the standalone servers' inbound check never disagree on what the token is.
 */
public final class BearerTokens {

    private static final String SCHEME = "Bearer ";

    private BearerTokens() {}

    /**
     * The token of an {@code Authorization} header value.
     *
     * @param authorization the header's value, or null when the header is absent
     * @return the token; empty when the value is null, uses another scheme, or has nothing after {@code Bearer}
     */
    public static Optional<String> fromAuthorization(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Optional.empty();
        }
        String token = authorization.substring(SCHEME.length()).trim();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }
}
