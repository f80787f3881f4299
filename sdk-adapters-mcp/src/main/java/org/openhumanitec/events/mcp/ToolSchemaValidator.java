package org.openhumanitec.events.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.json.schema.jackson2.DefaultJsonSchemaValidator;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON Schema validator the MCP servers are built with ({@code McpServer...jsonSchemaValidator(..)}, the SDK's
 * seam for it): the same checks as the SDK's {@link DefaultJsonSchemaValidator} (networknt, JSON Schema 2020-12, the
 * same messages), with the tools' input and output schemas compiled once, when the tools are defined.
 *
 * <p>The SDK validates every call's arguments against the tool's input schema and its structured content against the
 * output schema. Its default validator finds a schema's compiled form by the schema's hash code, which walks the whole
 * schema on every call, and converts the structured content to a new JSON tree each time. Here a tool's schema is
 * looked up by identity (the SDK passes the {@link Tool}'s own map), and structured content that already is a
 * {@link JsonNode}, as the tools return it, is validated as it is; the JSON text of a valid result, which the SDK
 * sends as the result's text content, is written from that tree. Any other schema, and content given as text, go to
 * the SDK's default validator, which also checks the schemas themselves when a server is built.
 */
final class ToolSchemaValidator implements JsonSchemaValidator {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final JsonSchemaValidator sdkDefault = new DefaultJsonSchemaValidator(MAPPER);
    private final Map<Map<String, Object>, Schema> compiled = new IdentityHashMap<>();

    /**
     * A validator with the schemas of some tools compiled.
     *
     * @param tools the tools' definitions, whose schema maps the SDK will pass
     */
    ToolSchemaValidator(Collection<Tool> tools) {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(Dialects.getDraft202012());
        for (Tool tool : tools) {
            compile(registry, tool.inputSchema());
            compile(registry, tool.outputSchema());
        }
    }

    private void compile(SchemaRegistry registry, Map<String, Object> schema) {
        if (schema != null) {
            compiled.put(schema, registry.getSchema(MAPPER.<JsonNode>valueToTree(schema)));
        }
    }

    /** Whether a schema is one of the tools', compiled here rather than left to the SDK's default validator. */
    boolean compiled(Map<String, Object> schema) {
        return compiled.containsKey(schema);
    }

    @Override
    public ValidationResponse validate(Map<String, Object> schema, Object structuredContent) {
        Schema known = compiled.get(schema);
        if (known == null || structuredContent == null || structuredContent instanceof String) {
            return sdkDefault.validate(schema, structuredContent);
        }
        JsonNode content = structuredContent instanceof JsonNode node ? node : MAPPER.valueToTree(structuredContent);
        List<Error> errors = known.validate(content);
        if (!errors.isEmpty()) {
            return ValidationResponse.asInvalid("Validation failed: JSON schema validation errors: " + errors);
        }
        return ValidationResponse.asValid(content.toString());
    }

    @Override
    public ValidationResponse validateSchema(Map<String, Object> schema) {
        return sdkDefault.validateSchema(schema);
    }
}
