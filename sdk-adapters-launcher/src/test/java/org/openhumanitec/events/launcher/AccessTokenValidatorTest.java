package org.openhumanitec.events.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.Resource;
import com.nimbusds.jose.util.ResourceRetriever;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhumanitec.events.launcher.testing.TestIssuer;

/**
 * The access-token checks of the OAuth resource-server mode, against a real authorization server on loopback: every
 * way a token can be wrong, key rotation, the issuer going down, and that the issuer's keys are never fetched per
 * request.
 */
class AccessTokenValidatorTest {

    private static final String AUDIENCE = "https://humanitec-mcp.example.com/mcp";
    private static final String READ = "humanitec:read";

    private TestIssuer issuer;
    private final List<URL> fetched = new CopyOnWriteArrayList<>();
    private final ResourceRetriever counting = new ResourceRetriever() {
        private final DefaultResourceRetriever http = new DefaultResourceRetriever(5000, 5000);

        @Override
        public Resource retrieveResource(URL url) throws IOException {
            fetched.add(url);
            return http.retrieveResource(url);
        }
    };

    @BeforeEach
    void startIssuer() {
        issuer = TestIssuer.start();
    }

    @AfterEach
    void stopIssuer() {
        issuer.close();
    }

    private AccessTokenValidator validator() {
        return AccessTokenValidator.builder(issuer.issuer(), AUDIENCE)
                .retriever(counting)
                .keyRefresh(Duration.ofHours(2), Duration.ofHours(1))
                .build();
    }

    private long keySetFetches(AccessTokenValidator validator) {
        return fetched.stream()
                .filter(url -> url.toString().equals(validator.jwksUri().toString()))
                .count();
    }

    @Test
    void aTokenTheIssuerIssued_isAccepted_withItsSubjectAndScopes() {
        AccessTokenValidator validator = validator();

        AccessToken token = validator.validate(issuer.issue(AUDIENCE, "alice", "humanitec:read humanitec:write"));

        assertThat(token.subject()).isEqualTo("alice");
        assertThat(token.scopes()).containsExactlyInAnyOrder("humanitec:read", "humanitec:write");
        assertThat(validator.jwksUri().toString()).startsWith(issuer.issuer().toString());
    }

    @Test
    void discovery_readsTheOpenIdConfigurationOfTheIssuer() {
        validator();

        assertThat(fetched)
                .extracting(URL::toString)
                .first()
                .isEqualTo(issuer.issuer() + "/.well-known/openid-configuration");
    }

    @Test
    void scopesInAnScpList_areRead() {
        AccessToken token = validator()
                .validate(issuer.sign(issuer.claims(AUDIENCE, "svc", null)
                        .claim("scp", List.of(READ))
                        .build()));

        assertThat(token.scopes()).containsExactly(READ);
    }

    @Test
    void anExpiredToken_isRefused() {
        Instant past = Instant.now().minus(Duration.ofHours(2));
        String token = issuer.sign(issuer.claims(AUDIENCE, "alice", READ)
                .issueTime(Date.from(past))
                .notBeforeTime(Date.from(past))
                .expirationTime(Date.from(past.plus(Duration.ofMinutes(10))))
                .build());

        assertRefused(token, InvalidTokenException.Reason.CLAIMS, "Expired");
    }

    @Test
    void aTokenNotYetValid_isRefused() {
        String token = issuer.sign(issuer.claims(AUDIENCE, "alice", READ)
                .notBeforeTime(Date.from(Instant.now().plus(Duration.ofMinutes(10))))
                .build());

        assertRefused(token, InvalidTokenException.Reason.CLAIMS, "before use time");
    }

    @Test
    void aTokenOfAnotherIssuer_isRefused_evenWhenSignedWithTheIssuersKey() {
        String token = issuer.sign(issuer.claims(AUDIENCE, "alice", READ)
                .issuer("https://evil.example.com/")
                .build());

        assertRefused(token, InvalidTokenException.Reason.CLAIMS, "iss");
    }

    @Test
    void aTokenForAnotherAudience_isRefused() {
        assertRefused(
                issuer.issue("https://other.example.com", "alice", READ), InvalidTokenException.Reason.CLAIMS, "aud");
    }

    @Test
    void aTokenWithoutSubject_isRefused() {
        assertRefused(
                issuer.sign(issuer.claims(AUDIENCE, null, READ).build()), InvalidTokenException.Reason.CLAIMS, "sub");
    }

    @Test
    void aTamperedToken_isRefused() {
        assertRefused(
                TestIssuer.tampered(issuer.issue(AUDIENCE, "alice", READ)),
                InvalidTokenException.Reason.SIGNATURE,
                "signature");
    }

    @Test
    void anUnsignedToken_algNone_isRefused() {
        assertRefused(
                TestIssuer.unsigned(issuer.claims(AUDIENCE, "alice", READ).build()),
                InvalidTokenException.Reason.MALFORMED,
                "not a signed JWT");
    }

    @Test
    void anHmacTokenSignedWithThePublicKey_isRefused() {
        assertRefused(
                issuer.hmacWithPublicKey(issuer.claims(AUDIENCE, "alice", READ).build()),
                InvalidTokenException.Reason.SIGNATURE,
                "allowed algorithm");
    }

    @Test
    void somethingThatIsNotAJwt_isRefused() {
        assertRefused("not-a-jwt", InvalidTokenException.Reason.MALFORMED, "not a JWT");
    }

    @Test
    void anUnknownKeyId_isRefused_thenTheRotatedKeyTheJwksNowLists_isAccepted() {
        AccessTokenValidator validator = validator();
        assertThat(validator.validate(issuer.issue(AUDIENCE, "alice", READ)).subject())
                .isEqualTo("alice");

        issuer.rotateKey();
        String signedWithTheNewKey =
                issuer.sign(issuer.claims(AUDIENCE, "bob", READ).build());

        assertThat(validator.validate(signedWithTheNewKey).subject()).isEqualTo("bob");
        assertThat(keySetFetches(validator)).isEqualTo(2);
    }

    @Test
    void unknownKeyIds_neverFetchTheKeysOnEveryRequest() {
        AccessTokenValidator validator = validator();
        validator.validate(issuer.issue(AUDIENCE, "alice", READ));

        for (int i = 0; i < 5; i++) {
            String token = issuer.signWithUnknownKey(
                    issuer.claims(AUDIENCE, "mallory", READ).build());
            assertThatThrownBy(() -> validator.validate(token)).isInstanceOf(InvalidTokenException.class);
        }

        // One fetch for the first token, one refresh for the first unknown key id, then none within the window.
        assertThat(keySetFetches(validator)).isEqualTo(2);
    }

    @Test
    void withTheIssuerDown_cachedKeysStillServe_andAnUnknownKeyIdIsRefused() {
        AccessTokenValidator validator = validator();
        String valid = issuer.issue(AUDIENCE, "alice", READ);
        validator.validate(valid);
        String unknownKey = issuer.signWithUnknownKey(
                issuer.claims(AUDIENCE, "mallory", READ).build());

        issuer.goDown();

        assertThat(validator.validate(valid).subject()).isEqualTo("alice");
        assertThatThrownBy(() -> validator.validate(unknownKey)).isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void anIssuerWithoutDiscovery_failsAtBuild_namingTheIssuer() {
        issuer.goDown();
        URI nowhere = issuer.issuer();

        assertThatThrownBy(() -> AccessTokenValidator.builder(nowhere, AUDIENCE)
                        .retriever(counting)
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(nowhere.toString())
                .hasMessageContaining("oauth-authorization-server");
    }

    @Test
    void rfc8414Documents_areLookedUpWithTheWellKnownPathBeforeTheIssuersPath() {
        assertThat(AuthorizationServerDiscovery.documents(URI.create("https://idp.example.com/realms/acme")))
                .containsExactly(
                        URI.create("https://idp.example.com/realms/acme/.well-known/openid-configuration"),
                        URI.create("https://idp.example.com/.well-known/oauth-authorization-server/realms/acme"));
    }

    private void assertRefused(String token, InvalidTokenException.Reason reason, String why) {
        AccessTokenValidator validator = validator();
        assertThatThrownBy(() -> validator.validate(token))
                .isInstanceOfSatisfying(
                        InvalidTokenException.class, e -> assertThat(e.reason()).isEqualTo(reason))
                .hasMessageContaining(why)
                .hasMessageNotContaining(token);
    }
}
