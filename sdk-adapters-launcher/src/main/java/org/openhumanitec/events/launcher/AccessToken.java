package org.openhumanitec.events.launcher;

import java.util.Objects;
import java.util.Set;

/**
 * What a validated OAuth access token says about its caller: who it is and what it may do. It holds no part of the
 * token itself.
 *
 * @param subject the token's {@code sub} claim
 * @param scopes the scopes granted, from the {@code scope} claim (space-separated, RFC 9068) or {@code scp} (a list or
 *     a space-separated string, as some providers send)
 */
public record AccessToken(String subject, Set<String> scopes) {

    /**
     * Checks and copies the components.
     *
     * @param subject the subject
     * @param scopes the scopes, possibly none
     */
    public AccessToken {
        Objects.requireNonNull(subject, "subject must not be null");
        scopes = Set.copyOf(Objects.requireNonNull(scopes, "scopes must not be null"));
    }
}
