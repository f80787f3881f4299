package org.openhumanitec.events.jackson;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;

/** Ready-made {@link ObjectMapper}s that speak the Humanitec wire format. */
public final class HumanitecJson {

    private HumanitecJson() {}

    /**
     * A new mapper with {@link HumanitecJacksonModule}: it ignores unknown fields, rejects content after the JSON
     * value and a field name given twice in one object (malformed JSON: which value would count is ambiguous), reads a string or a boolean only from a JSON string or boolean (no coercion from other types), and
     * never quotes the input in its error messages (a body may hold secrets). Mappers are thread-safe once
     * configured: create one and share it.
     *
     * @return a new mapper
     */
    public static ObjectMapper newMapper() {
        return JsonMapper.builder()
                .addModule(new HumanitecJacksonModule())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .withCoercionConfig(
                        LogicalType.Textual,
                        strings -> strings.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(
                        LogicalType.Boolean,
                        booleans -> booleans.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
                .build();
    }

    /**
     * Why a body could not be read, in words that are safe to show a caller or write to a log: the field or the
     * position, never the content (Jackson's own messages may quote a token of the body, which may be a secret).
     *
     * @param failure what reading threw
     * @return for example {@code 'triggers[0].scope' must be a string}, {@code [2]: 'id' is required}, or
     *     {@code malformed JSON at line 1, column 8}
     */
    public static String describe(JsonProcessingException failure) {
        if (failure instanceof WireFormatException wire) {
            return wire.getMessage();
        }
        if (failure.getCause() instanceof StreamReadException malformed) {
            // databind wraps a parse failure inside a map or a list with the path where it happened
            return describe(malformed);
        }
        if (failure instanceof JsonMappingException mapping) {
            String at = pathOf(mapping);
            return at.isEmpty()
                    ? "the body does not match the schema"
                    : "the value at " + at + " does not match the schema";
        }
        JsonLocation location = failure.getLocation();
        return location == null || location.getLineNr() < 0
                ? "malformed JSON"
                : "malformed JSON at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String pathOf(JsonMappingException failure) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : failure.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
