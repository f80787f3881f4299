package org.openhumanitec.events.mcp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Raw HTTP to the MCP endpoint, for what the MCP client never sends: bad headers, bad bodies, no session. */
public final class RawMcp {

    /** An initialize request. */
    public static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
            + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}";

    /** A tools/list request. */
    public static final String TOOLS_LIST = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}";

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI endpoint;

    /**
     * Requests to one server.
     *
     * @param base the server's address
     */
    public RawMcp(URI base) {
        this.endpoint = URI.create(base + HumanitecMcpServlet.ENDPOINT);
    }

    /** An answer. */
    public record Answer(int status, Map<String, List<String>> headers, String body) {
        /** The first value of a header, matched case-insensitively. */
        public Optional<String> header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream())
                    .findFirst();
        }
    }

    /**
     * POSTs a JSON-RPC message as the MCP client does (Accept both JSON and SSE).
     *
     * @param json the message
     * @param sessionId the session, or null
     * @param headers more headers, name then value
     * @return the answer
     */
    public Answer post(String json, String sessionId, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (sessionId != null) {
            request.header("Mcp-Session-Id", sessionId);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    /**
     * Initializes a session and sends {@code notifications/initialized}.
     *
     * @param headers more headers for both requests
     * @return the session id
     */
    public String initialize(String... headers) {
        Answer answer = post(INITIALIZE, null, headers);
        if (answer.status() != 200) {
            throw new IllegalStateException("initialize answered " + answer.status() + ": " + answer.body());
        }
        String session = answer.header("Mcp-Session-Id").orElseThrow();
        post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}", session, headers);
        return session;
    }

    /**
     * Sends a prepared request.
     *
     * @param request the request
     * @return the answer
     */
    public static Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends bytes as they are over a socket, for requests the JDK client refuses to build (another Host header).
     *
     * @param head the request line and headers, each ending with CRLF, without the blank line
     * @param body the body
     * @return the status line and the rest of the answer
     */
    public String raw(String head, String body) {
        try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            out.write((head + "Content-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
