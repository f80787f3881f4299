package org.openhumanitec.events.feign.testing;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A test CA made at test time, with a server certificate for {@code 127.0.0.1} and {@code localhost} and a client
 * certificate, written as the files the client and WireMock take: PEM, PKCS#8 PEM keys and PKCS#12 stores, all
 * under one directory. Nothing here is trusted by the JDK.
 */
public final class TestPki {

    /** The password of every PKCS#12 file written here. */
    public static final String PASSWORD = "test-password";

    private static final AtomicLong SERIAL = new AtomicLong(1);

    private final Path caCertificate;
    private final Path serverKeyStore;
    private final Path caTrustStore;
    private final Path clientCertificate;
    private final Path clientKey;
    private final Path clientKeyStore;

    private TestPki(Path directory, String name)
            throws GeneralSecurityException, IOException, OperatorCreationException {
        KeyPair caKeys = keyPair();
        X500Name caName = new X500Name("CN=" + name + " test CA");
        X509Certificate ca = sign(caName, caName, caKeys, caKeys, true, null);
        KeyPair serverKeys = keyPair();
        X509Certificate server = sign(
                caName, new X500Name("CN=localhost"), serverKeys, caKeys, false, new GeneralNames(new GeneralName[] {
                    new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                    new GeneralName(GeneralName.dNSName, "localhost")
                }));
        KeyPair clientKeys = keyPair();
        X509Certificate client = sign(caName, new X500Name("CN=test client"), clientKeys, caKeys, false, null);

        caCertificate = directory.resolve(name + "-ca.pem");
        Files.writeString(caCertificate, pem("CERTIFICATE", ca.getEncoded()));
        serverKeyStore = directory.resolve(name + "-server.p12");
        writeKeyStore(serverKeyStore, serverKeys, server, ca);
        caTrustStore = directory.resolve(name + "-ca-truststore.p12");
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", ca);
        try (OutputStream out = Files.newOutputStream(caTrustStore)) {
            trust.store(out, PASSWORD.toCharArray());
        }
        clientCertificate = directory.resolve(name + "-client.pem");
        Files.writeString(
                clientCertificate, pem("CERTIFICATE", client.getEncoded()) + pem("CERTIFICATE", ca.getEncoded()));
        clientKey = directory.resolve(name + "-client-key.pem");
        Files.writeString(clientKey, pem("PRIVATE KEY", clientKeys.getPrivate().getEncoded()));
        clientKeyStore = directory.resolve(name + "-client.p12");
        writeKeyStore(clientKeyStore, clientKeys, client, ca);
    }

    /**
     * Makes a CA and its certificates.
     *
     * @param directory where the files go
     * @param name a prefix for the files and the CA's name, so that several CAs can share a directory
     * @return the files
     */
    public static TestPki create(Path directory, String name) {
        try {
            return new TestPki(directory, name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return WireMock serving HTTPS alone on loopback, on a port of its choosing, with this CA's server certificate */
    public WireMockConfiguration httpsServer() {
        return WireMockConfiguration.wireMockConfig()
                .bindAddress("127.0.0.1")
                .httpDisabled(true)
                .dynamicHttpsPort()
                .keystorePath(serverKeyStore.toString())
                .keystorePassword(PASSWORD)
                .keyManagerPassword(PASSWORD)
                .keystoreType("PKCS12");
    }

    /** @return as {@link #httpsServer()}, demanding a client certificate that this CA signed */
    public WireMockConfiguration mutualTlsServer() {
        return httpsServer()
                .needClientAuth(true)
                .trustStorePath(caTrustStore.toString())
                .trustStorePassword(PASSWORD)
                .trustStoreType("PKCS12");
    }

    /** @return the CA's certificate, PEM: the bundle a client trusts */
    public Path caCertificate() {
        return caCertificate;
    }

    /** @return the server's key and certificate chain, PKCS#12 with {@link #PASSWORD} */
    public Path serverKeyStore() {
        return serverKeyStore;
    }

    /** @return the CA's certificate as a PKCS#12 trust store with {@link #PASSWORD}, for a server checking clients */
    public Path caTrustStore() {
        return caTrustStore;
    }

    /** @return the client's certificate chain, PEM */
    public Path clientCertificate() {
        return clientCertificate;
    }

    /** @return the client's private key, unencrypted PKCS#8 PEM */
    public Path clientKey() {
        return clientKey;
    }

    /** @return the client's key and certificate chain, PKCS#12 with {@link #PASSWORD} */
    public Path clientKeyStore() {
        return clientKeyStore;
    }

    /**
     * PEM text of one block.
     *
     * @param label for example {@code CERTIFICATE}
     * @param der the block's bytes
     * @return the block with its BEGIN and END lines
     */
    public static String pem(String label, byte[] der) {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + base64 + "\n-----END " + label + "-----\n";
    }

    private static KeyPair keyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static X509Certificate sign(
            X500Name issuer, X500Name subject, KeyPair subjectKeys, KeyPair issuerKeys, boolean ca, GeneralNames names)
            throws GeneralSecurityException, OperatorCreationException, CertIOException {
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                        issuer,
                        BigInteger.valueOf(SERIAL.getAndIncrement()),
                        Date.from(now.minus(Duration.ofDays(1))),
                        Date.from(now.plus(Duration.ofDays(2))),
                        subject,
                        subjectKeys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(ca))
                .addExtension(
                        Extension.keyUsage,
                        true,
                        new KeyUsage(ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign : KeyUsage.digitalSignature));
        if (names != null) {
            builder.addExtension(Extension.subjectAlternativeName, false, names);
        }
        return new JcaX509CertificateConverter()
                .getCertificate(
                        builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate())));
    }

    private static void writeKeyStore(Path file, KeyPair keys, X509Certificate certificate, X509Certificate ca)
            throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("key", keys.getPrivate(), PASSWORD.toCharArray(), new Certificate[] {certificate, ca});
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, PASSWORD.toCharArray());
        }
    }
}
