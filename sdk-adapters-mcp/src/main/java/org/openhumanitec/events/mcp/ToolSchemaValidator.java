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
import java.util.Arrays;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON Schema validator the MCP servers are built with ({@code McpServer...jsonSchemaValidator(..)}, the SDK's
 * seam for it): the same checks as the SDK's {@link DefaultJsonSchemaValidator} (networknt, JSON Schema 2020-12, the
 * same messages), with each of the tools' input and output schemas compiled once, on its first use (so that a server
 * answers its first requests without waiting for schemas no call has needed yet).
 *
 * <p>The SDK validates every call's arguments against the tool's input schema and its structured content against the
 * output schema. Its default validator finds a schema's compiled form by the schema's hash code, which walks the whole
 * schema on every call, and converts the structured content to a new JSON tree each time. Here a tool's schema is
 * looked up by identity (the SDK passes the {@link Tool}'s own map), and structured content that already is a
 * {@link JsonNode}, as the tools return it, is validated as it is; the JSON text of a valid result, which the SDK
 * sends as the result's text content, is the tree's ({@link WrittenObjectNode}, as the tools give it, has it written
 * already). Any other schema, and content given as text, go to
 * the SDK's default validator, which also checks the schemas themselves when a server is built.
 */
final class ToolSchemaValidator implements JsonSchemaValidator {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final JsonSchemaValidator sdkDefault = new DefaultJsonSchemaValidator(MAPPER);
    /** The tools' schemas by identity; written only by the constructor. */
    private final Map<Map<String, Object>, ToolSchema> toolSchemas = new IdentityHashMap<>();

    /**
     * A validator for the schemas of some tools.
     *
     * @param tools the tools' definitions, whose schema maps the SDK will pass
     */
    ToolSchemaValidator(Collection<Tool> tools) {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(Dialects.getDraft202012());
        for (Tool tool : tools) {
            for (Map<String, Object> schema : Arrays.asList(tool.inputSchema(), tool.outputSchema())) {
                if (schema != null) {
                    toolSchemas.put(schema, new ToolSchema(registry, schema));
                }
            }
        }
    }

    /** Whether a schema is one of the tools', validated here rather than by the SDK's default validator. */
    boolean isToolSchema(Map<String, Object> schema) {
        return toolSchemas.containsKey(schema);
    }

    @Override
    public ValidationResponse validate(Map<String, Object> schema, Object structuredContent) {
        ToolSchema known = toolSchemas.get(schema);
        if (known == null || structuredContent == null || structuredContent instanceof String) {
            return sdkDefault.validate(schema, structuredContent);
        }
        JsonNode content = structuredContent instanceof JsonNode node ? node : MAPPER.valueToTree(structuredContent);
        List<Error> errors = known.compiled().validate(content);
        if (!errors.isEmpty()) {
            return ValidationResponse.asInvalid("Validation failed: JSON schema validation errors: " + errors);
        }
        return ValidationResponse.asValid(content.toString());
    }

    @Override
    public ValidationResponse validateSchema(Map<String, Object> schema) {
        return sdkDefault.validateSchema(schema);
    }

    /** A tool's schema, compiled on its first use (two threads may both compile it; either result is the same). */
    private static final class ToolSchema {
        private final SchemaRegistry registry;
        private final Map<String, Object> schema;
        private volatile Schema compiled;

        ToolSchema(SchemaRegistry registry, Map<String, Object> schema) {
            this.registry = registry;
            this.schema = schema;
        }

        Schema compiled() {
            Schema known = compiled;
            if (known == null) {
                known = registry.getSchema(MAPPER.<JsonNode>valueToTree(schema));
                compiled = known;
            }
            return known;
        }
    }
}
