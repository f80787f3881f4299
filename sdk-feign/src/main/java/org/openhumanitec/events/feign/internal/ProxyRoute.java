package org.openhumanitec.events.feign.internal;

/**
 * How the transport reaches the base URL's host, decided once when the client is built (it talks to that one
 * host): through an HTTP proxy, or directly because {@code NO_PROXY} names the host. Credentials are never shown.
 *
 * @param host the proxy's host, or null to connect directly
 * @param port the proxy's port
 * @param username the proxy user, or null for none
 * @param password the proxy password, or null for none
 */
public record ProxyRoute(String host, int port, String username, String password) {

    /** Connect directly, whatever the library would otherwise pick up from the JVM's settings. */
    public static final ProxyRoute DIRECT = new ProxyRoute(null, 0, null, null);

    /**
     * Whether there is no proxy.
     *
     * @return true for {@link #DIRECT}
     */
    public boolean direct() {
        return host == null;
    }

    /**
     * Whether the proxy wants credentials.
     *
     * @return true when a user name is set
     */
    public boolean hasCredentials() {
        return username != null;
    }

    /** Shows the proxy's address, never its credentials. */
    @Override
    public String toString() {
        return direct()
                ? "ProxyRoute[direct]"
                : "ProxyRoute[" + host + ":" + port + (hasCredentials() ? ", credentials" : "") + "]";
    }
}
