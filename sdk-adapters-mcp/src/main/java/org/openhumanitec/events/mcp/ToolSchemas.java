package org.openhumanitec.events.mcp;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON Schemas of the tools. Inputs are strict ({@code additionalProperties: false} at every level, required
 * ids required); outputs describe Humanitec's response schemas as {@code sdk-jackson} writes them, lists wrapped in
 * an object ({@code {"webhooks": [...]}}) because MCP's structured content is an object.
 */
final class ToolSchemas {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** What a null field of a request means, as Humanitec's own clients send it. */
    private static final String NULL_IS_NOT_GIVEN = " null is the same as leaving it out.";

    private ToolSchemas() {}

    /** The input schema of a tool: orgId, appId, jobId and body as the tool takes them, nothing else. */
    static ObjectNode input(HumanitecTool tool) {
        ObjectNode properties = JSON.objectNode();
        List<String> required = new ArrayList<>();
        properties.set("orgId", id("The organization id, such as my-org."));
        required.add("orgId");
        if (tool.takesAppId()) {
            properties.set("appId", id("The application id, such as my-app."));
            required.add("appId");
        }
        if (tool.takesJobId()) {
            properties.set("jobId", id("The webhook's id (a webhook is a kind of job)."));
            required.add("jobId");
        }
        if (tool.takesBody()) {
            properties.set("body", webhookRequest(tool == HumanitecTool.UPDATE_WEBHOOK));
            required.add("body");
        }
        return strictObject(properties, required);
    }

    /** The output schema of a tool: the object its structured content is. */
    static ObjectNode output(HumanitecTool tool) {
        return switch (tool) {
            case DELETE_ALL_JOBS -> deletion(false);
            case LIST_WEBHOOKS -> wrapper("webhooks", webhook());
            case CREATE_WEBHOOK, GET_WEBHOOK -> webhook();
            case DELETE_WEBHOOK -> deletion(true);
            case UPDATE_WEBHOOK -> updatedWebhook();
            case LIST_EVENTS -> wrapper("events", event());
        };
    }

    private static ObjectNode id(String description) {
        return JSON.objectNode()
                .put("type", "string")
                .put("minLength", 1)
                .put("pattern", "\\S")
                .put("description", description + " Not blank.");
    }

    /** Humanitec's WebhookRequest: no field required (Humanitec answers 400 for what it misses), none unknown. */
    private static ObjectNode webhookRequest(boolean update) {
        ObjectNode properties = JSON.objectNode();
        properties.set(
                "id",
                JSON.objectNode()
                        .put("type", "string")
                        .put("minLength", 1)
                        .put(
                                "description",
                                update
                                        ? "The webhook's id; if given, the same as jobId."
                                        : "The webhook's id, unique within the organization, such as"
                                                + " deploy-notifier."));
        properties.set(
                "url",
                (update ? nullable("string") : typed("string"))
                        .put(
                                "description",
                                "The HTTPS URL Humanitec calls, such as https://hooks.example.com/humanitec."
                                        + NULL_IS_NOT_GIVEN));
        properties.set(
                "disabled",
                nullable("boolean").put("description", "Whether the webhook is disabled." + NULL_IS_NOT_GIVEN));
        properties.set(
                "headers",
                nullable("object")
                        .put(
                                "description",
                                "HTTP headers Humanitec sends, as a JSON object (may hold secrets)."
                                        + NULL_IS_NOT_GIVEN));
        properties.set(
                "payload",
                nullable("object")
                        .put(
                                "description",
                                "The JSON body Humanitec sends; strings may use ${name} placeholders of the event"
                                        + " (see list-events)."
                                        + NULL_IS_NOT_GIVEN));
        ObjectNode triggers = JSON.objectNode().put("type", "array").put("description", "The events that fire it.");
        triggers.set("items", trigger(true));
        properties.set("triggers", triggers);
        ObjectNode body = strictObject(properties, List.of());
        body.put(
                "description",
                update
                        ? "The fields to change; the fields left out are kept."
                        : "The webhook to create. Humanitec expects at least id and url; no triggers means all.");
        return body;
    }

    private static ObjectNode trigger(boolean strict) {
        ObjectNode properties = JSON.objectNode();
        properties.set(
                "scope",
                JSON.objectNode().put("type", "string").put("description", "Such as deployment or environment."));
        properties.set(
                "type",
                JSON.objectNode()
                        .put("type", "string")
                        .put("description", "Such as started, finished, created, deleted."));
        if (strict) {
            ((ObjectNode) properties.get("scope")).put("minLength", 1);
            ((ObjectNode) properties.get("type")).put("minLength", 1);
            return strictObject(properties, List.of("scope", "type"));
        }
        return object(properties, List.of("scope", "type"));
    }

    private static ObjectNode webhook() {
        ObjectNode properties = webhookFields();
        properties.set("id", JSON.objectNode().put("type", "string"));
        properties.set("created_at", JSON.objectNode().put("type", "string").put("description", "ISO 8601, UTC."));
        properties.set("created_by", JSON.objectNode().put("type", "string"));
        ObjectNode triggers = JSON.objectNode().put("type", "array");
        triggers.set("items", trigger(false));
        properties.set("triggers", triggers);
        return object(properties, List.of("id", "url", "disabled", "headers", "payload", "triggers"));
    }

    private static ObjectNode updatedWebhook() {
        ObjectNode properties = webhookFields();
        ObjectNode triggers = typed("array");
        triggers.set("items", trigger(false));
        properties.set("triggers", nullable(triggers));
        return object(properties, List.of("url", "disabled", "headers", "payload", "triggers"));
    }

    private static ObjectNode webhookFields() {
        ObjectNode properties = JSON.objectNode();
        properties.set("url", nullable("string"));
        properties.set("disabled", nullable("boolean"));
        properties.set("headers", JSON.objectNode().put("type", "object"));
        properties.set("payload", JSON.objectNode().put("type", "object"));
        return properties;
    }

    private static ObjectNode event() {
        ObjectNode properties = JSON.objectNode();
        properties.set("scope", JSON.objectNode().put("type", "string"));
        properties.set("type", JSON.objectNode().put("type", "string"));
        ObjectNode placeholders = JSON.objectNode()
                .put("type", "array")
                .put("description", "The ${name} placeholders a webhook payload may use for this event.");
        placeholders.set("items", JSON.objectNode().put("type", "string"));
        properties.set("properties", placeholders);
        return object(properties, List.of("scope", "type", "properties"));
    }

    private static ObjectNode wrapper(String field, ObjectNode item) {
        ObjectNode list = JSON.objectNode().put("type", "array");
        list.set("items", item);
        ObjectNode properties = JSON.objectNode();
        properties.set(field, list);
        return object(properties, List.of(field));
    }

    private static ObjectNode deletion(boolean webhook) {
        ObjectNode properties = JSON.objectNode();
        properties.set("deleted", JSON.objectNode().put("const", true));
        properties.set("orgId", JSON.objectNode().put("type", "string"));
        properties.set("appId", JSON.objectNode().put("type", "string"));
        if (webhook) {
            properties.set("jobId", JSON.objectNode().put("type", "string"));
            return object(properties, List.of("deleted", "orgId", "appId", "jobId"));
        }
        properties.set(
                "scope",
                JSON.objectNode().put("const", "all-jobs").put("description", "Every job of the app was deleted."));
        return object(properties, List.of("deleted", "orgId", "appId", "scope"));
    }

    private static ObjectNode typed(String type) {
        return JSON.objectNode().put("type", type);
    }

    /**
     * A value of one type, or {@code null}: {@code anyOf} two single-type schemas, never a type array, which schema
     * dialects allowing one type per field (OpenAPI 3.0 style, as some MCP clients use) reject.
     */
    private static ObjectNode nullable(String type) {
        return nullable(typed(type));
    }

    private static ObjectNode nullable(ObjectNode schema) {
        ObjectNode node = JSON.objectNode();
        node.putArray("anyOf").add(schema).add(typed("null"));
        return node;
    }

    private static ObjectNode object(ObjectNode properties, List<String> required) {
        ObjectNode node = JSON.objectNode().put("type", "object");
        node.set("properties", properties);
        if (!required.isEmpty()) {
            node.set(
                    "required",
                    JSON.arrayNode()
                            .addAll(required.stream().map(JSON::textNode).toList()));
        }
        return node;
    }

    private static ObjectNode strictObject(ObjectNode properties, List<String> required) {
        return object(properties, required).put("additionalProperties", false);
    }
}
