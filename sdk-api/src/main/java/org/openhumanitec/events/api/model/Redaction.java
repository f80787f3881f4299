package org.openhumanitec.events.api.model;

import java.util.Map;

/** How values that may hold secrets appear in {@code toString()}: structure yes, content no. */
final class Redaction {

    static final String REDACTED = "<redacted>";

    private Redaction() {}

    /** The keys of a JSON object with every value hidden, for example {@code {Authorization=<redacted>}}. */
    static String keysOnly(Map<String, ?> object) {
        if (object == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("{");
        for (String key : object.keySet()) {
            if (out.length() > 1) {
                out.append(", ");
            }
            out.append(key).append('=').append(REDACTED);
        }
        return out.append('}').toString();
    }

    /**
     * A URL up to its host and port, for example {@code https://hooks.example.com/<redacted>}: webhook URLs often
     * carry a secret in their path or query.
     */
    static String url(String url) {
        if (url == null) {
            return "null";
        }
        int schemeEnd = url.indexOf("://");
        int hostStart = schemeEnd < 0 ? 0 : schemeEnd + 3;
        int hostEnd = hostStart;
        while (hostEnd < url.length() && "/?#".indexOf(url.charAt(hostEnd)) < 0) {
            hostEnd++;
        }
        String origin = url.substring(0, hostEnd);
        int userInfo = origin.lastIndexOf('@');
        if (userInfo >= hostStart) {
            origin = origin.substring(0, hostStart) + REDACTED + origin.substring(userInfo);
        }
        return hostEnd == url.length() ? origin : origin + "/" + REDACTED;
    }
}
