package org.openhumanitec.events.launcher.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.MockWebServerWrapper;
import no.nav.security.mock.oauth2.http.OAuth2HttpRequest;
import no.nav.security.mock.oauth2.http.OAuth2HttpResponse;
import no.nav.security.mock.oauth2.http.Route;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.KeyProvider;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import okhttp3.Headers;

/**
 * A real OAuth 2.1 / OpenID Connect authorization server on loopback ({@code no.nav.security:mock-oauth2-server}) on
 * a port chosen at run time: it serves discovery and JWKS and issues signed access tokens. The test holds the
 * issuer's signing key too, so it can sign tokens whose one claim is wrong; it can make the issuer rotate to a new
 * key (with a new key id, which the JWKS then lists beside the old one) and go down.
 */
public final class TestIssuer implements AutoCloseable {

    /** The issuer's id in the mock server: its issuer URL is {@code http://127.0.0.1:<port>/test-issuer}. */
    public static final String ISSUER_ID = "test-issuer";

    private final KeyProvider keys = new KeyProvider(List.of(), JWSAlgorithm.RS256.getName());
    private final RotatedKeySet rotated = new RotatedKeySet();
    private final MockOAuth2Server server;
    private final int port;
    private volatile RSAKey key;
    private boolean down;

    private TestIssuer() {
        server = new MockOAuth2Server(
                new OAuth2Config(
                        false, null, null, false, new OAuth2TokenProvider(keys), Set.of(), new MockWebServerWrapper()),
                rotated);
        server.start(InetAddress.getLoopbackAddress(), 0);
        port = server.baseUrl().port();
        key = (RSAKey) keys.signingKey(ISSUER_ID);
    }

    /**
     * Starts an issuer on a free loopback port.
     *
     * @return the running issuer
     */
    public static TestIssuer start() {
        return new TestIssuer();
    }

    /**
     * The issuer identifier, as its tokens' {@code iss} and its discovery document give it.
     *
     * @return for example {@code http://127.0.0.1:40123/test-issuer}
     */
    public URI issuer() {
        return URI.create("http://127.0.0.1:" + port + "/" + ISSUER_ID);
    }

    /**
     * A token the server itself issues (through its token provider, as for a client-credentials grant), signed with
     * its first key.
     *
     * @param audience the {@code aud}
     * @param subject the {@code sub}
     * @param scope the space-separated {@code scope}
     * @return the serialized JWT
     */
    public String issue(String audience, String subject, String scope) {
        return server.issueToken(
                        ISSUER_ID,
                        "test-client",
                        new DefaultOAuth2TokenCallback(
                                ISSUER_ID,
                                subject,
                                "JWT",
                                List.of(audience),
                                // The server names itself by its host name (localhost) when it issues directly, and by
                                // the address asked (127.0.0.1) in its discovery document: the latter, as a client
                                // would see it.
                                Map.of("scope", scope, "iss", issuer().toString()),
                                3600))
                .serialize();
    }

    /** A way a token can be wrong, for tests that see tokens only as text. */
    public enum Forgery {
        /** Expired two hours ago. */
        EXPIRED,
        /** Valid only from ten minutes from now. */
        NOT_YET_VALID,
        /** Signed with the issuer's key but naming another issuer. */
        WRONG_ISSUER,
        /** Signed with a key the issuer never published. */
        UNKNOWN_KEY,
        /** A character of the signature changed. */
        TAMPERED,
        /** Unsecured: {@code alg: none}. */
        ALG_NONE,
        /** HMAC-SHA256 with the issuer's public key as the secret. */
        HMAC_WITH_PUBLIC_KEY
    }

    /**
     * A token that is right in every way but one.
     *
     * @param forgery what is wrong with it
     * @param audience the {@code aud}
     * @param scope the space-separated {@code scope}
     * @return the serialized token
     */
    public String forged(Forgery forgery, String audience, String scope) {
        JWTClaimsSet.Builder claims = claims(audience, "mallory", scope);
        Instant past = Instant.now().minus(Duration.ofHours(2));
        return switch (forgery) {
            case EXPIRED ->
                sign(claims.issueTime(Date.from(past))
                        .notBeforeTime(Date.from(past))
                        .expirationTime(Date.from(past.plus(Duration.ofMinutes(10))))
                        .build());
            case NOT_YET_VALID ->
                sign(claims.notBeforeTime(Date.from(Instant.now().plus(Duration.ofMinutes(10))))
                        .build());
            case WRONG_ISSUER -> sign(claims.issuer("https://evil.example.com/").build());
            case UNKNOWN_KEY -> signWithUnknownKey(claims.build());
            case TAMPERED -> tampered(sign(claims.build()));
            case ALG_NONE -> unsigned(claims.build());
            case HMAC_WITH_PUBLIC_KEY -> hmacWithPublicKey(claims.build());
        };
    }

    /**
     * Valid claims for a token of this issuer, to change one of them.
     *
     * @param audience the {@code aud}
     * @param subject the {@code sub}
     * @param scope the space-separated {@code scope}
     * @return a builder of the claims: issued now, valid for an hour
     */
    public JWTClaimsSet.Builder claims(String audience, String subject, String scope) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(issuer().toString())
                .audience(audience)
                .subject(subject)
                .claim("scope", scope)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofHours(1))));
    }

    /**
     * Signs claims with the issuer's current key, as the issuer would.
     *
     * @param claims the claims
     * @return the serialized JWT
     */
    public String sign(JWTClaimsSet claims) {
        return sign(claims, key);
    }

    /**
     * Signs claims with a key the issuer never published.
     *
     * @param claims the claims
     * @return the serialized JWT, naming a key id the JWKS does not list
     */
    public String signWithUnknownKey(JWTClaimsSet claims) {
        return sign(claims, newKey("unknown-" + System.nanoTime()));
    }

    /**
     * Rotates the issuer's key: from now on it signs with a new key, under a new key id, which its JWKS lists beside
     * the first one.
     */
    public void rotateKey() {
        RSAKey next = newKey("rotated-" + System.nanoTime());
        rotated.keySet = new JWKSet(List.of(keys.signingKey(ISSUER_ID).toPublicJWK(), next.toPublicJWK()));
        key = next;
    }

    private static RSAKey newKey(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sign(JWTClaimsSet claims, RSAKey signingKey) {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(signingKey.getKeyID())
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims);
        try {
            jwt.sign(new RSASSASigner(signingKey));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /**
     * The claims as an unsecured JWT ({@code alg: none}).
     *
     * @param claims the claims
     * @return the serialized JWT, with an empty signature
     */
    public static String unsigned(JWTClaimsSet claims) {
        return new PlainJWT(claims).serialize();
    }

    /**
     * The claims signed with HMAC-SHA256 whose secret is the issuer's public key, naming the issuer's key id: the
     * classic algorithm-confusion attack.
     *
     * @param claims the claims
     * @return the serialized JWT
     */
    public String hmacWithPublicKey(JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(new MACSigner(key.toRSAPublicKey().getEncoded()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /**
     * A token whose signature has one character changed.
     *
     * @param token a signed token
     * @return the tampered token
     */
    public static String tampered(String token) {
        String[] parts = token.split("\\.");
        char[] signature = parts[2].toCharArray();
        signature[signature.length / 2] = signature[signature.length / 2] == 'A' ? 'B' : 'A';
        return parts[0] + "." + parts[1] + "." + new String(signature);
    }

    /** Takes the issuer down: its discovery document and JWKS can no longer be fetched. */
    public synchronized void goDown() {
        if (!down) {
            down = true;
            server.shutdown();
        }
    }

    /** Stops the issuer, unless it is down already. */
    @Override
    public void close() {
        goDown();
    }

    /**
     * Serves the issuer's JWKS once its key has rotated, in front of the server's own route (which lists one key per
     * issuer, under the issuer's id).
     */
    private static final class RotatedKeySet implements Route {
        private volatile JWKSet keySet;

        @Override
        public boolean match(OAuth2HttpRequest request) {
            return keySet != null && request.getUrl().encodedPath().equals("/" + ISSUER_ID + "/jwks");
        }

        @Override
        public OAuth2HttpResponse invoke(OAuth2HttpRequest request) {
            return new OAuth2HttpResponse(
                    Headers.of("Content-Type", "application/json"), 200, keySet.toString(true), null);
        }
    }
}
