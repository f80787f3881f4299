package org.openhumanitec.events.sandbox;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A webhook's payload template and how the sandbox fills it, after Humanitec's webhook docs: every
 * {@code ${name}} in a string of the template is replaced in place by the event's value of that name; a name the
 * event has no value for is left as written. Keys, numbers, booleans and nulls are sent as they are.
 */
final class PayloadTemplate {

    /**
     * The payload Humanitec documents for a webhook without one: the properties every event has, and the app and
     * environment ids.
     */
    static final Map<String, Object> DEFAULT = defaultPayload();

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");

    private PayloadTemplate() {}

    /**
     * The body to send: the template, or {@link #DEFAULT} when it is empty, with the placeholders replaced.
     *
     * @param template the webhook's payload
     * @param values the event's values by placeholder name
     */
    static Map<String, Object> fill(Map<String, Object> template, Map<String, String> values) {
        return fillObject(template.isEmpty() ? DEFAULT : template, values);
    }

    private static Map<String, Object> fillObject(Map<?, ?> object, Map<String, String> values) {
        Map<String, Object> filled = new LinkedHashMap<>();
        object.forEach((key, value) -> filled.put((String) key, fillValue(value, values)));
        return filled;
    }

    private static Object fillValue(Object value, Map<String, String> values) {
        if (value instanceof String text) {
            return fillString(text, values);
        }
        if (value instanceof Map<?, ?> object) {
            return fillObject(object, values);
        }
        if (value instanceof List<?> array) {
            List<Object> filled = new ArrayList<>(array.size());
            array.forEach(element -> filled.add(fillValue(element, values)));
            return filled;
        }
        return value;
    }

    private static String fillString(String text, Map<String, String> values) {
        Matcher placeholder = PLACEHOLDER.matcher(text);
        return placeholder.replaceAll(match -> {
            String value = values.get(match.group(1));
            return Matcher.quoteReplacement(value != null ? value : match.group());
        });
    }

    private static Map<String, Object> defaultPayload() {
        Map<String, Object> payload = new LinkedHashMap<>();
        for (String name : List.of("event", "triggered_at", "triggered_by", "org_id", "app_id", "env_id")) {
            payload.put(name, "${" + name + "}");
        }
        return Collections.unmodifiableMap(payload);
    }
}
