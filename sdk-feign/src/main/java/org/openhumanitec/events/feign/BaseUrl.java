package org.openhumanitec.events.feign;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A validated base URL: absolute, {@code http} or {@code https}, with a host, no user information, query or
 * fragment. A path prefix is kept ({@code http://127.0.0.1:8080/v1}) and trailing slashes are dropped.
 *
 * @param value the normalized URL, for example {@code https://api.humanitec.io}
 * @param https whether the scheme is {@code https}
 */
record BaseUrl(String value, boolean https) {

    /**
     * Validates a base URL.
     *
     * @param url the URL
     * @param name where it came from, for messages: {@code baseUrl} or an environment variable's name
     * @return the normalized URL
     * @throws InvalidSettingException naming {@code name} and what is wrong; a URL with user information is not echoed
     */
    static BaseUrl parse(String url, String name) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw notHttp(url, name);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getRawUserInfo() != null) {
            throw new InvalidSettingException(
                    name, "must not contain user information: pass the token with token(...) instead");
        }
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.isOpaque() || uri.getHost() == null) {
            throw notHttp(url, name);
        }
        if (uri.getRawQuery() != null) {
            throw new InvalidSettingException(name, "'" + url + "' must not have a query");
        }
        if (uri.getRawFragment() != null) {
            throw new InvalidSettingException(name, "'" + url + "' must not have a fragment");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        int end = path.length();
        while (end > 0 && path.charAt(end - 1) == '/') {
            end--;
        }
        return new BaseUrl(scheme + "://" + uri.getRawAuthority() + path.substring(0, end), scheme.equals("https"));
    }

    private static InvalidSettingException notHttp(String url, String name) {
        return new InvalidSettingException(
                name, "'" + url + "' is not an absolute http(s) URL with a host, such as https://api.humanitec.io");
    }
}
