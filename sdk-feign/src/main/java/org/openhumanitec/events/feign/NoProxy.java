package org.openhumanitec.events.feign;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The hosts reached without the proxy, from a {@code NO_PROXY} list, matched as curl matches them:
 *
 * <ul>
 *   <li>entries are separated by commas (blanks around them are ignored); letters match whatever their case;
 *   <li>{@code *} alone matches every host;
 *   <li>a name matches itself and every name below it: {@code example.com} matches {@code example.com} and
 *       {@code api.example.com}, not {@code myexample.com}; a leading dot ({@code .example.com}) and a trailing
 *       dot change nothing;
 *   <li>an IP address matches that address only when the URL's host is that address written as an address
 *       (names are never resolved): {@code ::1} matches {@code [::1]} and {@code [0:0:0:0:0:0:0:1]};
 *   <li>a CIDR range ({@code 10.0.0.0/8}, {@code fd00::/8}) matches the addresses in it, again only for a host
 *       written as an address.
 * </ul>
 *
 * An entry with a port or any other form is refused, naming the setting it came from.
 */
final class NoProxy {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern NAME =
            Pattern.compile("[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*");

    /** Matches no host. */
    static final NoProxy NONE = new NoProxy("", false, List.of());

    private final String source;
    private final boolean everything;
    private final List<Entry> entries;

    private NoProxy(String source, boolean everything, List<Entry> entries) {
        this.source = source;
        this.everything = everything;
        this.entries = entries;
    }

    /**
     * Reads a list.
     *
     * @param list the comma-separated entries
     * @param setting where it came from, for messages: {@code noProxy}, {@code NO_PROXY} or {@code no_proxy}
     * @return the rules
     * @throws InvalidSettingException naming the setting and the entry it cannot read
     */
    static NoProxy parse(String list, String setting) {
        boolean everything = false;
        List<Entry> entries = new ArrayList<>();
        for (String raw : list.split(",")) {
            String entry = raw.strip().toLowerCase(Locale.ROOT);
            if (entry.isEmpty()) {
                continue;
            }
            if (entry.equals("*")) {
                everything = true;
                continue;
            }
            entries.add(entry(entry, raw.strip(), setting));
        }
        return new NoProxy(list.strip(), everything, List.copyOf(entries));
    }

    /**
     * Whether a host is reached directly.
     *
     * @param host a URL's host as {@link java.net.URI#getHost()} gives it (an IPv6 address in brackets or not)
     * @return true when an entry matches it
     */
    boolean matches(String host) {
        if (everything) {
            return true;
        }
        String name = unbracket(host.toLowerCase(Locale.ROOT));
        while (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        byte[] address = isAddress(name) ? address(name) : null;
        for (Entry entry : entries) {
            if (entry.matches(name, address)) {
                return true;
            }
        }
        return false;
    }

    /** The list as given. */
    @Override
    public String toString() {
        return source;
    }

    private static Entry entry(String entry, String original, String setting) {
        int slash = entry.indexOf('/');
        if (slash >= 0) {
            String base = unbracket(entry.substring(0, slash));
            String bits = entry.substring(slash + 1);
            byte[] network = isAddress(base) ? address(base) : null;
            if (network != null && bits.matches("\\d{1,3}")) {
                int prefix = Integer.parseInt(bits);
                if (prefix <= network.length * 8) {
                    return new Range(network, prefix);
                }
            }
            throw unreadable(original, setting);
        }
        String host = unbracket(entry);
        if (isAddress(host)) {
            byte[] address = address(host);
            if (address == null) {
                throw unreadable(original, setting);
            }
            return new Range(address, address.length * 8);
        }
        while (host.startsWith(".")) {
            host = host.substring(1);
        }
        while (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (!NAME.matcher(host).matches()) {
            throw unreadable(original, setting);
        }
        return new Domain(host);
    }

    private static InvalidSettingException unreadable(String entry, String setting) {
        return new InvalidSettingException(
                setting,
                "entry '" + entry + "' is not a host name, domain, IP address or CIDR range (ports are not supported)");
    }

    private static String unbracket(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static boolean isAddress(String text) {
        return IPV4.matcher(text).matches() || (text.indexOf(':') >= 0 && text.matches("[0-9a-f:.]+"));
    }

    /**
     * The bytes of an address literal, or null if it is not a valid one. {@link InetAddress#getByName} looks up
     * nothing for a valid literal nor for text with a colon; an IPv4-looking text with an octet above 255 is
     * refused before it could be taken for a name.
     */
    private static byte[] address(String literal) {
        if (IPV4.matcher(literal).matches()) {
            for (String octet : literal.split("\\.")) {
                if (Integer.parseInt(octet) > 255) {
                    return null;
                }
            }
        }
        try {
            return InetAddress.getByName(literal).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private interface Entry {
        boolean matches(String name, byte[] address);
    }

    private record Domain(String domain) implements Entry {
        @Override
        public boolean matches(String name, byte[] address) {
            return name.equals(domain) || name.endsWith("." + domain);
        }
    }

    private record Range(byte[] network, int prefix) implements Entry {
        @Override
        public boolean matches(String name, byte[] address) {
            if (address == null || address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[full] & mask) == (network[full] & mask);
        }
    }
}
