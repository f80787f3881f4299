package org.openhumanitec.events.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpAsyncListFilter;
import io.modelcontextprotocol.server.McpAsyncServer;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessAsyncServer;
import io.modelcontextprotocol.server.McpTransportContextExtractor;
import io.modelcontextprotocol.server.transport.DefaultServerTransportSecurityValidator;
import io.modelcontextprotocol.server.transport.HeaderAccessor;
import io.modelcontextprotocol.server.transport.HttpServletStatelessServerTransport;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.server.transport.ServerTransportSecurityException;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.ProtocolVersions;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.time.Clock;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.openhumanitec.events.api.HumanitecEventApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import reactor.core.publisher.Mono;

/**
 * Publishes the {@linkplain HumanitecMcpTools Humanitec tools} over MCP's Streamable HTTP transport, as a Jakarta
 * Servlet 6 servlet any container can mount (with async support, at a path ending in {@value #ENDPOINT}). It wraps
 * the MCP Java SDK's servlet transport, stateful or {@linkplain HumanitecMcpSettings#stateless() stateless}, and
 * checks every request before the SDK sees it:
 *
 * <ul>
 *   <li>the method: {@code GET}, {@code POST} or {@code DELETE} ({@code POST} only when stateless), else 405 with
 *       {@code Allow}; {@code TRACE} is never echoed, nor {@code HEAD} or {@code OPTIONS} answered by the SDK;
 *   <li>{@code Origin}: when present, it must be allowed, else 403 (DNS rebinding protection);
 *   <li>{@code Host}: it must be allowed, else 421;
 *   <li>{@code MCP-Protocol-Version}: when present, one of {@value ProtocolVersions#MCP_2025_03_26},
 *       {@value ProtocolVersions#MCP_2025_06_18}, {@value ProtocolVersions#MCP_2025_11_25}, else 400 (the SDK
 *       2.1.0 ignores the header: java-sdk#957);
 *   <li>the body: at most {@linkplain HumanitecMcpSettings#maxRequestBytes() the limit}, else 413, whether declared
 *       by {@code Content-Length} or not; an {@code initialize} at most {@value #MAX_INITIALIZE_BYTES} bytes;
 *   <li>the body is one JSON-RPC 2.0 message in UTF-8, else 400 with -32700 or -32600, and a request's params are
 *       objects, else -32602 with its id (see {@link JsonRpcMessage});
 *   <li>sessions (stateful transport): at most {@linkplain HumanitecMcpSettings#maxSessions() the limit} open, else
 *       an {@code initialize} gets 503 with {@code Retry-After}; a session idle for
 *       {@linkplain HumanitecMcpSettings#sessionIdleTimeout() the idle timeout} is closed, and a request naming it
 *       gets 404; a JSON-RPC response that no request of the session awaits gets 400 with -32600.
 * </ul>
 *
 * <p>A new {@code initialize} beyond the limit is refused rather than made room for by closing the oldest idle
 * session: closing would let anyone who can reach the endpoint end other clients' sessions, at the rate they send
 * {@code initialize}, while a refusal leaves every open session working and tells the newcomer when a place frees.
 *
 * <p>Every refusal, here or in the SDK's transport, is a JSON-RPC error response, with the request's id when it
 * could be read, such as
 * {@code {"jsonrpc":"2.0","id":null,"error":{"code":-32600,"message":"Invalid Origin header"}}}: never a stack
 * trace or a class name (the SDK 2.1.0 would send its exception: java-sdk#955).
 *
 * <pre>{@code
 * HumanitecMcpServlet servlet = HumanitecMcpServlet.create(api, HumanitecMcpSettings.builder().readOnly(true).build());
 * ServletHolder holder = new ServletHolder(servlet);
 * holder.setAsyncSupported(true);
 * context.addServlet(holder, "/mcp");
 * }</pre>
 *
 * <p>The servlet does not check callers' tokens (put a filter such as the launcher's {@code BearerTokenFilter} or
 * {@code OAuthResourceFilter} in front) and never passes a caller's {@code Authorization} header on: the backend acts
 * with its own credentials. Given {@link ToolScopes}, it shows each caller only the tools its OAuth scopes allow and
 * refuses a call of another with 403.
 * It does not close the backend; destroying the servlet closes the MCP sessions.
 */
public final class HumanitecMcpServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(HumanitecMcpServlet.class);

    /** The path the SDK's transport serves, and the servlet's mapping in the standalone server: {@value}. */
    public static final String ENDPOINT = "/mcp";

    /** The protocol versions the transports speak; a request naming another one gets 400. */
    public static final List<String> PROTOCOL_VERSIONS =
            List.of(ProtocolVersions.MCP_2025_03_26, ProtocolVersions.MCP_2025_06_18, ProtocolVersions.MCP_2025_11_25);

    private static final String PROTOCOL_VERSION_HEADER = "MCP-Protocol-Version";

    private static final String SESSION_ID_HEADER = "Mcp-Session-Id";

    private static final String TRACEPARENT_HEADER = "traceparent";

    private static final String TRACESTATE_HEADER = "tracestate";

    private static final String SESSION_ID_REQUIRED =
            "Session ID required in the Mcp-Session-Id header: send the id initialize returned";

    private static final String SESSION_NOT_FOUND = "Session not found: it expired or was closed; initialize a new one";

    /** The largest {@code initialize} body: {@value} bytes. A session keeps the client's info and capabilities. */
    static final int MAX_INITIALIZE_BYTES = 8 * 1024;

    private final transient HttpServlet transport;
    private final transient HumanitecMcpTools tools;
    private final transient Set<String> toolNames;
    private final transient Runnable closeServer;
    private final transient DefaultServerTransportSecurityValidator originAndHost;
    private final int maxRequestBytes;
    /** The open sessions; null on the stateless transport. */
    private final transient McpSessions sessions;

    private final List<String> methods;

    /** The scopes each tool needs; null when callers are not told apart by scope. */
    private final transient ToolScopes toolScopes;

    /** The key of the caller's scopes in the SDK's transport context. */
    private static final String GRANTED_SCOPES = "org.openhumanitec.events.mcp.grantedScopes";

    private HumanitecMcpServlet(
            HttpServlet transport,
            HumanitecMcpTools tools,
            Runnable closeServer,
            DefaultServerTransportSecurityValidator originAndHost,
            HumanitecMcpSettings settings,
            McpSessions sessions,
            ToolScopes toolScopes) {
        this.toolScopes = toolScopes;
        this.transport = transport;
        this.tools = tools;
        this.toolNames = settings.offeredTools().stream()
                .map(HumanitecTool::toolName)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        this.closeServer = closeServer;
        this.originAndHost = originAndHost;
        this.maxRequestBytes = settings.maxRequestBytes();
        this.methods = methods(settings);
        this.sessions = sessions;
    }

    /**
     * The HTTP methods the servlet serves: {@code POST} (client messages), {@code GET} (the server's event stream)
     * and {@code DELETE} (ending a session); only {@code POST} when stateless. Any other is answered 405.
     *
     * @param settings the settings, stateless or not
     * @return the methods, in the order an {@code Allow} header lists them
     */
    public static List<String> methods(HumanitecMcpSettings settings) {
        return settings.stateless() ? List.of("POST") : List.of("GET", "POST", "DELETE");
    }

    /**
     * A servlet serving the tools over one backend.
     *
     * @param api the implementation the tools call; never closed here
     * @param settings the tools offered, the transport, the request checks and the session limits
     * @return the servlet, ready to mount with async support
     */
    public static HumanitecMcpServlet create(HumanitecEventApi api, HumanitecMcpSettings settings) {
        return create(api, settings, null, Clock.systemUTC(), ToolCallListener.NONE);
    }

    /**
     * A servlet serving the tools over one backend, telling a listener of every tool call (for metrics).
     *
     * @param api the implementation the tools call; never closed here
     * @param settings the tools offered, the transport, the request checks and the session limits
     * @param listener told of every tool call
     * @return the servlet, ready to mount with async support
     */
    public static HumanitecMcpServlet create(
            HumanitecEventApi api, HumanitecMcpSettings settings, ToolCallListener listener) {
        return create(
                api, settings, null, Clock.systemUTC(), Objects.requireNonNull(listener, "listener must not be null"));
    }

    /**
     * A servlet serving the tools over one backend to callers told apart by their OAuth scopes: each sees and may
     * call only the tools its scopes allow.
     *
     * @param api the implementation the tools call; never closed here
     * @param settings the tools offered, the transport, the request checks and the session limits
     * @param toolScopes the scope each tool needs, and how to read a caller's scopes from its request
     * @param listener told of every tool call ({@link ToolCallListener#NONE} for none)
     * @return the servlet, ready to mount with async support behind the token check
     */
    public static HumanitecMcpServlet create(
            HumanitecEventApi api, HumanitecMcpSettings settings, ToolScopes toolScopes, ToolCallListener listener) {
        return create(
                api,
                settings,
                Objects.requireNonNull(toolScopes, "toolScopes must not be null"),
                Clock.systemUTC(),
                Objects.requireNonNull(listener, "listener must not be null"));
    }

    /** As {@link #create(HumanitecEventApi, HumanitecMcpSettings)}, with the clock that times idle sessions. */
    static HumanitecMcpServlet create(HumanitecEventApi api, HumanitecMcpSettings settings, Clock clock) {
        return create(api, settings, null, clock, ToolCallListener.NONE);
    }

    private static HumanitecMcpServlet create(
            HumanitecEventApi api,
            HumanitecMcpSettings settings,
            ToolScopes toolScopes,
            Clock clock,
            ToolCallListener listener) {
        Objects.requireNonNull(settings, "settings must not be null");
        McpTransportContextExtractor<HttpServletRequest> context = request -> transportContext(request, toolScopes);
        McpAsyncListFilter<McpSchema.Tool> visible = toolScopes == null
                ? (transportContext, tool) -> Mono.just(true)
                : (transportContext, tool) -> Mono.just(visible(toolScopes, transportContext, tool));
        HumanitecMcpTools tools = HumanitecMcpTools.over(api, listener);
        McpJsonMapper json = TransportJson.mapper();
        McpSchema.ServerCapabilities capabilities =
                McpSchema.ServerCapabilities.builder().tools(false).build();
        DefaultServerTransportSecurityValidator originAndHost = originAndHost(settings);
        if (settings.stateless()) {
            HttpServletStatelessServerTransport transport = HttpServletStatelessServerTransport.builder()
                    .jsonMapper(json)
                    .messageEndpoint(ENDPOINT)
                    .maxRequestSize(settings.maxRequestBytes())
                    .contextExtractor(context)
                    .build();
            McpStatelessAsyncServer server = McpServer.async(transport)
                    .serverInfo(SERVER_NAME, version())
                    .instructions(INSTRUCTIONS)
                    .capabilities(capabilities)
                    .jsonMapper(json)
                    .jsonSchemaValidator(tools.schemaValidator())
                    .tools(tools.statelessSpecifications(settings.offeredTools()))
                    .addToolFilter(visible)
                    .build();
            return new HumanitecMcpServlet(
                    transport,
                    tools,
                    () -> server.closeGracefully().block(),
                    originAndHost,
                    settings,
                    null,
                    toolScopes);
        }
        // The SDK's sweeper closes a session that had no request during a whole sweep interval: at half the idle
        // timeout, it frees an idle session no later than McpSessions expires it.
        HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder()
                .jsonMapper(json)
                .mcpEndpoint(ENDPOINT)
                .maxRequestSize(settings.maxRequestBytes())
                .sessionSweepInterval(settings.sessionIdleTimeout().dividedBy(2))
                .keepAliveInterval(settings.keepAliveInterval())
                .contextExtractor(context)
                .build();
        McpAsyncServer server = McpServer.async(transport)
                .serverInfo(SERVER_NAME, version())
                .instructions(INSTRUCTIONS)
                .capabilities(capabilities)
                .jsonMapper(json)
                .jsonSchemaValidator(tools.schemaValidator())
                .tools(tools.specifications(settings.offeredTools()))
                .addToolFilter(visible)
                .build();
        return new HumanitecMcpServlet(
                transport,
                tools,
                () -> server.closeGracefully().block(),
                originAndHost,
                settings,
                new McpSessions(settings.maxSessions(), settings.sessionIdleTimeout(), clock),
                toolScopes);
    }

    /** Whether the caller whose scopes the transport context holds may see a tool. */
    private static boolean visible(ToolScopes toolScopes, McpTransportContext context, McpSchema.Tool tool) {
        Object granted = context.get(GRANTED_SCOPES);
        return granted instanceof Collection<?> scopes
                && HumanitecTool.byName(tool.name())
                        .map(known -> scopes.contains(toolScopes.requiredFor(known)))
                        .orElse(false);
    }

    /** Refuses a {@code tools/call} of a tool the caller's scopes do not allow. */
    private void checkScope(HttpServletRequest request, JsonRpcMessage message) throws Refusal {
        if (toolScopes == null
                || message == null
                || !"tools/call".equals(message.method())
                || message.params() == null
                || !message.params().path("name").isTextual()) {
            return;
        }
        HumanitecTool tool =
                HumanitecTool.byName(message.params().get("name").asText()).orElse(null);
        Set<String> granted = toolScopes.granted(request);
        if (tool != null && !toolScopes.allows(granted, tool)) {
            throw Refusal.insufficientScope(
                    message.id(),
                    "The access token lacks the scope " + toolScopes.requiredFor(tool) + " that " + tool.toolName()
                            + " needs",
                    toolScopes.challenge(tool));
        }
    }

    /** The request attribute holding a POSTed request's JSON-RPC id, as JSON text, for {@link #transportContext}. */
    private static final String REQUEST_ID_ATTRIBUTE = HumanitecMcpTools.REQUEST_ID;

    /**
     * What the tools and the tool filter learn of a request: the JSON-RPC id it carries, which a cancel names; its
     * W3C trace context headers and SLF4J MDC, which its tool call runs with on the SDK's threads; and, when callers
     * are told apart by scope, the caller's scopes. Called on the thread serving the request.
     */
    private static McpTransportContext transportContext(HttpServletRequest request, ToolScopes toolScopes) {
        Map<String, Object> values = new HashMap<>(8);
        if (request.getAttribute(REQUEST_ID_ATTRIBUTE) instanceof String id) {
            values.put(HumanitecMcpTools.REQUEST_ID, id);
        }
        putIfPresent(values, HumanitecMcpTools.TRACEPARENT, request.getHeader(TRACEPARENT_HEADER));
        putIfPresent(values, HumanitecMcpTools.TRACESTATE, request.getHeader(TRACESTATE_HEADER));
        putIfPresent(values, HumanitecMcpTools.LOG_CONTEXT, MDC.getCopyOfContextMap());
        if (toolScopes != null) {
            values.put(GRANTED_SCOPES, toolScopes.granted(request));
        }
        return values.isEmpty() ? McpTransportContext.EMPTY : McpTransportContext.create(values);
    }

    private static void putIfPresent(Map<String, Object> values, String key, Object value) {
        if (value != null) {
            values.put(key, value);
        }
    }

    /** The name the server gives in its {@code initialize} answer: {@value}. */
    static final String SERVER_NAME = "humanitec-events";

    /** The instructions the server gives in its {@code initialize} answer. */
    static final String INSTRUCTIONS = "Tools for the Humanitec Event API: the webhooks of an application"
            + " (list, get, create, update, delete), deleting all jobs of an application, and the events of an"
            + " organization that can trigger webhooks. Call list-events to see which triggers and payload"
            + " placeholders exist. A failed call returns isError with Humanitec's status, error code and message.";

    /** The version the server gives in its {@code initialize} answer: the jar's, or {@code dev}. */
    static String version() {
        String version = HumanitecMcpServlet.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    private static DefaultServerTransportSecurityValidator originAndHost(HumanitecMcpSettings settings) {
        DefaultServerTransportSecurityValidator.Builder builder =
                DefaultServerTransportSecurityValidator.builder().allowedOrigins(settings.allowedOrigins());
        if (!settings.allowedHosts().contains("*")) {
            builder.allowedHosts(settings.allowedHosts());
        }
        return builder.build();
    }

    @Override
    public void init(ServletConfig config) throws ServletException {
        super.init(config);
        transport.init(config);
    }

    /**
     * Closes every MCP session and ends its event streams now, so that a server stopping need not wait for streams
     * that only end when their clients go: call it when a stop begins, before requests in flight are waited for.
     * Requests that come after it are refused (503). {@link #destroy()} calls it too.
     */
    public void closeSessions() {
        try {
            closeServer.run();
        } catch (RuntimeException e) {
            LOG.warn("Closing the MCP sessions failed: {}", e.toString());
        }
    }

    /** Closes the MCP sessions, then the SDK's transport. */
    @Override
    public void destroy() {
        closeSessions();
        transport.destroy();
        super.destroy();
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (!methods.contains(request.getMethod())) {
            response.setHeader("Allow", String.join(", ", methods));
            refuse(response, Refusal.transport(405, "This endpoint takes " + String.join(", ", methods) + " only"));
            return;
        }
        try {
            checkHeaders(request);
            HttpServletRequest served = request;
            JsonRpcMessage message = null;
            if ("POST".equals(request.getMethod())) {
                BufferedBodyRequest buffered = BufferedBodyRequest.read(request, maxRequestBytes);
                message = JsonRpcMessage.read(buffered.body());
                if (message.isInitialize() && buffered.body().length > MAX_INITIALIZE_BYTES) {
                    throw Refusal.transport(
                            413, "An initialize request is larger than " + MAX_INITIALIZE_BYTES + " bytes");
                }
                served = buffered;
                checkScope(request, message);
                if (message.kind() == JsonRpcMessage.Kind.REQUEST) {
                    served.setAttribute(REQUEST_ID_ATTRIBUTE, message.id().toString());
                }
            }
            if (sessions == null) {
                if (message != null) {
                    checkRequest(message);
                }
                WholeAnswer answer = new WholeAnswer(response);
                forward(served, answer);
                answer.send();
            } else if (message != null && message.isInitialize()) {
                initialize(served, response, message);
            } else {
                serveInSession(served, response, message);
            }
        } catch (Refusal refusal) {
            refuse(response, refusal);
        }
    }

    /** Origin, Host and MCP-Protocol-Version, and a declared body length over the limit. */
    private void checkHeaders(HttpServletRequest request) throws Refusal {
        try {
            originAndHost.validate(headers(request));
        } catch (ServerTransportSecurityException e) {
            throw Refusal.transport(e.getStatusCode(), TransportJson.headerRefusal(e.getStatusCode()));
        }
        String version = request.getHeader(PROTOCOL_VERSION_HEADER);
        if (version != null && !PROTOCOL_VERSIONS.contains(version.strip())) {
            throw Refusal.transport(
                    400,
                    "Unsupported MCP-Protocol-Version: this server speaks " + String.join(", ", PROTOCOL_VERSIONS));
        }
        if (request.getContentLengthLong() > maxRequestBytes) {
            throw Refusal.transport(413, "The request body is larger than " + maxRequestBytes + " bytes");
        }
    }

    /**
     * Opens a session if a place is free: the SDK answers the {@code initialize} and names the new session, which the
     * registry learns before the answer leaves (see {@link SessionNaming}).
     */
    private void initialize(HttpServletRequest request, HttpServletResponse response, JsonRpcMessage message)
            throws Refusal, ServletException, IOException {
        message.checkParams();
        sessions.reserve();
        SessionNaming answer = new SessionNaming(response, sessions);
        try {
            forward(request, answer);
        } finally {
            if (!answer.named()) {
                sessions.abandoned();
            }
        }
    }

    /**
     * The response given to the SDK for an {@code initialize}: the registry learns the new session when the SDK
     * names it in the {@code Mcp-Session-Id} header, which it must do before any of the answer is sent. Once the
     * answer is sent, the client may send the session's next requests (its {@code notifications/initialized}, its
     * event stream) while the thread that answered has not yet left the SDK: they must find the session. Should the
     * SDK fail after naming it, the SDK keeps that session as well, and it expires once idle.
     */
    private static final class SessionNaming extends HttpServletResponseWrapper {
        private final McpSessions sessions;
        private boolean named;

        private SessionNaming(HttpServletResponse response, McpSessions sessions) {
            super(response);
            this.sessions = sessions;
        }

        /** Whether the SDK named a session, which the registry then counts as open. */
        boolean named() {
            return named;
        }

        @Override
        public void setHeader(String name, String value) {
            super.setHeader(name, value);
            sessionNamed(name, value);
        }

        @Override
        public void addHeader(String name, String value) {
            super.addHeader(name, value);
            sessionNamed(name, value);
        }

        private void sessionNamed(String name, String value) {
            if (!named && SESSION_ID_HEADER.equalsIgnoreCase(name) && value != null) {
                named = true;
                sessions.opened(value);
            }
        }
    }

    /**
     * Serves a request of a session the registry knows, keeping the session busy until the request ends: an event stream ends when its async context completes.
     */
    private void serveInSession(HttpServletRequest request, HttpServletResponse response, JsonRpcMessage message)
            throws Refusal, ServletException, IOException {
        String id = request.getHeader(SESSION_ID_HEADER);
        if (id == null || id.isBlank()) {
            throw Refusal.transport(400, SESSION_ID_REQUIRED);
        }
        if (!sessions.begin(id)) {
            throw Refusal.transport(404, SESSION_NOT_FOUND);
        }
        boolean streaming = false;
        try {
            if (message != null) {
                checkRequest(message);
                cancelIfAsked(id, message);
            }
            if (message != null && message.kind() == JsonRpcMessage.Kind.RESPONSE) {
                HeldBackAnswer answer = HeldBackAnswer.serverError(response);
                forward(request, answer);
                if (answer.held()) {
                    throw Refusal.invalidRequest(
                            message.id(), "Unexpected response: no request of this session awaits this id");
                }
                return;
            }
            HeldBackAnswer answer = HeldBackAnswer.notFound(response);
            forward(request, answer);
            if (answer.held()) {
                sessions.closed(id);
                throw Refusal.transport(404, SESSION_NOT_FOUND);
            }
            if ("DELETE".equals(request.getMethod()) && response.getStatus() == HttpServletResponse.SC_OK) {
                sessions.closed(id);
            } else if (request.isAsyncStarted()) {
                request.getAsyncContext().addListener(new SessionRequestEnd(sessions, id));
                streaming = true;
            }
        } finally {
            if (!streaming) {
                sessions.end(id);
            }
        }
    }

    /**
     * Checks a message's params, and that a {@code tools/call} names a tool offered here: else -32602 naming the tool
     * the client sent (the SDK 2.1.0 names none).
     */
    private void checkRequest(JsonRpcMessage message) throws Refusal {
        message.checkParams();
        String name = message.toolName();
        if (name != null && !toolNames.contains(name)) {
            String shown = name.length() > MAX_SHOWN_NAME ? name.substring(0, MAX_SHOWN_NAME) + "..." : name;
            throw Refusal.invalidParams(
                    message.id(), "Unknown tool: '" + shown + "'; the tools are " + String.join(", ", toolNames));
        }
    }

    private static final String CANCELLED = "notifications/cancelled";

    /** The longest tool name an error message repeats: {@value}, the longest name MCP allows. */
    private static final int MAX_SHOWN_NAME = 128;

    /**
     * A {@code notifications/cancelled} of the session cancels the call it names (see
     * {@link HumanitecMcpTools#cancel}); the SDK 2.1.0 has no handler for it, and is still given it.
     */
    private void cancelIfAsked(String sessionId, JsonRpcMessage message) {
        if (message.kind() != JsonRpcMessage.Kind.NOTIFICATION
                || !CANCELLED.equals(message.method())
                || message.params() == null) {
            return;
        }
        JsonNode requestId = message.params().get("requestId");
        if (requestId != null && (requestId.isTextual() || requestId.isIntegralNumber())) {
            tools.cancel(sessionId, requestId.toString());
        }
    }

    /** Passes a request to the SDK's transport; a failure it does not answer itself gets a bare 500. */
    private void forward(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        try {
            transport.service(request, response);
        } catch (RuntimeException e) {
            LOG.error("{} {} failed unexpectedly", request.getMethod(), request.getRequestURI(), e);
            if (!response.isCommitted()) {
                response.resetBuffer();
                refuse(response, Refusal.internalError());
            }
        }
    }

    /** Ends a request of a session when its event stream ends. */
    private static final class SessionRequestEnd implements AsyncListener {
        private final McpSessions sessions;
        private final String id;

        private SessionRequestEnd(McpSessions sessions, String id) {
            this.sessions = sessions;
            this.id = id;
        }

        @Override
        public void onComplete(AsyncEvent event) {
            sessions.end(id);
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            // onComplete follows
        }

        @Override
        public void onError(AsyncEvent event) {
            // onComplete follows
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            // not started again
        }
    }

    private static HeaderAccessor headers(HttpServletRequest request) {
        return new HeaderAccessor() {
            @Override
            public List<String> getHeader(String name) {
                return Collections.list(request.getHeaders(name));
            }

            @Override
            public List<String> getHeaderNames() {
                return Collections.list(request.getHeaderNames());
            }
        };
    }

    /** Answers a refusal: its status, {@code Retry-After} if it has one, and its JSON-RPC error response. */
    private static void refuse(HttpServletResponse response, Refusal refusal) throws IOException {
        byte[] body = TransportJson.errorResponse(refusal.id(), refusal.code(), refusal.getMessage());
        response.setStatus(refusal.status());
        if (refusal.retryAfter() != null) {
            response.setHeader("Retry-After", Long.toString(refusal.retryAfter().toSeconds()));
        }
        if (refusal.challenge() != null) {
            response.setHeader("WWW-Authenticate", refusal.challenge());
        }
        response.setContentType("application/json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
