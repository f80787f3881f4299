package org.openhumanitec.events.sandbox;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.regex.Pattern;
import org.openhumanitec.events.api.model.CreateWebhookRequest;
import org.openhumanitec.events.api.model.Trigger;
import org.openhumanitec.events.api.model.UpdateWebhookRequest;

/**
 * The checks behind a 400. Fields are checked in a fixed order (id, url, triggers) and the first failure is
 * reported, so the same request always gets the same error. Messages never echo a URL: it may carry a secret.
 */
final class WebhookRules {

    /** The shape of ids elsewhere in Humanitec's spec: lowercase letters and digits, single inner dashes. */
    static final Pattern ID = Pattern.compile("^[a-z0-9](?:-?[a-z0-9]+)+$");

    /**
     * The longest id: {@value}, the {@code maxLength} of Humanitec's other ids of this shape (organization,
     * application, environment). An id within it fits in every route's path, so get, update and delete reach it.
     */
    static final int ID_MAX_LENGTH = 50;

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
        checkTriggers(request.triggers());
    }

    /** Applies the create rules to the fields the update sets; an explicit null url is allowed and clears it. */
    static void checkUpdate(String jobId, UpdateWebhookRequest request) {
        if (request.id().isSet() && !request.id().value().equals(jobId)) {
            throw SandboxErrors.invalid(
                    "id",
                    "id '" + request.id().value() + "' does not match the webhook id '" + jobId + "' in the path");
        }
        if (request.url().isSet() && request.url().value() != null) {
            checkUrl(request.url().value());
        }
        if (request.triggers().isSet()) {
            checkTriggers(request.triggers().value());
        }
    }

    private static void checkUrl(String url) {
        if (!url.startsWith("https://") && !LoopbackHttp.isLoopbackHttp(url)) {
            throw SandboxErrors.invalid("url", "url must start with https://");
        }
        if (!hasHost(url)) {
            throw SandboxErrors.invalid("url", "url must be a valid absolute URL with a host");
        }
    }

    private static boolean hasHost(String url) {
        try {
            return new URI(url).getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static void checkTriggers(List<Trigger> triggers) {
        if (triggers == null || triggers.isEmpty()) {
            throw SandboxErrors.invalid("triggers", "triggers must hold at least one trigger");
        }
        for (int i = 0; i < triggers.size(); i++) {
            checkNotBlank(triggers.get(i).scope().value(), "triggers[" + i + "].scope");
            checkNotBlank(triggers.get(i).type().value(), "triggers[" + i + "].type");
        }
    }

    private static void checkNotBlank(String value, String field) {
        if (value.isBlank()) {
            throw SandboxErrors.invalid(field, field + " must not be blank");
        }
    }
}
