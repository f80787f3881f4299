package org.openhumanitec.events.feign;

/** Realistic bodies, shaped by the schemas of Humanitec's OpenAPI document. */
final class Fixtures {

    static final String TOKEN = "hum-token-7Hq2xK9pLm4Rz8Vw";
    static final String ORG = "acme-corp";
    static final String APP = "billing-api";
    static final String JOB = "deploy-notifier";
    static final String HOOK_SECRET = "hook-secret-b7d1e0";

    /** A {@code WebhookResponse} with every field. */
    static final String WEBHOOK = """
            {
              "id": "deploy-notifier",
              "url": "https://hooks.example.com/humanitec",
              "disabled": false,
              "headers": {"X-Hook-Token": "hook-secret-b7d1e0"},
              "payload": {"event": "${event}", "app_id": "${app_id}", "env_id": "${env_id}"},
              "triggers": [{"scope": "deployment", "type": "finished"}],
              "created_at": "2020-06-22T09:37:23.523Z",
              "created_by": "a1b2c3d4-0000-4000-8000-123456789abc"
            }""";

    /**
     * A {@code WebhookResponse} whose nullable fields are null, without the optional ones, and with a field the
     * schema does not know.
     */
    static final String WEBHOOK_WITH_NULLS = """
            {
              "id": "paused-hook",
              "url": null,
              "disabled": null,
              "headers": {},
              "payload": {},
              "triggers": [{"scope": "environment", "type": "created"}],
              "retry_count": 3
            }""";

    /** A {@code WebhookUpdateResponse} with null triggers. */
    static final String UPDATED_WEBHOOK = """
            {
              "url": "https://hooks.example.com/humanitec-v2",
              "disabled": true,
              "headers": {"X-Hook-Token": "hook-secret-b7d1e0"},
              "payload": {"event": "${event}"},
              "triggers": null
            }""";

    /** An array of {@code EventResponse}. */
    static final String EVENTS = """
            [
              {"scope": "environment", "type": "created",
               "properties": ["event", "org_id", "triggered_at", "triggered_by", "app_id", "env_id", "name", "type"]},
              {"scope": "deployment", "type": "finished",
               "properties": ["event", "org_id", "app_id", "env_id", "deploy_id", "status"]}
            ]""";

    /** A {@code HumanitecErrorResponse} with details. */
    static final String ERROR = """
            {"error": "API-000", "message": "Could not validate token.", "details": {"field": "url"}}""";

    static final String HTML_502 =
            "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>";

    private Fixtures() {}
}
