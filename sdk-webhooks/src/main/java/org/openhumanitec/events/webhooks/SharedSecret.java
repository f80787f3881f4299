package org.openhumanitec.events.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * A secret that deliveries must carry in a header: the header name and value you put in the webhook's
 * {@code headers} when you created it. Compared in constant time (digests of both values, compared with
 * {@link MessageDigest#isEqual}), so the time of a check tells nothing of the secret, not even its length. Never
 * shown by {@link #toString()}.
 */
public final class SharedSecret {

    private final String header;
    private final byte[] digest;

    private SharedSecret(String header, String secret) {
        this.header = header;
        this.digest = sha256(secret);
    }

    /**
     * A secret carried in a header.
     *
     * @param header the header's name, such as {@code X-Humanitec-Secret}; matched without regard to case
     * @param secret the header's value; at least 16 characters, so that it cannot be guessed
     * @return the secret
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the header name is blank or the secret shorter than 16 characters
     */
    public static SharedSecret inHeader(String header, String secret) {
        Objects.requireNonNull(header, "header must not be null");
        Objects.requireNonNull(secret, "secret must not be null");
        if (header.isBlank()) {
            throw new IllegalArgumentException("header must not be blank");
        }
        if (secret.length() < 16) {
            throw new IllegalArgumentException("secret must be at least 16 characters long");
        }
        return new SharedSecret(header, secret);
    }

    /**
     * The header that carries the secret.
     *
     * @return its name, as given
     */
    public String header() {
        return header;
    }

    /**
     * Whether a header value is the secret, in constant time.
     *
     * @param presented the value the request carried; null when it carried none
     * @return true only for the secret itself
     */
    public boolean matches(String presented) {
        return presented != null && MessageDigest.isEqual(digest, sha256(presented));
    }

    /** Names the header only. */
    @Override
    public String toString() {
        return "SharedSecret[header=" + header + ", secret=<redacted>]";
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
