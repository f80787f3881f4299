package org.openhumanitec.events.feign;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openhumanitec.events.feign.internal.ProxyRoute;
import org.openhumanitec.events.feign.internal.TlsContext;

/**
 * The company-network settings of a {@link HumanitecClient.Builder}: proxy, hosts reached without it, CA bundle and
 * client certificate, as set on the builder, else read from the environment. {@link #resolve} turns them into what
 * the transport installs, once per client, and names in its failures the setting or variable to fix.
 */
final class NetworkSettings {

    /** Every environment variable {@link #resolve} reads. */
    static final List<String> VARIABLES = List.of(
            HumanitecClient.ENV_PROXY,
            "https_proxy",
            "HTTPS_PROXY",
            "http_proxy",
            "HTTP_PROXY",
            HumanitecClient.ENV_NO_PROXY,
            "no_proxy",
            "NO_PROXY",
            HumanitecClient.ENV_CA_BUNDLE,
            HumanitecClient.ENV_CA_BUNDLE_ONLY,
            HumanitecClient.ENV_CLIENT_CERT,
            HumanitecClient.ENV_CLIENT_KEY,
            HumanitecClient.ENV_CLIENT_KEY_PASSWORD);

    HttpProxy proxy;
    String noProxy;
    Path caBundle;
    boolean caBundleOnly;
    ClientCertificate clientCertificate;

    /**
     * What the transport is built with.
     *
     * @param proxy the proxy route, or null to leave the transport's default
     * @param tls the TLS set-up, or null for the JDK's defaults
     * @param description the settings in effect for {@code toString()}, empty when none; never a secret
     */
    record Resolved(ProxyRoute proxy, TlsContext tls, String description) {}

    /**
     * Decides the proxy route to the base URL's host and loads the TLS files.
     *
     * @param environment the variables {@link HumanitecClient.Builder#fromEnvironment} kept
     * @param baseUrl the checked base URL
     * @param transport the transport, which must support what is in effect
     * @return what the transport is built with
     * @throws InvalidSettingException naming the setting or variable that is wrong or that the transport cannot
     *     honour
     */
    Resolved resolve(Map<String, String> environment, BaseUrl baseUrl, Transport transport) {
        StringBuilder description = new StringBuilder();
        ProxyRoute route = route(environment, baseUrl, transport, description);
        Path bundle = caBundle;
        String bundleSetting = "caBundle";
        boolean only = caBundleOnly;
        if (bundle == null && environment.containsKey(HumanitecClient.ENV_CA_BUNDLE)) {
            bundle = Path.of(environment.get(HumanitecClient.ENV_CA_BUNDLE));
            bundleSetting = HumanitecClient.ENV_CA_BUNDLE;
            only = switchValue(environment, HumanitecClient.ENV_CA_BUNDLE_ONLY);
        } else if (bundle == null && switchValue(environment, HumanitecClient.ENV_CA_BUNDLE_ONLY)) {
            throw new InvalidSettingException(
                    HumanitecClient.ENV_CA_BUNDLE_ONLY,
                    "needs " + HumanitecClient.ENV_CA_BUNDLE + " to name the bundle");
        }
        ClientCertificate certificate = clientCertificate;
        String certificateSetting = "clientCertificate";
        if (certificate == null && environment.containsKey(HumanitecClient.ENV_CLIENT_CERT)) {
            certificate = fromEnvironment(environment);
            certificateSetting = HumanitecClient.ENV_CLIENT_CERT;
        } else if (certificate == null) {
            for (String part : List.of(HumanitecClient.ENV_CLIENT_KEY, HumanitecClient.ENV_CLIENT_KEY_PASSWORD)) {
                if (environment.containsKey(part)) {
                    throw new InvalidSettingException(
                            part, "needs " + HumanitecClient.ENV_CLIENT_CERT + " to name the client certificate");
                }
            }
        }
        if (bundle == null && certificate == null) {
            return new Resolved(route, null, description.toString());
        }
        if (bundle != null) {
            transport.requireSupport(bundleSetting);
            description.append(", caBundle=").append(bundle).append(only ? " (only)" : " (added to the JDK's)");
        }
        if (certificate != null) {
            transport.requireSupport(certificateSetting);
            description.append(", clientCertificate=").append(certificate);
        }
        return new Resolved(
                route,
                TlsFiles.load(bundle, bundleSetting, only, certificate, certificateSetting),
                description.toString());
    }

    private ProxyRoute route(
            Map<String, String> environment, BaseUrl baseUrl, Transport transport, StringBuilder description) {
        HttpProxy chosen = proxy;
        String proxySetting = "proxy";
        if (chosen == null) {
            List<String> names = baseUrl.https()
                    ? List.of(HumanitecClient.ENV_PROXY, "https_proxy", "HTTPS_PROXY")
                    : List.of(HumanitecClient.ENV_PROXY, "http_proxy", "HTTP_PROXY");
            for (String name : names) {
                if (environment.containsKey(name)) {
                    chosen = HttpProxy.parse(environment.get(name), name);
                    proxySetting = name;
                    break;
                }
            }
        }
        if (chosen == null) {
            return null;
        }
        NoProxy bypass = noProxy != null ? NoProxy.parse(noProxy, "noProxy") : NoProxy.NONE;
        if (noProxy == null) {
            for (String name : List.of(HumanitecClient.ENV_NO_PROXY, "no_proxy", "NO_PROXY")) {
                if (environment.containsKey(name)) {
                    bypass = NoProxy.parse(environment.get(name), name);
                    break;
                }
            }
        }
        if (bypass.matches(URI.create(baseUrl.value()).getHost())) {
            description.append(", proxy=none (").append(bypass).append(')');
            return ProxyRoute.DIRECT;
        }
        transport.requireSupport(proxySetting);
        if (chosen.hasCredentials()) {
            transport.requireSupport(proxySetting + " " + Transport.PROXY_CREDENTIALS);
        }
        description.append(", proxy=").append(chosen);
        return new ProxyRoute(chosen.host(), chosen.port(), chosen.username(), chosen.password());
    }

    /**
     * The client certificate the environment names: a {@code .p12} or {@code .pfx} file is PKCS#12 (password from
     * {@value HumanitecClient#ENV_CLIENT_KEY_PASSWORD}); any other is PEM, its key in
     * {@value HumanitecClient#ENV_CLIENT_KEY} or else in the same file.
     */
    private static ClientCertificate fromEnvironment(Map<String, String> environment) {
        Path file = Path.of(environment.get(HumanitecClient.ENV_CLIENT_CERT));
        String name =
                file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".p12") || name.endsWith(".pfx")) {
            return ClientCertificate.pkcs12(
                    file, environment.getOrDefault(HumanitecClient.ENV_CLIENT_KEY_PASSWORD, ""));
        }
        String key = environment.get(HumanitecClient.ENV_CLIENT_KEY);
        return ClientCertificate.pem(file, key == null ? file : Path.of(key));
    }

    private static boolean switchValue(Map<String, String> environment, String name) {
        String value = environment.get(name);
        if (value == null) {
            return false;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw new InvalidSettingException(name, "must be true or false");
        };
    }

    /** The settings made on the builder, for its {@code toString()}; never a secret. */
    String describeExplicit() {
        StringBuilder out = new StringBuilder();
        if (proxy != null) {
            out.append(", proxy=").append(proxy);
        }
        if (noProxy != null) {
            out.append(", noProxy=").append(noProxy);
        }
        if (caBundle != null) {
            out.append(", caBundle=").append(caBundle).append(caBundleOnly ? " (only)" : " (added to the JDK's)");
        }
        if (clientCertificate != null) {
            out.append(", clientCertificate=").append(clientCertificate);
        }
        return out.toString();
    }
}
