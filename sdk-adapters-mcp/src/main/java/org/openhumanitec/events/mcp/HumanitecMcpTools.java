package org.openhumanitec.events.mcp;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.server.McpAsyncServerExchange;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.openhumanitec.events.api.HumanitecEventApi;
import org.openhumanitec.events.api.errors.HumanitecApiException;
import org.openhumanitec.events.api.errors.HumanitecException;
import org.openhumanitec.events.jackson.HumanitecJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import reactor.core.publisher.Mono;

/**
 * The 7 MCP tools over any {@link HumanitecEventApi}: their definitions (name, title, description, annotations,
 * strict input schema, output schema) and their calls.
 *
 * <ul>
 *   <li>A successful call returns {@code structuredContent} (Humanitec's JSON, as {@code sdk-jackson} writes it;
 *       lists wrapped as {@code {"webhooks": [...]}} or {@code {"events": [...]}}; deletes a confirmation such as
 *       {@code {"deleted": true, "orgId": ..., "appId": ..., "jobId": ...}}) and the same JSON as text. The
 *       specifications leave the text to the MCP server, which writes it from the structured content it has just
 *       validated against the tool's output schema, so a result is turned into JSON once.
 *   <li>An API failure (400, 401, 403, 404, 409, 429, 5xx), a network failure, or arguments that are not what the
 *       tool takes, is a result with {@code isError: true} whose text says what went wrong: the status, Humanitec's
 *       error code and message, or the argument. No exception reaches the MCP SDK, so no message of an unexpected
 *       failure reaches a client either; those are logged here.
 * </ul>
 *
 * <p>The specifications plug into an MCP server built by the caller:
 *
 * <pre>{@code
 * HumanitecMcpTools tools = HumanitecMcpTools.over(HumanitecSandbox.create());
 * McpServer.async(transport)
 *         .jsonSchemaValidator(tools.schemaValidator())
 *         .tools(tools.specifications(EnumSet.allOf(HumanitecTool.class)))
 *         .build();
 * }</pre>
 */
public final class HumanitecMcpTools {

    private static final Logger LOG = LoggerFactory.getLogger(HumanitecMcpTools.class);
    private static final ObjectMapper MAPPER = HumanitecJson.newMapper();
    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {};

    /** The logger named in the log messages sent to clients: {@value}. */
    public static final String CLIENT_LOGGER = "humanitec";

    /** The key of the transport context under which a servlet passes a call's JSON-RPC id, as JSON text. */
    static final String REQUEST_ID = "org.openhumanitec.events.mcp.request-id";

    /** The key of the transport context under which a servlet passes the request's {@code traceparent} header. */
    static final String TRACEPARENT = "org.openhumanitec.events.mcp.traceparent";

    /** The key of the transport context under which a servlet passes the request's {@code tracestate} header. */
    static final String TRACESTATE = "org.openhumanitec.events.mcp.tracestate";

    /** The key of the transport context under which a servlet passes the request's SLF4J MDC, a map. */
    static final String LOG_CONTEXT = "org.openhumanitec.events.mcp.log-context";

    private final HumanitecEventApi api;
    private final ToolCallListener listener;
    private final Map<HumanitecTool, Tool> definitions = new EnumMap<>(HumanitecTool.class);
    private final RunningCalls running = new RunningCalls();
    private final ToolSchemaValidator schemaValidator;

    private HumanitecMcpTools(HumanitecEventApi api, ToolCallListener listener) {
        this.api = api;
        this.listener = listener;
        for (HumanitecTool tool : HumanitecTool.values()) {
            definitions.put(tool, define(tool));
        }
        this.schemaValidator = new ToolSchemaValidator(definitions.values());
    }

    /**
     * The tools over one implementation.
     *
     * @param api the implementation the tools call, such as the sandbox or a {@code HumanitecClient}; never closed
     *     here
     * @return the tools
     */
    public static HumanitecMcpTools over(HumanitecEventApi api) {
        return over(api, ToolCallListener.NONE);
    }

    /**
     * The tools over one implementation, telling a listener of every call.
     *
     * @param api the implementation the tools call; never closed here
     * @param listener told of every call, with how it ended and how long it took
     * @return the tools
     */
    public static HumanitecMcpTools over(HumanitecEventApi api, ToolCallListener listener) {
        return new HumanitecMcpTools(
                Objects.requireNonNull(api, "api must not be null"),
                Objects.requireNonNull(listener, "listener must not be null"));
    }

    /**
     * The MCP definition of a tool.
     *
     * @param tool the tool
     * @return its name, title, description, annotations and schemas
     */
    public Tool definition(HumanitecTool tool) {
        return definitions.get(Objects.requireNonNull(tool, "tool must not be null"));
    }

    /**
     * The JSON Schema validator to build an MCP server with, for these tools: the SDK's checks of arguments and
     * structured content, with each tool's schemas compiled once rather than found again on every call (see
     * {@code ToolSchemaValidator}); any other schema is checked by the SDK's default validator.
     *
     * @return the validator, for {@code McpServer...jsonSchemaValidator(..)}
     */
    public JsonSchemaValidator schemaValidator() {
        return schemaValidator;
    }

    /**
     * Calls a tool.
     *
     * @param tool the tool
     * @param arguments the call's arguments, as the MCP SDK gives them
     * @return the result: structured content and its JSON as text, or {@code isError: true} with a message
     */
    public CallToolResult call(HumanitecTool tool, Map<String, Object> arguments) {
        CallToolResult result = attempt(tool, arguments).result();
        if (!(result.structuredContent() instanceof ToolOutput output)) {
            return result;
        }
        // As an MCP server gives it: the structured content (here as a JSON tree), and its text as the content.
        return CallToolResult.builder()
                .structuredContent(output.tree())
                .addTextContent(output.json())
                .isError(false)
                .build();
    }

    /** A call's result, and the text of the backend's failure (for the client's log), or null. */
    private record Outcome(CallToolResult result, String upstreamFailure) {}

    private Outcome attempt(HumanitecTool tool, Map<String, Object> arguments) {
        Objects.requireNonNull(tool, "tool must not be null");
        long start = System.nanoTime();
        ToolArguments checked;
        try {
            checked = ToolArguments.read(tool, arguments);
        } catch (ToolArguments.Invalid e) {
            listener.called(tool, ToolCallListener.Status.INVALID_ARGUMENTS, System.nanoTime() - start);
            return new Outcome(error(tool.toolName() + ": invalid arguments: " + e.getMessage()), null);
        }
        CallToolResult result = null;
        String failure = null;
        ToolCallListener.Status status = ToolCallListener.Status.OK;
        try {
            result = success(invoke(tool, checked));
        } catch (HumanitecApiException e) {
            status = ToolCallListener.Status.of(e);
            failure = ToolFailures.describe(tool, e);
        } catch (HumanitecException e) {
            LOG.warn("{} failed: {}", tool.toolName(), e.getMessage());
            status = ToolCallListener.Status.of(e);
            failure = ToolFailures.describe(tool, e);
        } catch (RuntimeException e) {
            LOG.error("{} failed unexpectedly", tool.toolName(), e);
            status = ToolCallListener.Status.of(e);
            failure = ToolFailures.describe(tool, e);
        }
        listener.called(tool, status, System.nanoTime() - start);
        return failure == null ? new Outcome(result, null) : new Outcome(error(failure), failure);
    }

    /**
     * The specifications of some tools for a session-based server: Streamable HTTP (stateful),
     * {@code McpServer.async(HttpServletStreamableServerTransportProvider)}, or stdio. A call runs off the transport's
     * threads, as the SDK runs a synchronous tool; a failure of the backend is also sent to the client as a log
     * message at {@code warning} (logger {@value #CLIENT_LOGGER}); a call the client cancels (see
     * {@link #cancel(String, String)}) is answered with nothing.
     *
     * @param tools the tools to offer
     * @return one specification per tool, in the order of {@link HumanitecTool}
     */
    public List<McpServerFeatures.AsyncToolSpecification> specifications(Collection<HumanitecTool> tools) {
        return EnumSet.copyOf(requireSome(tools)).stream()
                .map(tool -> new McpServerFeatures.AsyncToolSpecification(
                        definition(tool),
                        (exchange, request) -> running.run(
                                        exchange.sessionId(),
                                        requestId(exchange.transportContext()),
                                        () -> inRequestContext(
                                                exchange.transportContext(), () -> attempt(tool, request.arguments())))
                                .flatMap(outcome -> logged(exchange, outcome))))
                .toList();
    }

    /**
     * The specifications of some tools for a stateless server, {@code McpServer.async(McpStatelessServerTransport)}.
     * With no session, there is neither a log to the client nor a cancel. A call runs on the thread that subscribes to
     * it: the SDK's stateless servlet transport holds the request's thread until the answer is ready, so moving the
     * call to another thread would only add a hand-over to every call.
     *
     * @param tools the tools to offer
     * @return one specification per tool, in the order of {@link HumanitecTool}
     */
    public List<McpStatelessServerFeatures.AsyncToolSpecification> statelessSpecifications(
            Collection<HumanitecTool> tools) {
        return EnumSet.copyOf(requireSome(tools)).stream()
                .map(tool -> new McpStatelessServerFeatures.AsyncToolSpecification(
                        definition(tool),
                        (context, request) -> Mono.fromSupplier(() -> inRequestContext(
                                context,
                                () -> attempt(tool, request.arguments()).result()))))
                .toList();
    }

    /**
     * Cancels a call in progress, as a client's {@code notifications/cancelled} asks: it is answered with nothing, and
     * its thread is interrupted (a {@code HumanitecClient} then makes no further attempt).
     *
     * @param sessionId the session the cancel came in
     * @param requestId the id of the request to cancel, as JSON text ({@code 7} or {@code "a"})
     * @return whether a call of that session and id was in progress
     */
    boolean cancel(String sessionId, String requestId) {
        return running.cancel(sessionId, requestId);
    }

    /** The result, after the backend's failure, if any, is logged to the client (a failure to log is ignored). */
    private static Mono<CallToolResult> logged(McpAsyncServerExchange exchange, Outcome outcome) {
        if (outcome.upstreamFailure() == null) {
            return Mono.just(outcome.result());
        }
        McpSchema.LoggingMessageNotification log = McpSchema.LoggingMessageNotification.builder(
                        McpSchema.LoggingLevel.WARNING, outcome.upstreamFailure())
                .logger(CLIENT_LOGGER)
                .build();
        return exchange.loggingNotification(log)
                .onErrorResume(e -> Mono.empty())
                .thenReturn(outcome.result());
    }

    /**
     * Runs a call on the tool's thread as on the thread of the HTTP request that carried it: with the request's MDC
     * (its request id in every log line of the call) and within the listener's scope for the request's trace context.
     * The thread's own MDC is restored afterwards (it is pooled).
     */
    private <T> T inRequestContext(McpTransportContext context, Supplier<T> call) {
        Map<String, String> before = MDC.getCopyOfContextMap();
        if (context.get(LOG_CONTEXT) instanceof Map<?, ?> logContext) {
            logContext.forEach((key, value) -> MDC.put(key.toString(), value.toString()));
        }
        ToolCallListener.Scope scope = listener.starting(header(context, TRACEPARENT), header(context, TRACESTATE));
        try {
            return call.get();
        } finally {
            scope.close();
            if (before == null) {
                MDC.clear();
            } else {
                MDC.setContextMap(before);
            }
        }
    }

    private static String header(McpTransportContext context, String key) {
        return context.get(key) instanceof String value ? value : null;
    }

    private static String requestId(McpTransportContext context) {
        return context.get(REQUEST_ID) instanceof String id ? id : null;
    }

    private static Collection<HumanitecTool> requireSome(Collection<HumanitecTool> tools) {
        if (Objects.requireNonNull(tools, "tools must not be null").isEmpty()) {
            throw new IllegalArgumentException("tools must name at least one tool");
        }
        return tools;
    }

    private Object invoke(HumanitecTool tool, ToolArguments a) {
        return switch (tool) {
            case DELETE_ALL_JOBS -> {
                api.jobs().deleteAll(a.orgId(), a.appId());
                yield confirmation(a).put("scope", "all-jobs");
            }
            case LIST_WEBHOOKS -> Map.of("webhooks", api.webhooks().list(a.orgId(), a.appId()));
            case CREATE_WEBHOOK -> api.webhooks().create(a.orgId(), a.appId(), a.create());
            case GET_WEBHOOK -> api.webhooks().get(a.orgId(), a.appId(), a.jobId());
            case DELETE_WEBHOOK -> {
                api.webhooks().delete(a.orgId(), a.appId(), a.jobId());
                yield confirmation(a).put("jobId", a.jobId());
            }
            case UPDATE_WEBHOOK -> api.webhooks().update(a.orgId(), a.appId(), a.jobId(), a.update());
            case LIST_EVENTS -> Map.of("events", api.events().list(a.orgId()));
        };
    }

    private static ObjectNode confirmation(ToolArguments a) {
        ObjectNode done = MAPPER.createObjectNode().put("deleted", true).put("orgId", a.orgId());
        return done.put("appId", a.appId());
    }

    /**
     * Structured content in Humanitec's wire format, not written yet: the MCP server validates it against the output
     * schema ({@link ToolSchemaValidator} writes its JSON text while checking it), adds the text as the result's text
     * content (a result with structured content and no content gets its JSON as text), and writes the same text as
     * the structured content of the answer.
     */
    private static CallToolResult success(Object value) {
        return CallToolResult.builder()
                .structuredContent(new ToolOutput(MAPPER, value))
                .isError(false)
                .build();
    }

    private static CallToolResult error(String message) {
        return CallToolResult.builder()
                .addContent(McpSchema.TextContent.builder(message).build())
                .isError(true)
                .build();
    }

    private static Tool define(HumanitecTool tool) {
        return Tool.builder(tool.toolName(), MAPPER.convertValue(ToolSchemas.input(tool), JSON_OBJECT))
                .title(tool.title())
                .description(tool.description())
                .outputSchema(MAPPER.convertValue(ToolSchemas.output(tool), JSON_OBJECT))
                .annotations(McpSchema.ToolAnnotations.builder()
                        .title(tool.title())
                        .readOnlyHint(tool.readOnly())
                        .destructiveHint(tool.destructive())
                        .idempotentHint(tool.idempotent())
                        .openWorldHint(true)
                        .build())
                .build();
    }

    /**
     * The tools a server offers: all, or only the read-only ones, narrowed to an allow-list.
     *
     * @param readOnly whether to keep the read-only tools only
     * @param allowList the tools allowed, or empty for all
     * @return the tools, in the order of {@link HumanitecTool}; possibly empty
     */
    static Set<HumanitecTool> offered(boolean readOnly, Set<HumanitecTool> allowList) {
        EnumSet<HumanitecTool> offered = EnumSet.allOf(HumanitecTool.class);
        if (readOnly) {
            offered.removeIf(tool -> !tool.readOnly());
        }
        if (!allowList.isEmpty()) {
            offered.retainAll(allowList);
        }
        return offered;
    }
}
