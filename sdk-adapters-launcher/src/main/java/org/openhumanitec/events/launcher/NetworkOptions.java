package org.openhumanitec.events.launcher;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openhumanitec.events.feign.HumanitecClient;
import org.openhumanitec.events.feign.InvalidSettingException;

/**
 * The options every face has for reaching Humanitec from a company network: a proxy, the hosts reached without
 * it, a CA bundle and a client certificate. Their environment variables are the SDK's own
 * ({@link HumanitecClient.Builder#fromEnvironment}), so a face and an embedded client read the same ones; the proxy
 * is also found in {@code HTTPS_PROXY} and friends as curl finds it. Only the client to Humanitec uses them: the
 * sandbox ignores them.
 */
public final class NetworkOptions {

    /** {@code --proxy}: the HTTP proxy to Humanitec, possibly with credentials (so treated as a secret). */
    public static final LaunchOption PROXY = LaunchOption.secret(
            "--proxy",
            HumanitecClient.ENV_PROXY,
            "HTTP proxy to Humanitec, http://[user:password@]host[:port]; else HTTPS_PROXY (HTTP_PROXY for an http"
                    + " URL) as curl reads it");

    /** {@code --no-proxy}: hosts reached directly; without it, {@code no_proxy} or {@code NO_PROXY} as curl reads them. */
    public static final LaunchOption NO_PROXY = LaunchOption.value(
            "--no-proxy",
            HumanitecClient.ENV_NO_PROXY,
            null,
            "Comma-separated hosts, domains, IP addresses or CIDR ranges reached without the proxy (* for all);"
                    + " else no_proxy or NO_PROXY");

    /** {@code --ca-bundle}: a PEM file of CA certificates to trust, added to the JDK's. */
    public static final LaunchOption CA_BUNDLE = LaunchOption.value(
            "--ca-bundle",
            HumanitecClient.ENV_CA_BUNDLE,
            null,
            "PEM file of CA certificates to trust for Humanitec, added to the JDK's trust store");

    /** {@code --ca-bundle-only}: trust the CA bundle alone, not the JDK's trust store. */
    public static final LaunchOption CA_BUNDLE_ONLY = LaunchOption.flag(
            "--ca-bundle-only",
            HumanitecClient.ENV_CA_BUNDLE_ONLY,
            "Trust only the --ca-bundle, not the JDK's trust store");

    /** {@code --client-cert}: the client certificate for mutual TLS, PEM or PKCS#12. */
    public static final LaunchOption CLIENT_CERT = LaunchOption.value(
            "--client-cert",
            HumanitecClient.ENV_CLIENT_CERT,
            null,
            "Client certificate for mutual TLS: a PEM chain, or a .p12/.pfx PKCS#12 file");

    /** {@code --client-key}: the PEM client key, when not in the certificate's file. */
    public static final LaunchOption CLIENT_KEY = LaunchOption.value(
            "--client-key",
            HumanitecClient.ENV_CLIENT_KEY,
            null,
            "Unencrypted PKCS#8 PEM key of --client-cert, when not in the same file");

    /** {@code --client-key-password}: the PKCS#12 client certificate's password. */
    public static final LaunchOption CLIENT_KEY_PASSWORD = LaunchOption.secret(
            "--client-key-password", HumanitecClient.ENV_CLIENT_KEY_PASSWORD, "Password of a PKCS#12 --client-cert");

    private static final List<LaunchOption> ALL =
            List.of(PROXY, NO_PROXY, CA_BUNDLE, CA_BUNDLE_ONLY, CLIENT_CERT, CLIENT_KEY, CLIENT_KEY_PASSWORD);

    private NetworkOptions() {}

    /**
     * The options in the order {@code --help} lists them.
     *
     * @return proxy, no-proxy, CA bundle, CA bundle only, client certificate, client key, client key password
     */
    public static List<LaunchOption> all() {
        return ALL;
    }

    /**
     * Applies the options to a client builder: the values given, from the command line or their variables, go in
     * as the SDK's variables on top of the environment, so the builder reads them by its own rules.
     *
     * @param builder the builder
     * @param options the option values
     * @param environment the process environment
     * @return the builder
     */
    static HumanitecClient.Builder apply(
            HumanitecClient.Builder builder, LaunchOptions options, Map<String, String> environment) {
        Map<String, String> merged = new HashMap<>(environment);
        for (LaunchOption option : ALL) {
            String value = options.value(option);
            if (value != null && option.environmentVariable() != null) {
                merged.put(option.environmentVariable(), value);
            }
        }
        return builder.fromEnvironment(merged);
    }

    /**
     * The option a failed setting comes from, so the message names what the user typed.
     *
     * @param invalid the builder's failure
     * @return the message with the option's name in front, or null if no option of this class sets it
     */
    static String explain(InvalidSettingException invalid) {
        for (LaunchOption option : ALL) {
            String variable = option.environmentVariable();
            String setting = invalid.setting();
            if (variable != null && (setting.equals(variable) || setting.startsWith(variable + " "))) {
                return option.name() + " (" + setting + ") " + invalid.problem();
            }
        }
        return null;
    }
}
