package org.openhumanitec.events.feign.internal;

import feign.Param;
import org.openhumanitec.events.feign.InvalidSettingException;

/**
 * A bearer token, held with its ready-made {@code Authorization} header value. Each resource call carries the
 * credential of the view that makes it, bound to the header by Feign's contract through {@link Expander}, so one
 * Feign proxy serves every token ({@code withToken}). {@link #toString()} never shows the token.
 */
final class Credential {

    private final String headerValue;

    private Credential(String token) {
        this.headerValue = "Bearer " + token;
    }

    /**
     * A credential for a token.
     *
     * @param token the token; it must be non-blank and made of visible ASCII characters only
     * @param what how the caller names the token in messages, for example {@code "token"}
     * @return the credential
     * @throws NullPointerException if the token is null
     * @throws InvalidSettingException naming {@code what} if the token is blank or has a character an HTTP header
     *     cannot carry; the message never shows the token
     */
    static Credential bearer(String token, String what) {
        if (token == null) {
            throw new NullPointerException(what + " must not be null");
        }
        if (token.isBlank()) {
            throw new InvalidSettingException(what, "must not be blank");
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c < 0x21 || c > 0x7E) {
                throw new InvalidSettingException(
                        what,
                        "has a character at index " + i
                                + " that an HTTP header cannot carry (only visible ASCII is allowed)");
            }
        }
        return new Credential(token);
    }

    /**
     * The value of the {@code Authorization} header.
     *
     * @return {@code Bearer <token>}
     */
    String headerValue() {
        return headerValue;
    }

    /** Returns {@code Credential[Bearer <redacted>]}. */
    @Override
    public String toString() {
        return "Credential[Bearer <redacted>]";
    }

    /**
     * Turns the credential argument of a resource method into its {@code Authorization} header value. Public only
     * because Feign instantiates it.
     */
    public static final class Expander implements Param.Expander {

        /** The expander Feign instantiates for the credential parameter. */
        public Expander() {}

        @Override
        public String expand(Object value) {
            return ((Credential) value).headerValue();
        }
    }
}
