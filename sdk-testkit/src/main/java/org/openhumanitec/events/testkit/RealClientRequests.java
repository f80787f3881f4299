package org.openhumanitec.events.testkit;

/**
 * Request bodies exactly as Humanitec's own clients build them, for tests that check a face or an implementation
 * reads them as Humanitec does. Each is what Go's {@code encoding/json} makes of the request the named source file
 * builds: fields in the order of the struct, {@code null} for a nil pointer or map without {@code omitempty}.
 * {@code docs/sandbox.md} says what Humanitec does with each.
 */
public final class RealClientRequests {

    /**
     * Create, from the Terraform provider's {@code basic} acceptance test: no payload configured, so the provider
     * sends {@code "payload": null}; {@code headers} and {@code disabled} get the schema's defaults.
     * Source: humanitec/terraform-provider-humanitec, {@code internal/provider/resource_webhook.go}
     * ({@code toWebhookRequest}, {@code mapToJSONFieldRequest}) with the configuration of
     * {@code internal/provider/resource_webhook_test.go} ({@code testAccResourceWebhook}).
     */
    public static final String TERRAFORM_BASIC_CREATE = """
            {"disabled":false,"headers":{},"id":"my-hook","payload":null,\
            "triggers":[{"scope":"environment","type":"created"}],"url":"https://example.com"}""";

    /**
     * Update ({@code PATCH}), from the same test's second step: the whole object again, with a new URL and still
     * {@code "payload": null}. Source: as {@link #TERRAFORM_BASIC_CREATE}, {@code ResourceWebhook.Update}.
     */
    public static final String TERRAFORM_BASIC_UPDATE = """
            {"disabled":false,"headers":{},"id":"my-hook","payload":null,\
            "triggers":[{"scope":"environment","type":"created"}],"url":"https://example2.com"}""";

    /**
     * Create, from the Terraform provider's {@code full} acceptance test. Source:
     * humanitec/terraform-provider-humanitec, {@code internal/provider/resource_webhook.go} with the configuration
     * of {@code internal/provider/resource_webhook_test.go} ({@code testAccResourceWebhook_Full}).
     */
    public static final String TERRAFORM_FULL_CREATE = """
            {"disabled":true,"headers":{"custom-header":"humanitec"},"id":"my-hook",\
            "payload":{"custom-payload":"humanitec"},"triggers":[{"scope":"environment","type":"created"}],\
            "url":"https://example.com"}""";

    /**
     * Create with Humanitec's Go client, setting {@code Id}, {@code Url} and {@code Triggers}: {@code Disabled} has
     * no {@code omitempty}, so it goes out as {@code null}. Source: humanitec/humanitec-go-autogen,
     * {@code client/client.gen.go} ({@code type WebhookRequest}, {@code NewPostOrgsOrgIdAppsAppIdWebhooksRequest}).
     */
    public static final String GO_CLIENT_CREATE = """
            {"disabled":null,"id":"my-hook","triggers":[{"scope":"deployment","type":"finished"}],\
            "url":"https://example.com"}""";

    /**
     * Update with Humanitec's Go client, setting only {@code Disabled}: {@code Url} has no {@code omitempty}, so it
     * goes out as {@code null}. Source: humanitec/humanitec-go-autogen, {@code client/client.gen.go}
     * ({@code type WebhookRequest}, {@code NewPatchOrgsOrgIdAppsAppIdWebhooksJobIdRequest}).
     */
    public static final String GO_CLIENT_DISABLE = """
            {"disabled":true,"url":null}""";

    /**
     * Update with Humanitec's Go client, setting only {@code Url}: {@code Disabled} goes out as {@code null}.
     * Source: as {@link #GO_CLIENT_DISABLE}.
     */
    public static final String GO_CLIENT_NEW_URL = """
            {"disabled":null,"url":"https://example2.com"}""";

    private RealClientRequests() {}
}
