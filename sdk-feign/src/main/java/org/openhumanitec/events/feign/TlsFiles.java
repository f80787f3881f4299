package org.openhumanitec.events.feign;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.openhumanitec.events.feign.internal.TlsContext;

/**
 * Reads a CA bundle and a client certificate into a {@link TlsContext}, with the JDK's own parsers: PEM blocks are
 * cut out of the text and handed to {@link CertificateFactory} and {@link KeyFactory} (PKCS#8), PKCS#12 files to
 * {@link KeyStore}. Failures are {@link InvalidSettingException}s naming the setting and the file, never a
 * password.
 */
final class TlsFiles {

    private static final Pattern PEM_BLOCK =
            Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*)-----END \\1-----");

    /** A key in a form the JDK cannot read without a password or an ASN.1 parser. */
    private static final Pattern OTHER_KEY = Pattern.compile("-----BEGIN (ENCRYPTED|RSA|EC) PRIVATE KEY-----");

    /** The in-memory key store's password for a PEM key; the key never leaves the process. */
    private static final char[] IN_MEMORY = "in-memory".toCharArray();

    private TlsFiles() {}

    /**
     * Builds the TLS set-up.
     *
     * @param caBundle the PEM bundle of CA certificates to trust, or null for the JDK's trust store alone
     * @param caSetting how messages name the bundle's setting
     * @param caBundleOnly whether the bundle replaces the JDK's trust store rather than adding to it
     * @param clientCertificate the certificate to present, or null for none
     * @param certificateSetting how messages name the certificate's setting
     * @return the context
     * @throws InvalidSettingException if a file cannot be read or holds no usable certificate or key
     */
    static TlsContext load(
            Path caBundle,
            String caSetting,
            boolean caBundleOnly,
            ClientCertificate clientCertificate,
            String certificateSetting) {
        try {
            X509TrustManager trustManager = trustManager(caBundle, caSetting, caBundleOnly);
            KeyManager[] keyManagers =
                    clientCertificate == null ? null : keyManagers(clientCertificate, certificateSetting);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers, new TrustManager[] {trustManager}, null);
            return new TlsContext(context, trustManager);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot set up TLS: " + e.getMessage(), e);
        }
    }

    private static X509TrustManager trustManager(Path caBundle, String setting, boolean caBundleOnly)
            throws GeneralSecurityException {
        if (caBundle == null) {
            return trustManager((KeyStore) null);
        }
        List<X509Certificate> trusted = certificates(caBundle, setting);
        KeyStore store = emptyStore();
        int alias = 0;
        for (X509Certificate certificate : trusted) {
            store.setCertificateEntry("ca-" + alias++, certificate);
        }
        if (!caBundleOnly) {
            for (X509Certificate certificate : trustManager((KeyStore) null).getAcceptedIssuers()) {
                store.setCertificateEntry("jdk-" + alias++, certificate);
            }
        }
        return trustManager(store);
    }

    private static X509TrustManager trustManager(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new IllegalStateException("the JDK's TrustManagerFactory gave no X509TrustManager");
    }

    private static KeyManager[] keyManagers(ClientCertificate client, String setting) throws GeneralSecurityException {
        KeyStore store;
        char[] password;
        if (client.privateKey() == null) {
            password = client.password().toCharArray();
            store = pkcs12(client.certificate(), password, setting);
        } else {
            List<X509Certificate> chain = certificates(client.certificate(), setting);
            PrivateKey key = privateKey(client.privateKey(), chain.get(0), setting);
            store = emptyStore();
            store.setKeyEntry("client", key, IN_MEMORY, chain.toArray(new Certificate[0]));
            password = IN_MEMORY;
        }
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, password);
        return factory.getKeyManagers();
    }

    private static KeyStore pkcs12(Path file, char[] password, String setting) throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password);
        } catch (IOException e) {
            throw new InvalidSettingException(
                    setting, "'" + file + "' cannot be read as PKCS#12 with the password given: " + causeOf(e));
        }
        boolean hasKey = false;
        for (String alias : Collections.list(store.aliases())) {
            hasKey |= store.isKeyEntry(alias);
        }
        if (!hasKey) {
            throw new InvalidSettingException(setting, "'" + file + "' holds no private key");
        }
        return store;
    }

    private static List<X509Certificate> certificates(Path file, String setting) {
        List<X509Certificate> certificates = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (byte[] der : blocks(text(file, setting), file, setting, "CERTIFICATE")) {
                certificates.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
            }
        } catch (CertificateException e) {
            throw new InvalidSettingException(
                    setting, "'" + file + "' holds a certificate the JDK cannot read: " + e.getMessage());
        }
        if (certificates.isEmpty()) {
            throw new InvalidSettingException(
                    setting, "'" + file + "' holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
        }
        return certificates;
    }

    private static PrivateKey privateKey(Path file, X509Certificate certificate, String setting) {
        String text = text(file, setting);
        List<byte[]> keys = blocks(text, file, setting, "PRIVATE KEY");
        if (keys.size() != 1) {
            String other = OTHER_KEY.matcher(text).find()
                    ? " (it holds an encrypted or PKCS#1/SEC1 key: convert it with openssl pkcs8 -topk8 -nocrypt, or"
                            + " use PKCS#12)"
                    : "";
            throw new InvalidSettingException(
                    setting,
                    "key file '" + file + "' must hold exactly one unencrypted PKCS#8 key (-----BEGIN PRIVATE KEY-----)"
                            + other);
        }
        String algorithm = certificate.getPublicKey().getAlgorithm();
        try {
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(keys.get(0)));
        } catch (GeneralSecurityException e) {
            throw new InvalidSettingException(
                    setting, "key file '" + file + "' holds no " + algorithm + " key matching the client certificate");
        }
    }

    /** The decoded contents of the PEM blocks with this label, in file order. */
    private static List<byte[]> blocks(String text, Path file, String setting, String label) {
        List<byte[]> blocks = new ArrayList<>();
        Matcher matcher = PEM_BLOCK.matcher(text);
        while (matcher.find()) {
            if (matcher.group(1).equals(label)) {
                try {
                    blocks.add(Base64.getMimeDecoder().decode(matcher.group(2)));
                } catch (IllegalArgumentException e) {
                    throw new InvalidSettingException(setting, "'" + file + "' holds a PEM block that is not Base64");
                }
            }
        }
        return blocks;
    }

    private static String text(Path file, String setting) {
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new InvalidSettingException(setting, "'" + file + "' cannot be read: " + causeOf(e));
        }
    }

    private static KeyStore emptyStore() throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw new IllegalStateException("the JDK cannot create an empty key store", e);
        }
        return store;
    }

    /**
     * Why a file could not be read. A {@link FileSystemException}'s message is the file's name, which the caller's
     * message holds already: its reason is shown, else its type in words ({@code no such file}, {@code access
     * denied}).
     */
    private static String causeOf(IOException e) {
        if (e instanceof FileSystemException file) {
            return file.getReason() != null ? file.getReason() : inWords(file);
        }
        return e.getMessage() != null ? e.getMessage() : inWords(e);
    }

    private static String inWords(IOException e) {
        return e.getClass()
                .getSimpleName()
                .replace("Exception", "")
                .replaceAll("(?<=[a-z])(?=[A-Z])", " ")
                .toLowerCase(Locale.ROOT);
    }
}
