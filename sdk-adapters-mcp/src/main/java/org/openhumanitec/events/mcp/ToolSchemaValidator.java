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
import java.util.Optional;

/**
 * The JSON Schema validator the MCP servers are built with ({@code McpServer...jsonSchemaValidator(..)}, the SDK's
 * seam for it): the checks of the SDK's {@link DefaultJsonSchemaValidator} (JSON Schema 2020-12), done where they cost
 * least, each tool's schemas compiled once, on first use (so that a server answers its first requests without waiting
 * for schemas no call has needed yet), and looked up by identity (the SDK passes the {@link Tool}'s own map, whose hash
 * code would walk the whole schema on every call).
 *
 * <ul>
 *   <li>A tool's structured content ({@link ToolOutput}, as the tools give it) is checked against the tool's output
 *       schema while its JSON text is written ({@link OutputSchemaCheck}): no JSON tree, no second pass. That text is
 *       what the SDK sends as the result's text content and, raw, as its structured content. Content written in a
 *       way that check cannot follow, and output schemas it does not compile, go to networknt as below.
 *   <li>Arguments, other content of the tools' schemas, and content that already is a {@link JsonNode}, are validated
 *       by networknt (the SDK's default's library and messages), as trees.
 *   <li>Any other schema, and content given as text, go to the SDK's default validator, which also checks the schemas
 *       themselves when a server is built.
 * </ul>
 */
final class ToolSchemaValidator implements JsonSchemaValidator {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String INVALID = "Validation failed: JSON schema validation errors: ";

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
            toolSchemas.put(tool.inputSchema(), new ToolSchema(registry, tool.inputSchema(), false));
            if (tool.outputSchema() != null) {
                toolSchemas.put(tool.outputSchema(), new ToolSchema(registry, tool.outputSchema(), true));
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
        if (structuredContent instanceof ToolOutput output) {
            return validate(known, output);
        }
        JsonNode content = structuredContent instanceof JsonNode node ? node : MAPPER.valueToTree(structuredContent);
        return validate(known, content);
    }

    /** Checked while written where it can be; else networknt over its tree. The text is always the one written. */
    private static ValidationResponse validate(ToolSchema schema, ToolOutput output) {
        OutputSchemaCheck check = schema.check();
        if (check != null) {
            OutputSchemaCheck.Written written = check.write(output.mapper(), output.value());
            output.written(written.json());
            if (written.checked()) {
                return written.findings().isEmpty()
                        ? ValidationResponse.asValid(written.json())
                        : ValidationResponse.asInvalid(INVALID + written.findings());
            }
        }
        return validate(schema, output.tree(), output.json());
    }

    private static ValidationResponse validate(ToolSchema schema, JsonNode content) {
        return validate(schema, content, null);
    }

    /** networknt's verdict; the text of valid content is the given one, or else the tree's. */
    private static ValidationResponse validate(ToolSchema schema, JsonNode content, String text) {
        List<Error> errors = schema.compiled().validate(content);
        if (!errors.isEmpty()) {
            return ValidationResponse.asInvalid(INVALID + errors);
        }
        return ValidationResponse.asValid(text != null ? text : content.toString());
    }

    @Override
    public ValidationResponse validateSchema(Map<String, Object> schema) {
        return sdkDefault.validateSchema(schema);
    }

    /**
     * A tool's schema, compiled on its first use, for networknt and (an output schema) for the check while writing;
     * two threads may both compile it, either result is the same.
     */
    private static final class ToolSchema {
        private final SchemaRegistry registry;
        private final Map<String, Object> schema;
        private final boolean output;
        private volatile Schema compiled;
        private volatile Optional<OutputSchemaCheck> check;

        ToolSchema(SchemaRegistry registry, Map<String, Object> schema, boolean output) {
            this.registry = registry;
            this.schema = schema;
            this.output = output;
        }

        Schema compiled() {
            Schema known = compiled;
            if (known == null) {
                known = registry.getSchema(MAPPER.<JsonNode>valueToTree(schema));
                compiled = known;
            }
            return known;
        }

        /** The check while writing, or null for an input schema or one it does not compile. */
        OutputSchemaCheck check() {
            Optional<OutputSchemaCheck> known = check;
            if (known == null) {
                known = output ? OutputSchemaCheck.compile(schema) : Optional.empty();
                check = known;
            }
            return known.orElse(null);
        }
    }
}
