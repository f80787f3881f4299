package org.openhumanitec.events.launcher;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * A server listens beyond the loopback interface only when callers must present a token: anyone on the network
 * could otherwise use the Humanitec token the server holds.
 */
public final class BindingRule {

    private BindingRule() {}

    /**
     * Checks a listening address.
     *
     * @param host the address to listen on, for example {@code 127.0.0.1}, {@code localhost} or {@code 0.0.0.0}
     * @param callersAuthenticate whether callers must present a token (an inbound token is configured, or each
     *     caller's own Humanitec token is passed through)
     * @param tokenOption the option that sets the inbound token, named in the message
     * @throws UsageException if the address is not loopback and callers do not authenticate, or if it does not
     *     resolve
     */
    public static void check(String host, boolean callersAuthenticate, LaunchOption tokenOption) {
        if (callersAuthenticate || isLoopback(host)) {
            return;
        }
        throw new UsageException("Refusing to listen on " + host + " without an inbound token: anyone who can reach "
                + "it could act with this server's Humanitec token. Set " + tokenOption.name()
                + (tokenOption.environmentVariable() == null ? "" : " (or " + tokenOption.environmentVariable() + ")")
                + ", or listen on 127.0.0.1.");
    }

    /**
     * Whether every address a host name resolves to is a loopback address.
     *
     * @param host a host name or address
     * @return true for {@code 127.0.0.1}, {@code ::1}, {@code localhost}
     * @throws UsageException if the host does not resolve
     */
    public static boolean isLoopback(String host) {
        try {
            InetAddress[] addresses = InetAddress.getAllByName(host);
            for (InetAddress address : addresses) {
                if (!address.isLoopbackAddress()) {
                    return false;
                }
            }
            return addresses.length > 0;
        } catch (UnknownHostException e) {
            throw new UsageException("Cannot listen on '" + host + "': the name does not resolve.");
        }
    }
}
