package org.openhumanitec.events.feign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhumanitec.events.feign.internal.TlsContext;
import org.openhumanitec.events.feign.testing.TestPki;

/** Reading CA bundles and client certificates: what is trusted, and messages that name the setting and file. */
class TlsFilesTest {

    @TempDir
    static Path directory;

    static TestPki pki;

    @BeforeAll
    static void createPki() {
        pki = TestPki.create(directory, "files");
    }

    private static int jdkCaCount() throws Exception {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((java.security.KeyStore) null);
        return ((X509TrustManager) factory.getTrustManagers()[0]).getAcceptedIssuers().length;
    }

    @Test
    void caBundle_isAddedToTheJdkTrustStore_orReplacesIt() throws Exception {
        TlsContext added = TlsFiles.load(pki.caCertificate(), "caBundle", false, null, "clientCertificate");
        TlsContext only = TlsFiles.load(pki.caCertificate(), "caBundle", true, null, "clientCertificate");
        assertThat(jdkCaCount()).isPositive();
        assertThat(added.trustManager().getAcceptedIssuers()).hasSize(jdkCaCount() + 1);
        assertThat(only.trustManager().getAcceptedIssuers())
                .singleElement()
                .satisfies(
                        ca -> assertThat(ca.getSubjectX500Principal().getName()).contains("files test CA"));
    }

    @Test
    void aPemFileHoldingBothCertificateAndKey_serves() throws Exception {
        Path both = directory.resolve("both.pem");
        Files.writeString(both, Files.readString(pki.clientKey()) + Files.readString(pki.clientCertificate()));
        assertThat(TlsFiles.load(null, "caBundle", false, ClientCertificate.pem(both, both), "clientCertificate"))
                .isNotNull();
    }

    @Test
    void missingOrEmptyFiles_areNamed() throws Exception {
        Path missing = directory.resolve("missing.pem");
        assertThatThrownBy(() -> TlsFiles.load(missing, "HUMANITEC_CA_BUNDLE", false, null, "clientCertificate"))
                .isInstanceOfSatisfying(
                        InvalidSettingException.class,
                        e -> assertThat(e.setting()).isEqualTo("HUMANITEC_CA_BUNDLE"))
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("cannot be read");
        assertThatThrownBy(() -> TlsFiles.load(pki.clientKey(), "caBundle", false, null, "clientCertificate"))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("holds no PEM certificate");
    }

    @Test
    void aPkcs1Key_isRefusedWithTheWayToConvertIt() throws Exception {
        Path pkcs1 = directory.resolve("rsa-key.pem");
        Files.writeString(pkcs1, TestPki.pem("RSA PRIVATE KEY", new byte[] {1, 2, 3}));
        assertThatThrownBy(() -> TlsFiles.load(
                        null,
                        "caBundle",
                        false,
                        ClientCertificate.pem(pki.clientCertificate(), pkcs1),
                        "clientCertificate"))
                .isInstanceOfSatisfying(
                        InvalidSettingException.class,
                        e -> assertThat(e.setting()).isEqualTo("clientCertificate"))
                .hasMessageContaining("openssl pkcs8 -topk8 -nocrypt");
    }

    @Test
    void aWrongPkcs12Password_isNamedButNeverShown() {
        assertThatThrownBy(() -> TlsFiles.load(
                        null,
                        "caBundle",
                        false,
                        ClientCertificate.pkcs12(pki.clientKeyStore(), "wrong-secret"),
                        "clientCertificate"))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining(pki.clientKeyStore().toString())
                .hasMessageNotContaining("wrong-secret");
    }

    @Test
    void aClientKeyOrPassword_withoutACertificate_isRefused() {
        for (String variable : new String[] {HumanitecClient.ENV_CLIENT_KEY, HumanitecClient.ENV_CLIENT_KEY_PASSWORD}) {
            assertThatThrownBy(() -> HumanitecClient.builder()
                            .token(Fixtures.TOKEN)
                            .fromEnvironment(Map.of(variable, "x"))
                            .build())
                    .isInstanceOfSatisfying(
                            InvalidSettingException.class,
                            e -> assertThat(e.setting()).isEqualTo(variable))
                    .hasMessageContaining(HumanitecClient.ENV_CLIENT_CERT)
                    .hasMessageNotContaining(": x");
        }
    }

    @Test
    void caBundleOnly_withoutABundle_isRefused() {
        assertThatThrownBy(() -> HumanitecClient.builder()
                        .token(Fixtures.TOKEN)
                        .fromEnvironment(Map.of(HumanitecClient.ENV_CA_BUNDLE_ONLY, "true"))
                        .build())
                .isInstanceOfSatisfying(
                        InvalidSettingException.class,
                        e -> assertThat(e.setting()).isEqualTo(HumanitecClient.ENV_CA_BUNDLE_ONLY))
                .hasMessageContaining(HumanitecClient.ENV_CA_BUNDLE);
    }
}
