package org.openhumanitec.events.sandbox;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openhumanitec.events.api.model.CreateWebhookRequest;
import org.openhumanitec.events.api.model.Trigger;
import org.openhumanitec.events.api.model.UpdateWebhookRequest;

/**
 * The checks behind a 400. Fields are checked in a fixed order (id, url, triggers) and the first failure is
 * reported, so the same request always gets the same error. Messages never echo a URL: it may carry a secret. A
 * {@code null} is never checked: create and update both read it as a field not given (docs/sandbox.md says why).
 */
final class WebhookRules {

    /** The shape of ids elsewhere in Humanitec's spec: lowercase letters and digits, single inner dashes. */
    static final Pattern ID = Pattern.compile("^[a-z0-9](?:-?[a-z0-9]+)+$");

    /**
     * The longest id: {@value}, the {@code maxLength} of Humanitec's other ids of this shape (organization,
     * application, environment). An id within it fits in every route's path, so get, update and delete reach it.
     */
    static final int ID_MAX_LENGTH = 50;

    /**
     * A URL's scheme (RFC 3986: a letter, then letters, digits, {@code +}, {@code -}, {@code .}, then a colon), told
     * apart from the port of a URL without one ({@code hooks.example.com:8443/x}) by what follows the colon.
     */
    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):(?![0-9]+(?:[/?#]|$))");

    private WebhookRules() {}

    static void checkCreate(CreateWebhookRequest request) {
        if (request.id() == null) {
            throw SandboxErrors.invalid("id", "id is required");
        }
        if (request.id().length() > ID_MAX_LENGTH) {
            throw SandboxErrors.invalid("id", "id must be at most " + ID_MAX_LENGTH + " characters long");
        }
        if (!ID.matcher(request.id()).matches()) {
            throw SandboxErrors.invalid("id", "id must match " + ID.pattern());
        }
        if (request.url() == null) {
            throw SandboxErrors.invalid("url", "url is required");
        }
        checkUrl(request.url());
        if (request.triggers() != null) {
            checkTriggers(request.triggers());
        }
    }

    /** Applies the create rules to the fields the update sets to a value. */
    static void checkUpdate(String jobId, UpdateWebhookRequest request) {
        if (request.id().isSet() && !request.id().value().equals(jobId)) {
            throw SandboxErrors.invalid(
                    "id",
                    "id '" + request.id().value() + "' does not match the webhook id '" + jobId + "' in the path");
        }
        if (request.url().value() != null) {
            checkUrl(request.url().value());
        }
        if (request.triggers().isSet()) {
            checkTriggers(request.triggers().value());
        }
    }

    /** An HTTPS URL with a host, its scheme written out or left out; the host may be internationalised. */
    private static void checkUrl(String url) {
        Matcher scheme = SCHEME.matcher(url);
        boolean schemeWritten = scheme.find();
        if (schemeWritten
                && !scheme.group(1).toLowerCase(Locale.ROOT).equals("https")
                && !LoopbackHttp.isLoopbackHttp(url)) {
            throw SandboxErrors.invalid("url", "url must use HTTPS: start it with https:// or leave the scheme out");
        }
        if (!hasHost(schemeWritten ? url : "https://" + url)) {
            throw SandboxErrors.invalid("url", "url must be a valid absolute URL with a host");
        }
    }

    private static boolean hasHost(String url) {
        try {
            URI uri = new URI(url);
            if (uri.getHost() != null) {
                return true;
            }
            // java.net.URI takes a host of ASCII letters only, and reads any other as a registry-based authority:
            // such a host counts if its ASCII form (IDNA, RFC 3490) is a host.
            String authority = uri.getRawAuthority();
            return authority != null && new URI("https://" + asciiHost(authority) + "/").getHost() != null;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return false;
        }
    }

    /** The authority with its host in ASCII, its user information dropped and its port kept. */
    private static String asciiHost(String authority) {
        String hostAndPort = authority.substring(authority.lastIndexOf('@') + 1);
        int colon = hostAndPort.lastIndexOf(':');
        String host = colon < 0 ? hostAndPort : hostAndPort.substring(0, colon);
        String port = colon < 0 ? "" : hostAndPort.substring(colon);
        return IDN.toASCII(host, IDN.USE_STD3_ASCII_RULES) + port;
    }

    private static void checkTriggers(List<Trigger> triggers) {
        for (int i = 0; i < triggers.size(); i++) {
            Trigger trigger = triggers.get(i);
            checkNotBlank(trigger.scope().value(), "triggers[" + i + "].scope");
            checkNotBlank(trigger.type().value(), "triggers[" + i + "].type");
            if (!EventCatalog.TRIGGERS.contains(trigger)) {
                throw SandboxErrors.invalid(
                        "triggers[" + i + "]",
                        "triggers[" + i + "] must be an event that list-events offers, not "
                                + trigger.scope().value() + "/" + trigger.type().value());
            }
        }
    }

    private static void checkNotBlank(String value, String field) {
        if (value.isBlank()) {
            throw SandboxErrors.invalid(field, field + " must not be blank");
        }
    }
}
