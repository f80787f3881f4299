package org.openhumanitec.events.samples.notifier;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The notifier's own settings, {@code notifier.*}: which app of which organization it watches, and the webhook it
 * keeps there. Checked at start-up: a missing or malformed value stops it, naming the property.
 *
 * @param orgId the Humanitec organization
 * @param appId the application whose deployments are notified
 * @param webhook the webhook the notifier ensures in that application
 */
@ConfigurationProperties("notifier")
@Validated
public record NotifierProperties(
        @NotBlank String orgId,
        @NotBlank String appId,
        @NotNull @Valid WebhookSettings webhook) {

    /**
     * The webhook the notifier keeps.
     *
     * @param id the webhook's id, unique within the organization: lowercase letters and digits, single inner dashes,
     *     as Humanitec's ids are
     * @param url the HTTPS URL Humanitec calls when a deployment finishes
     */
    public record WebhookSettings(
            @DefaultValue("deploy-notifier") @Size(max = 50) @Pattern(regexp = "[a-z0-9](?:-?[a-z0-9]+)+")
            String id,

            @NotBlank @Pattern(regexp = "https://[^\\s/?#]+.*", message = "must be an https:// URL with a host")
            String url) {}
}
