package org.openhumanitec.events.samples.notifier;

import org.openhumanitec.events.api.errors.ConflictException;
import org.openhumanitec.events.api.errors.ForbiddenException;
import org.openhumanitec.events.api.errors.HumanitecException;
import org.openhumanitec.events.api.errors.NotFoundException;
import org.openhumanitec.events.api.errors.UnauthorizedException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Start-up stopped because the webhook could not be ensured: says what Humanitec answered and which setting to
 * look at. Registered in {@code META-INF/spring.factories}, Spring Boot's seam for failure analyzers.
 */
class WebhookNotEnsuredFailureAnalyzer extends AbstractFailureAnalyzer<WebhookNotEnsuredException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, WebhookNotEnsuredException cause) {
        return new FailureAnalysis(cause.getMessage(), action(cause), cause);
    }

    private static String action(WebhookNotEnsuredException failure) {
        HumanitecException answer = failure.apiFailure();
        if (answer instanceof UnauthorizedException) {
            return "Set humanitec.api-key (or the HUMANITEC_API_KEY environment variable) to a valid Humanitec API"
                    + " token.";
        }
        if (answer instanceof ForbiddenException) {
            return "Give the token's user the right to manage the webhooks of app '" + failure.appId() + "' in org '"
                    + failure.orgId() + "'.";
        }
        if (answer instanceof ConflictException) {
            return "Choose another notifier.webhook.id: webhook ids are unique within the whole organization.";
        }
        if (answer instanceof NotFoundException) {
            return "Check notifier.org-id and notifier.app-id: Humanitec does not know the app.";
        }
        return "Check humanitec.base-url, or start again once Humanitec answers.";
    }
}
