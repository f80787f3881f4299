package org.openhumanitec.events.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openhumanitec.events.launcher.testing.TestIssuer;

/** The OAuth options: what they refuse before anything is fetched, and the resource server they build. */
class OAuthOptionsTest {

    private final FaceOptions common = FaceOptions.forFace("HUMANITEC_TEST", 8080);
    private final OAuthOptions oauth = OAuthOptions.forFace("HUMANITEC_TEST", "https://face.example.com");

    private LaunchOptions parse(String... args) {
        List<LaunchOption> all = new ArrayList<>(common.all());
        all.addAll(oauth.all());
        return LaunchOptions.parse(all, args, Map.of());
    }

    @Test
    void withoutAnIssuer_thereIsNoResourceServer() {
        assertThat(oauth.resourceServer(parse(), common)).isNull();
    }

    @Test
    void anOAuthOptionWithoutTheIssuer_isRefused() {
        assertThatThrownBy(() -> oauth.resourceServer(parse("--public-url", "https://face.example.com"), common))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--public-url")
                .hasMessageContaining("--oauth-issuer");
    }

    @Test
    void anIssuerOverPlainHttpBeyondLoopback_isRefused() {
        assertThatThrownBy(() -> oauth.resourceServer(
                        parse("--oauth-issuer", "http://idp.example.com/realms/a", "--public-url", "https://f.example"),
                        common))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--oauth-issuer must be an https URL");
    }

    @Test
    void aScopeWithABlank_isRefused() {
        assertThatThrownBy(() -> oauth.resourceServer(
                        parse(
                                "--oauth-issuer", "https://idp.example.com/realms/a",
                                "--public-url", "https://face.example.com",
                                "--oauth-read-scope", "read all"),
                        common))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--oauth-read-scope");
    }

    @Test
    void theResourceServer_takesThePublicUrlAsResourceAndDefaultScopes() {
        try (TestIssuer issuer = TestIssuer.start()) {
            OAuthResourceServer server = oauth.resourceServer(
                    parse("--oauth-issuer", issuer.issuer().toString(), "--public-url", "https://face.example.com/mcp"),
                    common);

            assertThat(server.resource().resource()).hasToString("https://face.example.com/mcp");
            assertThat(server.resource().metadataUri())
                    .hasToString("https://face.example.com/.well-known/oauth-protected-resource/mcp");
            assertThat(server.resource().scopes()).containsExactly("humanitec:read", "humanitec:write");
        }
    }
}
