package org.openhumanitec.events.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.openhumanitec.events.api.PathIds;
import org.openhumanitec.events.api.model.CreateWebhookRequest;
import org.openhumanitec.events.api.model.UpdateWebhookRequest;
import org.openhumanitec.events.jackson.HumanitecJson;

/**
 * The checked arguments of one tool call. The SDK already checks them against the input schema; this checks them
 * again, so that {@link HumanitecMcpTools#call} is safe on its own: ids as {@link PathIds} wants them, no unknown
 * argument, and the body read by {@code sdk-jackson} into the {@code sdk-api} request records (an update keeps a
 * field left out apart from one sent as {@code null}).
 *
 * @param orgId the organization id
 * @param appId the application id, or null for a tool that takes none
 * @param jobId the webhook id, or null for a tool that takes none
 * @param create the body of create-new-webhook, else null
 * @param update the body of update-webhook, else null
 */
record ToolArguments(
        String orgId, String appId, String jobId, CreateWebhookRequest create, UpdateWebhookRequest update) {

    private static final ObjectMapper MAPPER = HumanitecJson.newMapper();
    private static final ObjectReader CREATE_READER = MAPPER.readerFor(CreateWebhookRequest.class);
    private static final ObjectReader UPDATE_READER = MAPPER.readerFor(UpdateWebhookRequest.class);
    private static final Set<String> BODY_FIELDS = Set.of("id", "url", "disabled", "headers", "payload", "triggers");

    /** The arguments are not what the tool takes; the message names the argument or field. */
    static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    /** Reads and checks the arguments of a call. */
    static ToolArguments read(HumanitecTool tool, Map<String, Object> arguments) throws Invalid {
        Map<String, Object> given = arguments == null ? Map.of() : arguments;
        Set<String> known = new LinkedHashSet<>();
        known.add("orgId");
        if (tool.takesAppId()) {
            known.add("appId");
        }
        if (tool.takesJobId()) {
            known.add("jobId");
        }
        if (tool.takesBody()) {
            known.add("body");
        }
        for (String name : given.keySet()) {
            if (!known.contains(name)) {
                throw new Invalid("unknown argument '" + name + "': " + tool.toolName() + " takes " + known);
            }
        }
        String orgId = id(given, "orgId");
        String appId = tool.takesAppId() ? id(given, "appId") : null;
        String jobId = tool.takesJobId() ? id(given, "jobId") : null;
        CreateWebhookRequest create =
                tool == HumanitecTool.CREATE_WEBHOOK ? body(given, CREATE_READER, CreateWebhookRequest.class) : null;
        UpdateWebhookRequest update =
                tool == HumanitecTool.UPDATE_WEBHOOK ? body(given, UPDATE_READER, UpdateWebhookRequest.class) : null;
        return new ToolArguments(orgId, appId, jobId, create, update);
    }

    private static String id(Map<String, Object> arguments, String name) throws Invalid {
        Object value = arguments.get(name);
        if (value == null) {
            throw new Invalid(name + " is required");
        }
        if (!(value instanceof String text)) {
            throw new Invalid(name + " must be a string");
        }
        try {
            return PathIds.require(text, name);
        } catch (IllegalArgumentException e) {
            throw new Invalid(e.getMessage());
        }
    }

    private static <T> T body(Map<String, Object> arguments, ObjectReader reader, Class<T> type) throws Invalid {
        Object value = arguments.get("body");
        if (value == null) {
            throw new Invalid("body is required: a JSON object with the webhook's fields");
        }
        if (!(value instanceof Map<?, ?> fields)) {
            throw new Invalid("body must be a JSON object");
        }
        for (Object field : fields.keySet()) {
            if (!BODY_FIELDS.contains(String.valueOf(field))) {
                throw new Invalid("body has an unknown field '" + field + "'; the fields are id, url, disabled,"
                        + " headers, payload and triggers");
            }
        }
        try {
            return reader.readValue(MAPPER.writeValueAsBytes(fields));
        } catch (JsonProcessingException e) {
            throw new Invalid("body is invalid: " + HumanitecJson.describe(e));
        } catch (java.io.IOException | RuntimeException e) {
            throw new Invalid("body is not a valid " + type.getSimpleName().replace("Request", " request"));
        }
    }
}
