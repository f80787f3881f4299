package org.openhumanitec.events.launcher;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.ResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validates OAuth 2.1 access tokens (signed JWTs, RFC 9068) for one resource server, with Nimbus JOSE + JWT:
 *
 * <ul>
 *   <li>the signature, against the issuer's JSON Web Key Set, found through the issuer's discovery document (OpenID
 *       Connect, else RFC 8414) unless given; only asymmetric algorithms (RS256/384/512, PS256/384/512,
 *       ES256/384/512) are accepted, so
 *       neither {@code alg: none} nor an HMAC made with a public key passes;
 *   <li>the keys are cached ({@link #DEFAULT_KEY_CACHE_TIME}), fetched again when a token names a key id the cache
 *       does not hold, but at most twice per {@link #DEFAULT_MIN_REFRESH_INTERVAL} whatever the tokens say, and kept
 *       while the issuer is unreachable (up to {@link #OUTAGE_TOLERANCE}): never one fetch per request;
 *   <li>the claims: {@code iss} equal to the issuer, {@code aud} holding the audience, {@code exp} and {@code nbf}
 *       with {@link #CLOCK_SKEW} of tolerance, and a {@code sub}.
 * </ul>
 *
 * <p>It is safe for concurrent use. No token ever appears in its messages or logs.
 */
public final class AccessTokenValidator {

    private static final Logger LOG = LoggerFactory.getLogger(AccessTokenValidator.class);

    /** The signature algorithms accepted: RSA (PKCS #1 and PSS) and elliptic-curve signatures, never HMAC. */
    static final Set<JWSAlgorithm> ALGORITHMS = Set.of(
            JWSAlgorithm.RS256,
            JWSAlgorithm.RS384,
            JWSAlgorithm.RS512,
            JWSAlgorithm.PS256,
            JWSAlgorithm.PS384,
            JWSAlgorithm.PS512,
            JWSAlgorithm.ES256,
            JWSAlgorithm.ES384,
            JWSAlgorithm.ES512);

    /** How far {@code exp} and {@code nbf} may be off the server's clock: 60 seconds. */
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    /** How long fetched keys are used before they are fetched again: 5 minutes. */
    public static final Duration DEFAULT_KEY_CACHE_TIME = Duration.ofMinutes(5);

    /** The window within which the keys are fetched at most twice, whatever the tokens ask: 30 seconds. */
    public static final Duration DEFAULT_MIN_REFRESH_INTERVAL = Duration.ofSeconds(30);

    /** How long the last keys fetched stay in use while the issuer cannot be reached: 1 hour. */
    public static final Duration OUTAGE_TOLERANCE = Duration.ofHours(1);

    /** The connect and read timeout of every request to the issuer: 5 seconds. */
    static final Duration HTTP_TIMEOUT = Duration.ofSeconds(5);

    /** The largest discovery document or key set read: 256 KiB. */
    static final int HTTP_SIZE_LIMIT = 256 * 1024;

    private static final JOSEObjectType ACCESS_TOKEN_TYPE = new JOSEObjectType("at+jwt");
    private static final JOSEObjectType ACCESS_TOKEN_MEDIA_TYPE = new JOSEObjectType("application/at+jwt");

    private final ConfigurableJWTProcessor<SecurityContext> processor;
    private final URI issuer;
    private final URI jwksUri;

    private AccessTokenValidator(Builder builder, URI jwksUri, ResourceRetriever retriever) {
        this.issuer = builder.issuer;
        this.jwksUri = jwksUri;
        JWKSource<SecurityContext> keys;
        try {
            keys = JWKSourceBuilder.<SecurityContext>create(jwksUri.toURL(), retriever)
                    .cache(
                            builder.keyCacheTime.toMillis(),
                            HTTP_TIMEOUT.multipliedBy(3).toMillis())
                    .rateLimited(builder.minRefreshInterval.toMillis())
                    .outageTolerant(OUTAGE_TOLERANCE.toMillis())
                    .build();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("the JWKS URL is not a URL: " + jwksUri, e);
        }
        DefaultJWTProcessor<SecurityContext> jwt = new DefaultJWTProcessor<>();
        jwt.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(
                JOSEObjectType.JWT, ACCESS_TOKEN_TYPE, ACCESS_TOKEN_MEDIA_TYPE, null));
        jwt.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(
                builder.audience,
                new JWTClaimsSet.Builder().issuer(builder.issuer.toString()).build(),
                Set.of("sub", "exp"));
        claims.setMaxClockSkew((int) CLOCK_SKEW.toSeconds());
        jwt.setJWTClaimsSetVerifier(claims);
        this.processor = jwt;
    }

    /**
     * A builder.
     *
     * @param issuer the authorization server's issuer identifier, exactly as its tokens' {@code iss} give it
     * @param audience the value the tokens' {@code aud} must hold: this resource server's identifier
     * @return a builder
     */
    public static Builder builder(URI issuer, String audience) {
        return new Builder(issuer, audience);
    }

    /**
     * Validates a token.
     *
     * @param token the token as the caller sent it
     * @return its subject and scopes
     * @throws InvalidTokenException if it must be refused; the message says why, without the token
     */
    public AccessToken validate(String token) {
        Objects.requireNonNull(token, "token must not be null");
        JWTClaimsSet claims;
        try {
            if (!(JWTParser.parse(token) instanceof SignedJWT signed)) {
                throw new InvalidTokenException(
                        InvalidTokenException.Reason.MALFORMED, "The access token is not a signed JWT.");
            }
            claims = processor.process(signed, null);
        } catch (ParseException e) {
            throw new InvalidTokenException(InvalidTokenException.Reason.MALFORMED, "The access token is not a JWT.");
        } catch (BadJWTException e) {
            throw new InvalidTokenException(InvalidTokenException.Reason.CLAIMS, describe(e));
        } catch (BadJWSException e) {
            throw new InvalidTokenException(
                    InvalidTokenException.Reason.SIGNATURE, "The access token's signature is invalid.");
        } catch (BadJOSEException e) {
            throw new InvalidTokenException(
                    InvalidTokenException.Reason.SIGNATURE,
                    "The access token is not signed with an allowed algorithm by a key of the issuer.");
        } catch (RateLimitReachedException e) {
            LOG.debug(
                    "A token names a key id {} does not list; its keys were fetched too recently to fetch again",
                    issuer);
            throw new InvalidTokenException(
                    InvalidTokenException.Reason.KEYS_UNAVAILABLE,
                    "The access token's signing key is not among the issuer's keys.");
        } catch (KeySourceException e) {
            LOG.warn("The keys of {} could not be fetched from {}: {}", issuer, jwksUri, e.getMessage());
            throw new InvalidTokenException(
                    InvalidTokenException.Reason.KEYS_UNAVAILABLE,
                    "The access token's signing key is not among the issuer's keys.");
        } catch (JOSEException e) {
            throw new InvalidTokenException(
                    InvalidTokenException.Reason.SIGNATURE, "The access token's signature could not be verified.");
        }
        return new AccessToken(claims.getSubject(), scopes(claims));
    }

    /** Nimbus's reason (its messages name the claim, never the token), without characters a header cannot hold. */
    private static String describe(BadJWTException e) {
        String reason = e.getMessage() == null ? "" : e.getMessage().replaceAll("[^\\x20-\\x7e]|[\"\\\\]", "");
        return "The access token was refused: " + (reason.length() > 200 ? reason.substring(0, 200) : reason) + ".";
    }

    private static Set<String> scopes(JWTClaimsSet claims) {
        Set<String> scopes = new LinkedHashSet<>();
        Object scope = claims.getClaim("scope");
        Object scp = claims.getClaim("scp");
        for (Object value : new Object[] {scope, scp}) {
            if (value instanceof String text) {
                for (String item : text.split(" ")) {
                    if (!item.isBlank()) {
                        scopes.add(item);
                    }
                }
            } else if (value instanceof List<?> items) {
                items.stream()
                        .filter(String.class::isInstance)
                        .map(String.class::cast)
                        .forEach(scopes::add);
            }
        }
        return scopes;
    }

    /**
     * Where the keys are fetched.
     *
     * @return the JWKS URL, given or discovered
     */
    public URI jwksUri() {
        return jwksUri;
    }

    @Override
    public String toString() {
        return "AccessTokenValidator[issuer=" + issuer + ", jwks=" + jwksUri + "]";
    }

    /** Builds an {@link AccessTokenValidator}. */
    public static final class Builder {
        private final URI issuer;
        private final String audience;
        private URI jwksUri;
        private Duration keyCacheTime = DEFAULT_KEY_CACHE_TIME;
        private Duration minRefreshInterval = DEFAULT_MIN_REFRESH_INTERVAL;
        private ResourceRetriever retriever = new DefaultResourceRetriever(
                (int) HTTP_TIMEOUT.toMillis(), (int) HTTP_TIMEOUT.toMillis(), HTTP_SIZE_LIMIT);

        private Builder(URI issuer, String audience) {
            this.issuer = Objects.requireNonNull(issuer, "issuer must not be null");
            if (audience == null || audience.isBlank()) {
                throw new IllegalArgumentException("audience must not be blank");
            }
            this.audience = audience;
        }

        /**
         * The issuer's key set, when its discovery document does not name it.
         *
         * @param jwksUri the JWKS URL; null to discover it (the default)
         * @return this builder
         */
        public Builder jwksUri(URI jwksUri) {
            this.jwksUri = jwksUri;
            return this;
        }

        /**
         * How long fetched keys are used, and the window within which they are fetched at most twice.
         *
         * @param keyCacheTime default {@link #DEFAULT_KEY_CACHE_TIME}
         * @param minRefreshInterval default {@link #DEFAULT_MIN_REFRESH_INTERVAL}; shorter than {@code keyCacheTime}
         * @return this builder
         */
        public Builder keyRefresh(Duration keyCacheTime, Duration minRefreshInterval) {
            if (minRefreshInterval.isNegative() || minRefreshInterval.compareTo(keyCacheTime) >= 0) {
                throw new IllegalArgumentException("minRefreshInterval must be from 0 to less than keyCacheTime");
            }
            this.keyCacheTime = keyCacheTime;
            this.minRefreshInterval = minRefreshInterval;
            return this;
        }

        /** How discovery documents and key sets are fetched; tests count the fetches with it. */
        Builder retriever(ResourceRetriever retriever) {
            this.retriever = Objects.requireNonNull(retriever, "retriever must not be null");
            return this;
        }

        /**
         * Builds the validator, reading the issuer's discovery document first unless a JWKS URL was given. The keys
         * themselves are fetched when the first token arrives.
         *
         * @return the validator
         * @throws IllegalStateException if no discovery document of the issuer can be read, or it names another
         *     issuer or no {@code jwks_uri}
         */
        public AccessTokenValidator build() {
            URI keys = jwksUri != null ? jwksUri : AuthorizationServerDiscovery.jwksUri(issuer, retriever);
            return new AccessTokenValidator(this, keys, retriever);
        }
    }
}
