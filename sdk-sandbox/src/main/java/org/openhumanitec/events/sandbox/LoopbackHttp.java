package org.openhumanitec.events.sandbox;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The one exception the sandbox makes to Humanitec's HTTPS-only URLs: plain {@code http://} to this machine's
 * loopback ({@code localhost}, {@code 127.x.x.x}, {@code [::1]}), so that a test can receive deliveries on a local
 * server without a certificate. Humanitec itself could never reach such a URL.
 */
final class LoopbackHttp {

    private LoopbackHttp() {}

    /**
     * Whether a URL is {@code http://} to a loopback host.
     *
     * @param url the URL as given
     * @return true for {@code http://127.0.0.1:8080/hook}, {@code http://localhost/x}, {@code http://[::1]:9/}
     */
    static boolean isLoopbackHttp(String url) {
        if (!url.startsWith("http://")) {
            return false;
        }
        try {
            String host = new URI(url).getHost();
            if (host == null) {
                return false;
            }
            host = host.toLowerCase(Locale.ROOT);
            return host.equals("localhost") || host.equals("[::1]") || host.matches("127(\\.\\d{1,3}){3}");
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
