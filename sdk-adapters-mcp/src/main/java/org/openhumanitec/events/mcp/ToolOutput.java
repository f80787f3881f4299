package org.openhumanitec.events.mcp;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonGeneratorImpl;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A tool's structured content: the value the tool made (records of the API, maps of them, a JSON tree) and its JSON
 * text in Humanitec's wire format, written once. The MCP server validates it against the tool's output schema
 * ({@link ToolSchemaValidator}, which writes the text while it checks it), sends the text as the result's text
 * content, and writes it, raw, as the answer's structured content. Into anything but JSON text (such as Jackson's
 * token buffer, when a mapper converts the result) it is written as the JSON tree of that text.
 */
final class ToolOutput implements JsonSerializable {

    private final ObjectMapper mapper;
    private final Object value;
    private volatile String json;

    /**
     * Structured content not written yet.
     *
     * @param mapper the mapper that writes it (with the wire format's module)
     * @param value what the tool made, not changed afterwards
     */
    ToolOutput(ObjectMapper mapper, Object value) {
        this.mapper = mapper;
        this.value = value;
    }

    /** What the tool made. */
    Object value() {
        return value;
    }

    /** The mapper that writes it. */
    ObjectMapper mapper() {
        return mapper;
    }

    /** Its JSON tree, read from its text. */
    JsonNode tree() {
        try {
            return mapper.readTree(json());
        } catch (IOException e) {
            throw new UncheckedIOException("a tool's own JSON did not read back", e);
        }
    }

    /** Keeps the JSON text of the value, written by the validator while it checked it. */
    void written(String text) {
        json = text;
    }

    /** The value's JSON text, written now if it has not been. */
    String json() {
        String known = json;
        if (known == null) {
            try {
                known = mapper.writeValueAsString(value);
            } catch (IOException e) {
                throw new UncheckedIOException("could not write a tool's structured content", e);
            }
            json = known;
        }
        return known;
    }

    /** The JSON text. */
    @Override
    public String toString() {
        return json();
    }

    @Override
    public void serialize(JsonGenerator generator, SerializerProvider provider) throws IOException {
        if (generator instanceof JsonGeneratorImpl) {
            generator.writeRawValue(json());
        } else {
            provider.defaultSerializeValue(tree(), generator);
        }
    }

    @Override
    public void serializeWithType(JsonGenerator generator, SerializerProvider provider, TypeSerializer types)
            throws IOException {
        serialize(generator, provider);
    }
}
