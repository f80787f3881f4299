package org.openhumanitec.events.feign;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;

/**
 * An HTTP forward proxy the client reaches Humanitec through: {@code https} requests go through a {@code CONNECT}
 * tunnel, so the proxy sees the host and port but not the traffic. Optionally with Basic credentials for the
 * proxy, which are never shown by {@link #toString()} or in messages.
 *
 * <p>Set it with {@link HumanitecClient.Builder#proxy(HttpProxy)}, or let the client find it in the environment as
 * curl does (see {@link HumanitecClient.Builder#fromEnvironment(java.util.Map)}).
 */
public final class HttpProxy {

    /** The port of a proxy URL that names none: {@value}, as curl assumes. */
    public static final int DEFAULT_PORT = 1080;

    private final String host;
    private final int port;
    private final String username;
    private final String password;

    private HttpProxy(String host, int port, String username, String password) {
        this.host = host;
        this.port = port;
        this.username = username;
        this.password = password;
    }

    /**
     * A proxy without credentials.
     *
     * @param host the proxy's host name or IP address
     * @param port its port, 1 to 65535
     * @return the proxy
     * @throws IllegalArgumentException if the host is blank or the port out of range
     */
    public static HttpProxy of(String host, int port) {
        return of(host, port, "proxy");
    }

    private static HttpProxy of(String host, int port, String setting) {
        Objects.requireNonNull(host, "host must not be null");
        if (host.isBlank()) {
            throw new InvalidSettingException(setting, "host must not be blank");
        }
        if (port < 1 || port > 65535) {
            throw new InvalidSettingException(setting, "port must be from 1 to 65535, was " + port);
        }
        return new HttpProxy(host, port, null, null);
    }

    /**
     * A proxy from a URL as curl takes it: {@code [http://][user:password@]host[:port][/]}. Without a scheme it is
     * {@code http}; without a port, {@value #DEFAULT_PORT}. User and password are percent-decoded. Only HTTP
     * proxies are supported: {@code https://} and {@code socks*://} proxies are refused.
     *
     * @param url the URL
     * @return the proxy
     * @throws InvalidSettingException naming {@code proxy} if the URL is not such a URL; the message never shows
     *     the password
     */
    public static HttpProxy parse(String url) {
        return parse(url, "proxy");
    }

    /**
     * The same proxy with Basic credentials, sent to the proxy only ({@code Proxy-Authorization}): OkHttp sends
     * them with the {@code CONNECT}, Apache HttpClient 5 when the proxy answers 407.
     *
     * @param username the user name
     * @param password the password
     * @return a new proxy value
     */
    public HttpProxy withCredentials(String username, String password) {
        Objects.requireNonNull(username, "username must not be null");
        Objects.requireNonNull(password, "password must not be null");
        return new HttpProxy(host, port, username, password);
    }

    /**
     * The proxy's host.
     *
     * @return the host name or IP address, IPv6 without brackets
     */
    public String host() {
        return host;
    }

    /**
     * The proxy's port.
     *
     * @return 1 to 65535
     */
    public int port() {
        return port;
    }

    /**
     * Whether credentials are set.
     *
     * @return true after {@link #withCredentials} or a URL with user information
     */
    public boolean hasCredentials() {
        return username != null;
    }

    /** The user name, or null. For the transports. */
    String username() {
        return username;
    }

    /** The password, or null. For the transports; never shown. */
    String password() {
        return password;
    }

    static HttpProxy parse(String url, String setting) {
        Objects.requireNonNull(url, setting + " must not be null");
        String text = url.strip();
        String withScheme = text.contains("://") ? text : "http://" + text;
        URI uri;
        try {
            uri = new URI(withScheme);
        } catch (URISyntaxException e) {
            throw new InvalidSettingException(setting, "is not a proxy URL such as http://proxy.example:3128");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http")) {
            throw new InvalidSettingException(
                    setting, "must be an http:// proxy; '" + scheme + "://' proxies are not supported");
        }
        if (uri.getHost() == null) {
            throw new InvalidSettingException(setting, "is not a proxy URL such as http://proxy.example:3128");
        }
        if ((uri.getRawPath() != null
                        && !uri.getRawPath().isEmpty()
                        && !uri.getRawPath().equals("/"))
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            throw new InvalidSettingException(setting, "must not have a path, query or fragment");
        }
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        HttpProxy proxy = of(host, uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort(), setting);
        String userInfo = uri.getRawUserInfo();
        if (userInfo == null) {
            return proxy;
        }
        int colon = userInfo.indexOf(':');
        String user = colon < 0 ? userInfo : userInfo.substring(0, colon);
        String password = colon < 0 ? "" : userInfo.substring(colon + 1);
        return proxy.withCredentials(decode(user), decode(password));
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** Shows the proxy's address and whether credentials are set, never them. */
    @Override
    public String toString() {
        String address = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return "http://" + (username != null ? "<credentials>@" : "") + address + ":" + port;
    }

    /** Equal when host, port and credentials are. */
    @Override
    public boolean equals(Object other) {
        return other instanceof HttpProxy that
                && host.equalsIgnoreCase(that.host)
                && port == that.port
                && Objects.equals(username, that.username)
                && Objects.equals(password, that.password);
    }

    @Override
    public int hashCode() {
        return Objects.hash(host.toLowerCase(Locale.ROOT), port, username, password);
    }
}
