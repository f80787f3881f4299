package org.openhumanitec.events.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.openhumanitec.events.api.model.Trigger;
import org.openhumanitec.events.jackson.HumanitecJson;

/**
 * One webhook delivery as Humanitec POSTs it: a JSON object made from the webhook's payload template. It gives the
 * event (from the {@code event} field, such as {@code deployment.finished}), the values of the payload placeholders
 * Humanitec documents when the payload carries them under their own names (as its default payload does), and the
 * whole JSON for custom payloads.
 *
 * <pre>{@code
 * WebhookDelivery delivery = WebhookDelivery.parse(body);
 * if (delivery.event().equals(Optional.of(Trigger.DEPLOYMENT_FINISHED))) {
 *     notify(delivery.value("env_id").orElse("?"), delivery.json().path("status").asText());
 * }
 * }</pre>
 */
public final class WebhookDelivery {

    /**
     * The placeholders Humanitec documents for its webhook payloads: the ones every event has, then the
     * environment and deployment events' own.
     */
    public static final List<String> KNOWN_PLACEHOLDERS = List.of(
            "event",
            "org_id",
            "triggered_at",
            "triggered_by",
            "app_id",
            "env_id",
            "name",
            "type",
            "deploy_id",
            "delta_id",
            "set_id",
            "comment",
            "status");

    private static final ObjectMapper JSON = HumanitecJson.newMapper();

    private final ObjectNode json;
    private final Map<String, String> values;
    private final Trigger event;

    private WebhookDelivery(ObjectNode json) {
        this.json = json;
        Map<String, String> known = new LinkedHashMap<>();
        for (String name : KNOWN_PLACEHOLDERS) {
            JsonNode value = json.get(name);
            if (value != null && value.isTextual()) {
                known.put(name, value.textValue());
            }
        }
        this.values = Collections.unmodifiableMap(known);
        this.event = trigger(known.get("event"));
    }

    /**
     * Reads a delivery's body.
     *
     * @param body the request body, UTF-8 JSON
     * @return the delivery
     * @throws InvalidDeliveryException if the body is not a JSON object; the message says where it goes wrong
     * @throws NullPointerException if {@code body} is null
     */
    public static WebhookDelivery parse(byte[] body) {
        Objects.requireNonNull(body, "body must not be null");
        JsonNode tree;
        try {
            tree = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidDeliveryException("the body is not JSON: " + HumanitecJson.describe(e), e);
        } catch (IOException e) {
            throw new InvalidDeliveryException("the body could not be read", e);
        }
        if (tree == null || tree.isMissingNode()) {
            throw new InvalidDeliveryException("the body is empty; a delivery is a JSON object", null);
        }
        if (!(tree instanceof ObjectNode object)) {
            throw new InvalidDeliveryException(
                    "the body must be a JSON object, not "
                            + tree.getNodeType().name().toLowerCase(Locale.ROOT),
                    null);
        }
        return new WebhookDelivery(object);
    }

    /**
     * The event, read from the {@code event} field as {@code scope.type} (or {@code scope/type}).
     *
     * @return the event, such as {@link Trigger#DEPLOYMENT_FINISHED}; empty when the payload has no such field
     */
    public Optional<Trigger> event() {
        return Optional.ofNullable(event);
    }

    /**
     * The values of the documented placeholders ({@link #KNOWN_PLACEHOLDERS}) that the payload holds as
     * top-level string fields under their own names.
     *
     * @return the values by name, unmodifiable, in the order of {@link #KNOWN_PLACEHOLDERS}
     */
    public Map<String, String> values() {
        return values;
    }

    /**
     * One top-level string field of the payload, documented placeholder or custom.
     *
     * @param name the field's name, such as {@code env_id}
     * @return its value; empty when the field is missing or not a string
     */
    public Optional<String> value(String name) {
        JsonNode value = json.get(Objects.requireNonNull(name, "name must not be null"));
        return value != null && value.isTextual() ? Optional.of(value.textValue()) : Optional.empty();
    }

    /**
     * The whole payload, for custom templates.
     *
     * @return a copy of the JSON object; changing it changes nothing here
     */
    public ObjectNode json() {
        return json.deepCopy();
    }

    /** Shows the event and the payload's field names only: values may carry secrets. */
    @Override
    public String toString() {
        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        return "WebhookDelivery[event=" + (event == null ? "none" : event) + ", fields=" + names + "]";
    }

    private static Trigger trigger(String event) {
        if (event == null) {
            return null;
        }
        int separator = event.indexOf('.');
        if (separator < 0) {
            separator = event.indexOf('/');
        }
        if (separator <= 0 || separator == event.length() - 1) {
            return null;
        }
        return Trigger.of(event.substring(0, separator), event.substring(separator + 1));
    }
}
