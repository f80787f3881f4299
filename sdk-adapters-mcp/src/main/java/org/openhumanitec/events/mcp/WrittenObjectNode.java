package org.openhumanitec.events.mcp;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonGeneratorImpl;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * A tool's structured content: a JSON object tree, which the output schema is validated against, with its JSON text,
 * written from the tree once. The MCP server sends that text twice, as the result's text content and, raw, as its
 * structured content, where it would otherwise serialize the tree a second time. Into anything but JSON text (such as
 * Jackson's token buffer, when a mapper converts the result), it is written as the tree it is. The tree must not be
 * changed once made: its text would no longer match.
 */
// Jackson's ObjectNode.deepCopy() overrides the generic JsonNode.deepCopy() with an unchecked return type.
@SuppressWarnings("unchecked")
final class WrittenObjectNode extends ObjectNode {

    private static final long serialVersionUID = 1L;

    private final String json;

    private WrittenObjectNode(ObjectNode tree) {
        super(JsonNodeFactory.instance);
        setAll(tree);
        this.json = tree.toString();
    }

    /**
     * The tree with its JSON text.
     *
     * @param tree the structured content, not changed afterwards
     * @return a copy of the tree's top level (sharing its values) that carries the tree's JSON text
     */
    static WrittenObjectNode of(ObjectNode tree) {
        return new WrittenObjectNode(tree);
    }

    /** The tree's JSON text, written when the tree was made. */
    @Override
    public String toString() {
        return json;
    }

    @Override
    public void serialize(JsonGenerator generator, SerializerProvider provider) throws IOException {
        if (generator instanceof JsonGeneratorImpl) {
            generator.writeRawValue(json);
        } else {
            super.serialize(generator, provider);
        }
    }
}
