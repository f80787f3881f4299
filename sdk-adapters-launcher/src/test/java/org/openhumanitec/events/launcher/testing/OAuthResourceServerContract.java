package org.openhumanitec.events.launcher.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openhumanitec.events.api.HumanitecEventApi;
import org.openhumanitec.events.launcher.EmbeddedServer;
import org.openhumanitec.events.launcher.UsageException;
import org.openhumanitec.events.sandbox.HumanitecSandbox;

/**
 * What every face does as an OAuth 2.1 resource server ({@code --oauth-issuer}), as an abstract JUnit 5 class its
 * {@code OAuthResourceServerTest} extends: against a real authorization server on loopback ({@link TestIssuer}), a
 * missing, forged or foreign token gets 401 naming the protected-resource metadata, a cached key outlives the issuer,
 * and the options that contradict the mode are refused at start. Before all tests it starts the face with the
 * backend the subclass opens; the subclass adds what only its face does.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class OAuthResourceServerContract {

    /** The scope of the reading operations. */
    protected static final String READ = "humanitec:read";

    /** The scope of the changing operations. */
    protected static final String WRITE = "humanitec:write";

    private TestIssuer issuer;
    private HumanitecEventApi backend;
    private EmbeddedServer server;

    /** Subclasses are JUnit test classes. */
    protected OAuthResourceServerContract() {}

    /**
     * The face's {@code --public-url}, which tokens must hold as their audience.
     *
     * @return for example {@code https://humanitec-gateway.example.com}
     */
    protected abstract String publicUrl();

    /**
     * Opens the backend the face serves in most tests; the contract closes it after all tests.
     *
     * @return for example the sandbox
     */
    protected abstract HumanitecEventApi openBackend();

    /**
     * Starts the face on a free loopback port.
     *
     * @param backend what it serves
     * @param args its options, beside the port
     * @return the running face
     * @throws UsageException if the options contradict each other
     */
    protected abstract EmbeddedServer start(HumanitecEventApi backend, String... args);

    /**
     * Makes a call that the read scope allows, with the face's own protocol.
     *
     * @param base the face's base URI
     * @param authorization the {@code Authorization} header, or null for none
     * @return the answer
     */
    protected abstract Answer call(URI base, String authorization);

    /**
     * Checks that no refused call reached Humanitec, for a face whose backend records the requests it gets; none
     * by default, where {@link #call} never reaches the backend.
     */
    protected void assertHumanitecWasNotCalled() {}

    @BeforeAll
    public final void startTheIssuerAndTheFace() {
        issuer = TestIssuer.start();
        backend = openBackend();
        server = startWithOAuth(backend, issuer);
    }

    @AfterAll
    public final void stopTheFaceAndTheIssuer() {
        server.close();
        backend.close();
        issuer.close();
    }

    /**
     * The authorization server the face trusts.
     *
     * @return the running issuer
     */
    protected final TestIssuer issuer() {
        return issuer;
    }

    /**
     * The face under test, started with {@code --oauth-issuer} and {@code --public-url}.
     *
     * @return the running face
     */
    protected final EmbeddedServer server() {
        return server;
    }

    /**
     * The URL of the protected-resource metadata that a 401 names: RFC 9728's well-known path, followed by the
     * public URL's own path.
     *
     * @return for example {@code https://humanitec-mcp.example.com/.well-known/oauth-protected-resource/mcp}
     */
    protected final String metadataUrl() {
        URI resource = URI.create(publicUrl());
        return resource.getScheme() + "://" + resource.getRawAuthority() + "/.well-known/oauth-protected-resource"
                + resource.getRawPath();
    }

    /**
     * Starts another instance of the face as a resource server.
     *
     * @param backend what it serves
     * @param by the authorization server it trusts
     * @param more further options
     * @return the running face; close it
     */
    protected final EmbeddedServer startWithOAuth(HumanitecEventApi backend, TestIssuer by, String... more) {
        return start(backend, oauthArguments(by, more));
    }

    /**
     * Checks that the face, with the given options beside {@code --oauth-issuer} and {@code --public-url}, refuses to
     * start.
     *
     * @param more the options that contradict the mode
     * @return the assertion on the refusal, for checks of its message
     */
    protected final AbstractThrowableAssert<?, ? extends Throwable> assertRefusedWithOAuth(String... more) {
        return assertThatThrownBy(() -> start(backend, oauthArguments(issuer, more)))
                .isInstanceOf(UsageException.class);
    }

    /**
     * The {@code Authorization} header of a bearer token.
     *
     * @param token the token
     * @return {@code Bearer <token>}
     */
    protected static String bearer(String token) {
        return "Bearer " + token;
    }

    private String[] oauthArguments(TestIssuer by, String... more) {
        List<String> args =
                new ArrayList<>(List.of("--oauth-issuer", by.issuer().toString(), "--public-url", publicUrl()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    public void noToken_is401_namingTheResourceMetadata() {
        Answer answer = call(server.uri(), null);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.wwwAuthenticate()).hasValue("Bearer resource_metadata=\"" + metadataUrl() + "\"");
        assertThat(answer.body()).contains("ADAPTER-401");
    }

    @Test
    public void aTokenForAnotherResource_is401_invalidToken() {
        String token = issuer.issue(
                "https://other.example.com" + URI.create(publicUrl()).getRawPath(), "alice", READ);

        Answer answer = call(server.uri(), bearer(token));

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.wwwAuthenticate())
                .hasValueSatisfying(v -> assertThat(v)
                        .startsWith("Bearer error=\"invalid_token\"")
                        .endsWith("resource_metadata=\"" + metadataUrl() + "\""));
    }

    @ParameterizedTest
    @EnumSource(TestIssuer.Forgery.class)
    public void aForgedToken_is401_invalidToken_andNeverReachesHumanitec(TestIssuer.Forgery forgery) {
        String token = issuer.forged(forgery, publicUrl(), READ + " " + WRITE);

        Answer answer = call(server.uri(), bearer(token));

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.wwwAuthenticate())
                .hasValueSatisfying(v -> assertThat(v)
                        .contains("error=\"invalid_token\"", "resource_metadata=\"" + metadataUrl() + "\""));
        assertThat(answer.body()).contains("ADAPTER-401").doesNotContain(token);
        assertHumanitecWasNotCalled();
    }

    @Test
    public void withTheIssuerDown_aCachedKeyStillServes_andAnUnknownKeyIdIs401Not500() {
        try (TestIssuer own = TestIssuer.start();
                HumanitecSandbox sandbox = HumanitecSandbox.create();
                EmbeddedServer face = startWithOAuth(sandbox, own)) {
            String valid = own.issue(publicUrl(), "alice", READ);
            assertThat(call(face.uri(), bearer(valid)).status()).isEqualTo(200);
            String unknownKey = own.forged(TestIssuer.Forgery.UNKNOWN_KEY, publicUrl(), READ);

            own.goDown();

            assertThat(call(face.uri(), bearer(valid)).status()).isEqualTo(200);
            assertThat(call(face.uri(), bearer(unknownKey)).status()).isEqualTo(401);
        }
    }

    @Test
    public void oauthAndAStaticToken_areRefusedTogether() {
        assertRefusedWithOAuth("--auth-token", "static-secret-1")
                .hasMessageContaining("--oauth-issuer")
                .hasMessageContaining("--auth-token")
                .hasMessageNotContaining("static-secret-1");
    }

    @Test
    public void oauthWithoutAPublicUrl_isRefused() {
        assertThatThrownBy(
                        () -> start(backend, "--oauth-issuer", issuer.issuer().toString()))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--public-url");
    }

    /**
     * What the face answered.
     *
     * @param status the HTTP status
     * @param wwwAuthenticate the {@code WWW-Authenticate} header, if any
     * @param body the body
     */
    public record Answer(int status, Optional<String> wwwAuthenticate, String body) {}
}
