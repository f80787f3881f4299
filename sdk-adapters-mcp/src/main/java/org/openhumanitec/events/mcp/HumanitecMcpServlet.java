package org.openhumanitec.events.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.DefaultServerTransportSecurityValidator;
import io.modelcontextprotocol.server.transport.HeaderAccessor;
import io.modelcontextprotocol.server.transport.HttpServletStatelessServerTransport;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.server.transport.ServerTransportSecurityException;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.ProtocolVersions;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.openhumanitec.events.api.HumanitecEventApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 *       by {@code Content-Length} or not.
 * </ul>
 *
 * <p>Every refusal, here or in the SDK's transport, is a JSON-RPC error response without an id, such as
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
 * <p>The servlet does not check callers' tokens (put a filter such as the launcher's {@code BearerTokenFilter} in
 * front) and never passes a caller's {@code Authorization} header on: the backend acts with its own credentials.
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

    private final transient HttpServlet transport;
    private final transient Runnable closeServer;
    private final transient DefaultServerTransportSecurityValidator originAndHost;
    private final int maxRequestBytes;
    private final List<String> methods;

    private HumanitecMcpServlet(
            HttpServlet transport,
            Runnable closeServer,
            DefaultServerTransportSecurityValidator originAndHost,
            HumanitecMcpSettings settings) {
        this.methods = methods(settings);
        this.maxRequestBytes = settings.maxRequestBytes();
        this.transport = transport;
        this.closeServer = closeServer;
        this.originAndHost = originAndHost;
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
     * @param settings the tools offered, the transport and the request checks
     * @return the servlet, ready to mount with async support
     */
    public static HumanitecMcpServlet create(HumanitecEventApi api, HumanitecMcpSettings settings) {
        Objects.requireNonNull(settings, "settings must not be null");
        HumanitecMcpTools tools = HumanitecMcpTools.over(api);
        McpJsonMapper json = TransportJson.mapper();
        McpSchema.ServerCapabilities capabilities =
                McpSchema.ServerCapabilities.builder().tools(false).build();
        DefaultServerTransportSecurityValidator originAndHost = originAndHost(settings);
        if (settings.stateless()) {
            HttpServletStatelessServerTransport transport = HttpServletStatelessServerTransport.builder()
                    .jsonMapper(json)
                    .messageEndpoint(ENDPOINT)
                    .maxRequestSize(settings.maxRequestBytes())
                    .build();
            McpStatelessSyncServer server = McpServer.sync(transport)
                    .serverInfo(SERVER_NAME, version())
                    .instructions(INSTRUCTIONS)
                    .capabilities(capabilities)
                    .jsonMapper(json)
                    .tools(tools.statelessSpecifications(settings.offeredTools()))
                    .build();
            return new HumanitecMcpServlet(transport, server::closeGracefully, originAndHost, settings);
        }
        HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder()
                .jsonMapper(json)
                .mcpEndpoint(ENDPOINT)
                .maxRequestSize(settings.maxRequestBytes())
                .build();
        McpSyncServer server = McpServer.sync(transport)
                .serverInfo(SERVER_NAME, version())
                .instructions(INSTRUCTIONS)
                .capabilities(capabilities)
                .jsonMapper(json)
                .tools(tools.specifications(settings.offeredTools()))
                .build();
        return new HumanitecMcpServlet(transport, server::closeGracefully, originAndHost, settings);
    }

    private static final String SERVER_NAME = "humanitec-events";

    private static final String INSTRUCTIONS = "Tools for the Humanitec Event API: the webhooks of an application"
            + " (list, get, create, update, delete), deleting all jobs of an application, and the events of an"
            + " organization that can trigger webhooks. Call list-events to see which triggers and payload"
            + " placeholders exist. A failed call returns isError with Humanitec's status, error code and message.";

    private static String version() {
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

    /** Closes the MCP sessions, then the SDK's transport. */
    @Override
    public void destroy() {
        try {
            closeServer.run();
        } catch (RuntimeException e) {
            LOG.warn("Closing the MCP sessions failed: {}", e.toString());
        }
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
            refuse(response, 405, "This endpoint takes " + String.join(", ", methods) + " only");
            return;
        }
        try {
            originAndHost.validate(headers(request));
        } catch (ServerTransportSecurityException e) {
            refuse(
                    response,
                    e.getStatusCode(),
                    TransportJson.safeMessage(McpSchema.ErrorCodes.INVALID_REQUEST, e.getMessage()));
            return;
        }
        String version = request.getHeader(PROTOCOL_VERSION_HEADER);
        if (version != null && !PROTOCOL_VERSIONS.contains(version.strip())) {
            refuse(
                    response,
                    400,
                    "Unsupported MCP-Protocol-Version: this server speaks " + String.join(", ", PROTOCOL_VERSIONS));
            return;
        }
        if (request.getContentLengthLong() > maxRequestBytes) {
            refuse(response, 413, "The request body is larger than " + maxRequestBytes + " bytes");
            return;
        }
        HttpServletRequest served = request;
        if ("POST".equals(request.getMethod())) {
            served = BufferedBodyRequest.read(request, maxRequestBytes);
            if (served == null) {
                refuse(response, 413, "The request body is larger than " + maxRequestBytes + " bytes");
                return;
            }
        }
        try {
            transport.service(served, response);
        } catch (RuntimeException e) {
            LOG.error("{} {} failed unexpectedly", request.getMethod(), request.getRequestURI(), e);
            if (!response.isCommitted()) {
                response.resetBuffer();
                refuse(response, 500, "Internal error");
            }
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

    /** A JSON-RPC error response without an id. */
    private static void refuse(HttpServletResponse response, int status, String message) throws IOException {
        int code = status >= 500 ? McpSchema.ErrorCodes.INTERNAL_ERROR : McpSchema.ErrorCodes.INVALID_REQUEST;
        byte[] body = ("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":" + code + ",\"message\":\""
                        + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}}")
                .getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
