package org.openhumanitec.events.feign;

import feign.Client;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.openhumanitec.events.feign.internal.HttpSettings;
import org.openhumanitec.events.feign.internal.HumanitecHttp;

/**
 * How requests travel: the HTTP library under Feign. {@link #okHttp()} is the default and always available;
 * {@link #jdkHttpClient()} and {@link #apacheHttpClient5()} need their Feign module on the classpath (see each
 * method), and {@link HumanitecClient.Builder#build()} fails with a message naming the artifact when it is
 * missing. {@link #custom(Client)} takes any Feign {@link Client}.
 *
 * <p>For the transports it builds, the client sets the connect and read timeouts, turns redirects off, turns the
 * library's own retries off (the client's retry layer is the only one), and releases the connection pool when
 * the client is closed. They install the company-network settings (proxy, CA bundle, client certificate) through
 * each library's own configuration, except proxy credentials on {@link #jdkHttpClient()}; a
 * {@link #custom(Client)} transport takes none of them. The builder fails naming a setting the transport cannot
 * honour.
 */
public final class Transport {

    private static final Transport OK_HTTP = new Transport(
            "OkHttp",
            "okHttp()",
            "org.openhumanitec.events.feign.internal.OkHttpTransport",
            List.of(
                    new Requirement("feign.okhttp.OkHttpClient", "io.github.openfeign:feign-okhttp", true),
                    new Requirement("okhttp3.OkHttpClient", "com.squareup.okhttp3:okhttp", false)),
            true,
            null);

    private static final Transport JDK_HTTP_CLIENT = new Transport(
            "JDK HttpClient",
            "jdkHttpClient()",
            "org.openhumanitec.events.feign.internal.JdkHttpTransport",
            List.of(new Requirement("feign.http2client.Http2Client", "io.github.openfeign:feign-java11", true)),
            false,
            null);

    private static final Transport APACHE_HTTP_CLIENT_5 = new Transport(
            "Apache HttpClient 5",
            "apacheHttpClient5()",
            "org.openhumanitec.events.feign.internal.ApacheHttp5Transport",
            List.of(
                    new Requirement("feign.hc5.ApacheHttp5Client", "io.github.openfeign:feign-hc5", true),
                    new Requirement(
                            "org.apache.hc.client5.http.impl.classic.HttpClients",
                            "org.apache.httpcomponents.client5:httpclient5",
                            false)),
            true,
            null);

    /** How {@link #requireSupport} recognizes proxy credentials: the proxy's setting followed by this. */
    static final String PROXY_CREDENTIALS = "credentials";

    private final String name;
    private final String factoryMethod;
    private final String factoryClass;
    private final List<Requirement> requirements;
    private final boolean sendsProxyCredentials;
    private final Client custom;

    private Transport(
            String name,
            String factoryMethod,
            String factoryClass,
            List<Requirement> requirements,
            boolean sendsProxyCredentials,
            Client custom) {
        this.name = name;
        this.factoryMethod = factoryMethod;
        this.factoryClass = factoryClass;
        this.requirements = requirements;
        this.sendsProxyCredentials = sendsProxyCredentials;
        this.custom = custom;
    }

    /**
     * OkHttp (feign-okhttp), the default: a dependency of this SDK, so always available.
     *
     * @return the OkHttp transport
     */
    public static Transport okHttp() {
        return OK_HTTP;
    }

    /**
     * The JDK's {@code java.net.http.HttpClient} (feign-java11). Add {@code io.github.openfeign:feign-java11}, in
     * the Feign version this SDK uses, as a dependency.
     *
     * @return the JDK HttpClient transport
     */
    public static Transport jdkHttpClient() {
        return JDK_HTTP_CLIENT;
    }

    /**
     * Apache HttpClient 5 (feign-hc5). Add {@code io.github.openfeign:feign-hc5}, in the Feign version this SDK
     * uses, as a dependency; it brings {@code httpclient5}.
     *
     * @return the Apache HttpClient 5 transport
     */
    public static Transport apacheHttpClient5() {
        return APACHE_HTTP_CLIENT_5;
    }

    /**
     * Any Feign client, used as it is. The client passes it the connect and read timeouts with every request, but
     * cannot turn off the client's own retries or redirects, nor close it: that stays with the caller.
     *
     * @param client the Feign client
     * @return a transport over it
     */
    public static Transport custom(Client client) {
        Objects.requireNonNull(client, "client must not be null");
        return new Transport(
                "custom(" + client.getClass().getName() + ")", "custom(...)", null, List.of(), false, client);
    }

    /**
     * Checks that this transport can honour a company-network setting in effect: {@link #custom(Client)} honours
     * none (the client passed in is configured by its owner), {@link #jdkHttpClient()} no proxy credentials.
     *
     * @param setting the setting or environment variable, for example {@code caBundle}, {@code HTTPS_PROXY} or
     *     {@code proxy credentials}
     * @throws InvalidSettingException naming the setting and the transport otherwise
     */
    void requireSupport(String setting) {
        if (custom != null) {
            throw new InvalidSettingException(
                    setting,
                    "cannot be applied to Transport.custom(...): configure the feign.Client you pass in instead");
        }
        if (!sendsProxyCredentials && setting.endsWith(PROXY_CREDENTIALS)) {
            throw new InvalidSettingException(
                    setting,
                    "cannot be sent by Transport." + factoryMethod + ": the JDK's HttpClient forbids Basic"
                            + " credentials on the CONNECT tunnel to an https host by default"
                            + " (jdk.http.auth.tunneling.disabledSchemes); use Transport.okHttp() or"
                            + " Transport.apacheHttpClient5()");
        }
    }

    /**
     * How metrics name this transport: its factory method's name, {@code okHttp}, {@code jdkHttpClient},
     * {@code apacheHttpClient5} or {@code custom}.
     *
     * @return the tag value
     */
    String metricTag() {
        return factoryMethod.substring(0, factoryMethod.indexOf('('));
    }

    /**
     * Opens the client's HTTP stack over this transport, after checking its libraries are present.
     *
     * @param settings the checked settings
     * @param isPresent tells whether a class can be loaded (replaceable in tests)
     * @return the HTTP stack
     * @throws IllegalStateException naming the artifact to add when a library is missing
     */
    HumanitecHttp open(HttpSettings settings, Predicate<String> isPresent) {
        for (Requirement requirement : requirements) {
            if (!isPresent.test(requirement.className)) {
                throw new IllegalStateException("Transport." + factoryMethod + " needs " + requirement.artifact
                        + " on the classpath (add it as a dependency"
                        + (requirement.feignModule ? ", version " + HumanitecHttp.FEIGN_VERSION : "") + ")");
            }
        }
        return HumanitecHttp.open(settings, factoryClass, custom);
    }

    /**
     * Whether a class can be loaded, without initializing it.
     *
     * @param className the class's binary name
     * @return true if it is on the classpath
     */
    static boolean isOnClasspath(String className) {
        try {
            Class.forName(className, false, Transport.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Returns the transport's name, for example {@code OkHttp}. */
    @Override
    public String toString() {
        return name;
    }

    private record Requirement(String className, String artifact, boolean feignModule) {}
}
