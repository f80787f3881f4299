package org.openhumanitec.events.api.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Deep, unmodifiable copies of free-form JSON values, checked to hold only JSON types. */
final class JsonValues {

    private JsonValues() {}

    /**
     * Copies a JSON object, keeping key order and {@code null} values.
     *
     * @param object the object; null gives an empty object
     * @param field the field's name for error messages
     */
    static Map<String, Object> copyObject(Map<String, ?> object, String field) {
        if (object == null || object.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> copy = new LinkedHashMap<>(capacity(object.size()));
        for (Map.Entry<String, ?> entry : object.entrySet()) {
            String key = entry.getKey();
            if (key == null) {
                throw new IllegalArgumentException(field + " must not have a null key");
            }
            copy.put(key, copyValue(entry.getValue(), field, key, -1));
        }
        return Collections.unmodifiableMap(copy);
    }

    /**
     * Copies a value found at {@code parent.key} (or {@code parent[index]} when {@code key} is null). The path is
     * built only for an error message, never for a good value: a webhook list would otherwise build a string per
     * map entry.
     */
    private static Object copyValue(Object value, String parent, String key, int index) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Map<?, ?> map) {
            String field = path(parent, key, index);
            Map<String, Object> copy = new LinkedHashMap<>(capacity(map.size()));
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String childKey)) {
                    throw new IllegalArgumentException(field + " must have string keys");
                }
                copy.put(childKey, copyValue(entry.getValue(), field, childKey, -1));
            }
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof List<?> list) {
            String field = path(parent, key, index);
            List<Object> copy = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                copy.add(copyValue(list.get(i), field, null, i));
            }
            return Collections.unmodifiableList(copy);
        }
        throw new IllegalArgumentException(path(parent, key, index) + " holds a "
                + value.getClass().getSimpleName() + ", which is not a JSON value");
    }

    private static String path(String parent, String key, int index) {
        return key == null ? parent + "[" + index + "]" : parent + "." + key;
    }

    private static int capacity(int size) {
        return (int) (size / 0.75f) + 1;
    }
}
