package org.openhumanitec.events.launcher;

import java.util.Objects;

/**
 * An access token that must not be accepted. Its message says why, for the caller's {@code error_description}; it
 * never holds the token.
 */
public final class InvalidTokenException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why a token was refused. */
    public enum Reason {
        /** Not a JWT, or an unsecured one ({@code alg: none}). */
        MALFORMED,
        /**
         * Its signature does not verify, its algorithm is not allowed, or no key of the issuer has its key id (after
         * one refresh of the issuer's keys).
         */
        SIGNATURE,
        /** Its claims do not fit: issuer, audience, expiry, not-before, a missing subject. */
        CLAIMS,
        /** The issuer's keys could not be fetched, or were refreshed too recently to be fetched again. */
        KEYS_UNAVAILABLE
    }

    private final Reason reason;

    /**
     * A refusal.
     *
     * @param reason why
     * @param message what the caller is told; never the token
     */
    public InvalidTokenException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason must not be null");
    }

    /**
     * Why the token was refused.
     *
     * @return the reason
     */
    public Reason reason() {
        return reason;
    }
}
