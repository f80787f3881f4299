package org.openhumanitec.events.samples.notifier;

import java.util.Objects;
import org.openhumanitec.events.api.errors.HumanitecException;

/** The notifier's webhook could not be found or created at start-up; start-up stops with this as its cause. */
public class WebhookNotEnsuredException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String orgId;
    private final String appId;
    private final HumanitecException apiFailure;

    /**
     * An exception for one webhook.
     *
     * @param orgId the organization
     * @param appId the application
     * @param webhookId the webhook's id
     * @param reason why, such as the API error's message; never a token (the SDK's messages hold none)
     * @param cause the API's exception
     */
    public WebhookNotEnsuredException(
            String orgId, String appId, String webhookId, String reason, HumanitecException cause) {
        super(
                "The webhook '" + webhookId + "' of app '" + appId + "' in org '" + orgId + "' could not be ensured: "
                        + reason,
                Objects.requireNonNull(cause, "cause"));
        this.orgId = orgId;
        this.appId = appId;
        this.apiFailure = cause;
    }

    /**
     * The organization.
     *
     * @return the organization's id
     */
    public String orgId() {
        return orgId;
    }

    /**
     * The application.
     *
     * @return the application's id
     */
    public String appId() {
        return appId;
    }

    /**
     * What Humanitec answered: the cause.
     *
     * @return the API's exception
     */
    public HumanitecException apiFailure() {
        return apiFailure;
    }
}
