package org.openhumanitec.events.feign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openhumanitec.events.feign.internal.ProxyRoute;
import org.openhumanitec.events.feign.testing.TestPki;

/**
 * How the company-network settings are read from the environment and what the client then says it uses: the
 * switch of {@value HumanitecClient#ENV_CA_BUNDLE_ONLY}, the form of the client certificate named by
 * {@value HumanitecClient#ENV_CLIENT_CERT}, and the settings a builder shows before it builds.
 */
class NetworkSettingsTest {

    private static final BaseUrl HTTPS = BaseUrl.parse("https://api.humanitec.io", "baseUrl");

    @TempDir
    static Path directory;

    static TestPki pki;

    @BeforeAll
    static void createPki() {
        pki = TestPki.create(directory, "settings");
    }

    private static NetworkSettings.Resolved resolve(Map<String, String> environment) {
        return new NetworkSettings().resolve(environment, HTTPS, Transport.okHttp());
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
        "true,   (only)",
        "1,      (only)",
        "yes,    (only)",
        "' On ', (only)",
        "false,  (added to the JDK's)",
        "0,      (added to the JDK's)",
        "no,     (added to the JDK's)",
        "OFF,    (added to the JDK's)",
    })
    void caBundleOnlyVariable_isASwitch_thatMakesTheBundleReplaceTheJdkTrustStore(String value, String shown) {
        NetworkSettings.Resolved resolved = resolve(Map.of(
                HumanitecClient.ENV_CA_BUNDLE,
                pki.caCertificate().toString(),
                HumanitecClient.ENV_CA_BUNDLE_ONLY,
                value));

        assertThat(resolved.description()).isEqualTo(", caBundle=" + pki.caCertificate() + " " + shown);
        assertThat(resolved.tls().trustManager().getAcceptedIssuers().length == 1)
                .isEqualTo(shown.equals("(only)"));
    }

    @Test
    void caBundleOnlyVariable_thatIsNoSwitch_isRefusedNamingIt() {
        assertThatThrownBy(() -> resolve(Map.of(
                        HumanitecClient.ENV_CA_BUNDLE,
                        pki.caCertificate().toString(),
                        HumanitecClient.ENV_CA_BUNDLE_ONLY,
                        "sometimes")))
                .isInstanceOfSatisfying(
                        InvalidSettingException.class,
                        e -> assertThat(e.setting()).isEqualTo(HumanitecClient.ENV_CA_BUNDLE_ONLY))
                .hasMessageContaining("must be true or false");
    }

    @Test
    void caBundleOnlyVariable_false_withoutABundle_isNoError() {
        assertThat(resolve(Map.of(HumanitecClient.ENV_CA_BUNDLE_ONLY, "false")))
                .isEqualTo(new NetworkSettings.Resolved(null, null, ""));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"client.p12", "client.pfx", "CLIENT.P12"})
    void clientCertificateVariable_namingAP12OrPfxFile_isPkcs12WithThePasswordVariable(String name) throws Exception {
        Path keyStore = Files.copy(pki.clientKeyStore(), directory.resolve(name));

        NetworkSettings.Resolved resolved = resolve(Map.of(
                HumanitecClient.ENV_CLIENT_CERT,
                keyStore.toString(),
                HumanitecClient.ENV_CLIENT_KEY_PASSWORD,
                TestPki.PASSWORD));

        assertThat(resolved.description())
                .isEqualTo(", clientCertificate=pkcs12(" + keyStore + ", password=<redacted>)");
        assertThat(resolved.tls()).isNotNull();
    }

    @Test
    void clientCertificateVariable_namingAPemFile_takesTheKeyFromItsVariable_elseFromTheSameFile() throws Exception {
        NetworkSettings.Resolved separate = resolve(Map.of(
                HumanitecClient.ENV_CLIENT_CERT, pki.clientCertificate().toString(),
                HumanitecClient.ENV_CLIENT_KEY, pki.clientKey().toString()));
        Path both = directory.resolve("client-and-key.pem");
        Files.writeString(both, Files.readString(pki.clientCertificate()) + Files.readString(pki.clientKey()));
        NetworkSettings.Resolved oneFile = resolve(Map.of(HumanitecClient.ENV_CLIENT_CERT, both.toString()));

        assertThat(separate.description())
                .isEqualTo(", clientCertificate=pem(" + pki.clientCertificate() + ", " + pki.clientKey() + ")");
        assertThat(oneFile.description()).isEqualTo(", clientCertificate=pem(" + both + ", " + both + ")");
    }

    @Test
    void clientCertificateVariable_aPemFileWithoutItsKey_isRefusedNamingTheVariable() {
        assertThatThrownBy(() -> resolve(Map.of(
                        HumanitecClient.ENV_CLIENT_CERT, pki.clientCertificate().toString())))
                .isInstanceOfSatisfying(
                        InvalidSettingException.class,
                        e -> assertThat(e.setting()).isEqualTo(HumanitecClient.ENV_CLIENT_CERT))
                .hasMessageContaining("exactly one unencrypted PKCS#8 key");
    }

    @Test
    void builderSettings_winOverTheEnvironment_andAreNamedInTheirFailures() {
        NetworkSettings settings = new NetworkSettings();
        settings.caBundle = directory.resolve("missing-bundle.pem");
        settings.caBundleOnly = true;

        assertThatThrownBy(() -> settings.resolve(
                        Map.of(
                                HumanitecClient.ENV_CA_BUNDLE,
                                pki.caCertificate().toString()),
                        HTTPS,
                        Transport.okHttp()))
                .isInstanceOfSatisfying(
                        InvalidSettingException.class,
                        e -> assertThat(e.setting()).isEqualTo("caBundle"))
                .hasMessageContaining("missing-bundle.pem");
    }

    @Test
    void aProxyBypassedForTheHost_makesTheTransportGoDirect_andIsShownWithTheListThatBypassesIt() {
        NetworkSettings settings = new NetworkSettings();
        settings.proxy = HttpProxy.of("proxy.example", 3128);
        settings.noProxy = "example.com, humanitec.io";

        NetworkSettings.Resolved resolved =
                settings.resolve(Map.of("NO_PROXY", "other.example"), HTTPS, Transport.okHttp());

        assertThat(resolved.description()).isEqualTo(", proxy=none (example.com, humanitec.io)");
        // direct whatever proxy the JVM's settings would give the transport
        assertThat(resolved.proxy()).isSameAs(ProxyRoute.DIRECT);
    }

    @Test
    void builderToString_showsEachNetworkSettingMade() {
        HumanitecClient.Builder builder = HumanitecClient.builder()
                .token(Fixtures.TOKEN)
                .proxy(HttpProxy.of("proxy.example", 3128))
                .noProxy("internal.example")
                .caBundleOnly(pki.caCertificate())
                .clientCertificate(ClientCertificate.pem(pki.clientCertificate(), pki.clientKey()));

        assertThat(builder.toString())
                .contains(", proxy=http://proxy.example:3128, noProxy=internal.example, caBundle="
                        + pki.caCertificate() + " (only), clientCertificate=pem(" + pki.clientCertificate() + ", "
                        + pki.clientKey() + ")]");
        assertThat(builder.caBundle(pki.caCertificate()).toString())
                .contains("caBundle=" + pki.caCertificate() + " (added to the JDK's)");
    }
}
