package org.openhumanitec.events.jackson;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.openhumanitec.events.api.model.Trigger;

/**
 * The reading and writing steps every codec shares: typed field readers that name the field when the value has
 * the wrong shape, and writers for free-form JSON and timestamps.
 */
final class WireCodecs {

    private WireCodecs() {}

    static <T> void register(
            SimpleModule module, Class<T> type, JsonSerializer<T> writer, JsonDeserializer<? extends T> reader) {
        module.addSerializer(type, writer);
        if (reader != null) {
            module.addDeserializer(type, reader);
        }
    }

    /** A writer for an open value that travels as a plain JSON string. */
    static <T> JsonSerializer<T> stringWriter(Class<T> type, Function<T, String> value) {
        return new StdSerializer<>(type) {
            private static final long serialVersionUID = 1L;

            @Override
            public void serialize(T item, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(value.apply(item));
            }
        };
    }

    /** The dotted path of a field below {@code parent}, for error messages: {@code triggers[0].scope}. */
    static String path(String parent, String field) {
        return parent.isEmpty() ? field : parent + "." + field;
    }

    /** Fails unless the parser stands on the start of an object. */
    static void expectObject(JsonParser p, Class<?> type, String path) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw mismatch(p, type, "%s must be a JSON object", describe(path, type));
        }
    }

    static String string(JsonParser p, Class<?> type, String path) throws IOException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        if (token != JsonToken.VALUE_NULL) {
            throw mismatch(p, type, "'%s' must be a string", path);
        }
        return null;
    }

    static Boolean bool(JsonParser p, Class<?> type, String path) throws IOException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
            return token == JsonToken.VALUE_TRUE;
        }
        if (token != JsonToken.VALUE_NULL) {
            throw mismatch(p, type, "'%s' must be a boolean", path);
        }
        return null;
    }

    static Map<String, Object> object(JsonParser p, DeserializationContext ctxt, Class<?> type, String path)
            throws IOException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.START_OBJECT) {
            return readObject(p);
        }
        if (token != JsonToken.VALUE_NULL) {
            throw mismatch(p, type, "'%s' must be a JSON object", path);
        }
        return null;
    }

    static List<String> strings(JsonParser p, Class<?> type, String path) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw mismatch(p, type, "'%s' must be an array of strings", path);
        }
        List<String> values = new ArrayList<>();
        for (JsonToken token = p.nextToken(); token != JsonToken.END_ARRAY; token = p.nextToken()) {
            String value =
                    token == JsonToken.VALUE_STRING ? p.getText() : string(p, type, path + "[" + values.size() + "]");
            if (value == null) {
                throw mismatch(p, type, "'%s[%d]' must be a string", path, values.size());
            }
            values.add(value);
        }
        return values;
    }

    static List<Trigger> triggers(JsonParser p, Class<?> type, String path) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw mismatch(p, type, "'%s' must be an array of {scope, type} objects", path);
        }
        List<Trigger> triggers = new ArrayList<>();
        for (JsonToken token = p.nextToken(); token != JsonToken.END_ARRAY; token = p.nextToken()) {
            triggers.add(EventCodecs.readTrigger(p, path, triggers.size()));
        }
        return triggers;
    }

    static Instant instant(JsonParser p, Class<?> type, String path) throws IOException {
        String text = string(p, type, path);
        if (text == null) {
            return null;
        }
        try {
            return Timestamps.parse(text);
        } catch (DateTimeParseException e) {
            throw mismatch(p, type, "'%s' must be a date-time such as 2020-06-22T09:37:23.523Z", path);
        }
    }

    /** Fails when a field the schema requires is absent. */
    static <V> V required(V value, JsonParser p, Class<?> type, String path) throws IOException {
        if (value == null) {
            throw mismatch(p, type, "'%s' is required", path);
        }
        return value;
    }

    /** Fails when a field that the schema does not allow to be null is sent as null. */
    static <V> V notNull(V value, JsonParser p, Class<?> type, String path) throws IOException {
        if (value == null) {
            throw mismatch(p, type, "'%s' must not be null", path);
        }
        return value;
    }

    static void writeObject(JsonGenerator gen, SerializerProvider provider, String field, Map<String, Object> value)
            throws IOException {
        gen.writeFieldName(field);
        writeValue(gen, provider, value);
    }

    /**
     * Reads the free-form object the parser stands on, as databind's untyped reader would (objects as
     * {@code LinkedHashMap}, arrays as {@code ArrayList}, integers as the smallest of {@code Integer}, {@code Long}
     * and {@code BigInteger}, other numbers as {@code Double}), without looking up a deserializer per value.
     */
    private static Map<String, Object> readObject(JsonParser p) throws IOException {
        Map<String, Object> object = new LinkedHashMap<>();
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            p.nextToken();
            object.put(name, readValue(p));
        }
        return object;
    }

    private static Object readValue(JsonParser p) throws IOException {
        return switch (p.currentToken()) {
            case START_OBJECT -> readObject(p);
            case START_ARRAY -> {
                List<Object> array = new ArrayList<>();
                for (JsonToken token = p.nextToken(); token != JsonToken.END_ARRAY; token = p.nextToken()) {
                    array.add(readValue(p));
                }
                yield array;
            }
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT -> p.getNumberValue();
            case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default ->
                throw new WireFormatException(p, "unexpected " + p.currentToken() + " in a JSON value", Object.class);
        };
    }

    /** Writes a free-form value: JSON's own types directly, anything else through databind. */
    private static void writeValue(JsonGenerator gen, SerializerProvider provider, Object value) throws IOException {
        if (value == null) {
            gen.writeNull();
        } else if (value instanceof String text) {
            gen.writeString(text);
        } else if (value instanceof Map<?, ?> object) {
            gen.writeStartObject(object);
            // forEach, not entrySet(): the models' maps are unmodifiable views, whose entry iterator wraps every
            // entry in a new object.
            try {
                object.forEach((key, element) -> {
                    try {
                        gen.writeFieldName(String.valueOf(key));
                        writeValue(gen, provider, element);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            gen.writeEndObject();
        } else if (value instanceof List<?> array) {
            gen.writeStartArray(array, array.size());
            for (Object element : array) {
                writeValue(gen, provider, element);
            }
            gen.writeEndArray();
        } else if (value instanceof Boolean bool) {
            gen.writeBoolean(bool);
        } else if (value instanceof Integer number) {
            gen.writeNumber(number);
        } else if (value instanceof Long number) {
            gen.writeNumber(number);
        } else if (value instanceof Double number) {
            gen.writeNumber(number);
        } else {
            provider.defaultSerializeValue(value, gen);
        }
    }

    static void writeTriggers(JsonGenerator gen, String field, List<Trigger> triggers) throws IOException {
        gen.writeFieldName(field);
        if (triggers == null) {
            gen.writeNull();
            return;
        }
        gen.writeStartArray(triggers, triggers.size());
        for (Trigger trigger : triggers) {
            EventCodecs.writeTrigger(gen, trigger);
        }
        gen.writeEndArray();
    }

    static void writeNullableBoolean(JsonGenerator gen, String field, Boolean value) throws IOException {
        gen.writeFieldName(field);
        if (value == null) {
            gen.writeNull();
        } else {
            gen.writeBoolean(value);
        }
    }

    private static WireFormatException mismatch(JsonParser p, Class<?> type, String format, Object... args) {
        return new WireFormatException(p, String.format(Locale.ROOT, format, args), type);
    }

    private static String describe(String path, Class<?> type) {
        return path.isEmpty() ? "the " + type.getSimpleName() + " body" : "'" + path + "'";
    }

    /** The base of every reader: a deserializer for one value type. */
    abstract static class Reader<T> extends StdDeserializer<T> {
        private static final long serialVersionUID = 1L;

        Reader(Class<T> type) {
            super(type);
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            expectObject(p, handledType(), "");
            return read(p, ctxt);
        }

        /** Reads the fields of the object the parser stands on, up to and including its end. */
        abstract T read(JsonParser p, DeserializationContext ctxt) throws IOException;
    }
}
