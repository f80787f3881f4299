package org.openhumanitec.events.feign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
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
    void aBundleOfSeveralCas_trustsEachOfThem() throws Exception {
        TestPki second = TestPki.create(directory, "second");
        Path bundle = directory.resolve("two-cas.pem");
        Files.writeString(bundle, Files.readString(pki.caCertificate()) + Files.readString(second.caCertificate()));

        TlsContext only = TlsFiles.load(bundle, "caBundle", true, null, "clientCertificate");

        assertThat(only.trustManager().getAcceptedIssuers())
                .extracting(ca -> ca.getSubjectX500Principal().getName())
                .containsExactlyInAnyOrder("CN=files test CA", "CN=second test CA");
    }

    @Test
    void aBundleWhosePemBlocksAreNotCertificates_isNamedWithTheReason() throws Exception {
        Path notBase64 = directory.resolve("not-base64.pem");
        Files.writeString(notBase64, "-----BEGIN CERTIFICATE-----\nA\n-----END CERTIFICATE-----\n");
        Path notACertificate = directory.resolve("not-a-certificate.pem");
        Files.writeString(notACertificate, TestPki.pem("CERTIFICATE", new byte[] {1, 2, 3}));

        assertThatThrownBy(() -> TlsFiles.load(notBase64, "caBundle", false, null, "clientCertificate"))
                .isInstanceOfSatisfying(
                        InvalidSettingException.class,
                        e -> assertThat(e.setting()).isEqualTo("caBundle"))
                .hasMessageContaining("'" + notBase64 + "' holds a PEM block that is not Base64");
        assertThatThrownBy(() -> TlsFiles.load(notACertificate, "caBundle", false, null, "clientCertificate"))
                .isInstanceOfSatisfying(
                        InvalidSettingException.class,
                        e -> assertThat(e.setting()).isEqualTo("caBundle"))
                .hasMessageContaining("'" + notACertificate + "' holds a certificate the JDK cannot read");
    }

    @Test
    void aPkcs12FileWithoutAPrivateKey_isRefused() {
        assertThatThrownBy(() -> TlsFiles.load(
                        null,
                        "caBundle",
                        false,
                        ClientCertificate.pkcs12(pki.caTrustStore(), TestPki.PASSWORD),
                        "HUMANITEC_CLIENT_CERT"))
                .isInstanceOfSatisfying(
                        InvalidSettingException.class,
                        e -> assertThat(e.setting()).isEqualTo("HUMANITEC_CLIENT_CERT"))
                .hasMessageContaining("'" + pki.caTrustStore() + "' holds no private key");
    }

    @Test
    void aKeyFileWithoutOneUsableKey_isRefused_namingWhatIsWrong() throws Exception {
        Path noKey = directory.resolve("no-key.pem");
        Files.writeString(noKey, "no key here\n");
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        Path rsaKey = directory.resolve("rsa-pkcs8.pem");
        Files.writeString(
                rsaKey,
                TestPki.pem("PRIVATE KEY", rsa.generateKeyPair().getPrivate().getEncoded()));

        assertThatThrownBy(() -> TlsFiles.load(
                        null,
                        "caBundle",
                        false,
                        ClientCertificate.pem(pki.clientCertificate(), noKey),
                        "clientCertificate"))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageEndingWith("key file '" + noKey
                        + "' must hold exactly one unencrypted PKCS#8 key (-----BEGIN PRIVATE KEY-----)");
        assertThatThrownBy(() -> TlsFiles.load(
                        null,
                        "caBundle",
                        false,
                        ClientCertificate.pem(pki.clientCertificate(), rsaKey),
                        "clientCertificate"))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageEndingWith("key file '" + rsaKey + "' holds no EC key matching the client certificate");
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
    void aFileThatCannotBeRead_isNamedWithTheReason() {
        Path missing = directory.resolve("absent.pem");

        assertThatThrownBy(() -> TlsFiles.load(missing, "caBundle", false, null, "clientCertificate"))
                .hasMessage("caBundle '" + missing + "' cannot be read: no such file");
        assertThatThrownBy(() -> TlsFiles.load(directory, "caBundle", false, null, "clientCertificate"))
                .hasMessage("caBundle '" + directory + "' cannot be read: Is a directory");
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
