package org.openhumanitec.events.feign;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The certificate and private key the client presents when the server asks for one (mutual TLS), as files: PEM
 * (a certificate chain and an unencrypted PKCS#8 key, which may share one file) or a PKCS#12 key store. The files
 * are read when the client is built; a PKCS#12 password is never shown by {@link #toString()} or in messages.
 */
public final class ClientCertificate {

    private final Path certificate;
    private final Path privateKey;
    private final String password;

    private ClientCertificate(Path certificate, Path privateKey, String password) {
        this.certificate = certificate;
        this.privateKey = privateKey;
        this.password = password;
    }

    /**
     * PEM files: the client's certificate first, then any intermediate certificates, and its private key as
     * unencrypted PKCS#8 ({@code -----BEGIN PRIVATE KEY-----}; convert others with
     * {@code openssl pkcs8 -topk8 -nocrypt}). Both may be the same file.
     *
     * @param certificateChain the PEM file holding the certificate chain
     * @param privateKey the PEM file holding the key
     * @return the client certificate
     */
    public static ClientCertificate pem(Path certificateChain, Path privateKey) {
        return new ClientCertificate(
                Objects.requireNonNull(certificateChain, "certificateChain must not be null"),
                Objects.requireNonNull(privateKey, "privateKey must not be null"),
                null);
    }

    /**
     * A PKCS#12 key store ({@code .p12}, {@code .pfx}) holding one private key and its certificate chain.
     *
     * @param keyStore the file
     * @param password its password (also the key's); empty for none
     * @return the client certificate
     */
    public static ClientCertificate pkcs12(Path keyStore, String password) {
        return new ClientCertificate(
                Objects.requireNonNull(keyStore, "keyStore must not be null"),
                null,
                Objects.requireNonNull(password, "password must not be null"));
    }

    /** The PEM chain or PKCS#12 file. */
    Path certificate() {
        return certificate;
    }

    /** The PEM key file, or null for PKCS#12. */
    Path privateKey() {
        return privateKey;
    }

    /** The PKCS#12 password, or null for PEM. */
    String password() {
        return password;
    }

    /** Shows the files, never the password. */
    @Override
    public String toString() {
        return privateKey != null
                ? "pem(" + certificate + ", " + privateKey + ")"
                : "pkcs12(" + certificate + ", password=<redacted>)";
    }
}
