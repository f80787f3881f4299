package org.openhumanitec.events.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Real HTTP to a server under test: the JDK client for ordinary requests, a raw socket for broken ones. */
public final class Http {

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;

    /**
     * Requests to one server.
     *
     * @param base the server's address, such as {@code http://127.0.0.1:8080}
     */
    public Http(URI base) {
        this.base = base;
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

        /** The body as JSON. */
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }
    }

    /**
     * Sends a request.
     *
     * @param method the method
     * @param rawPath the path, sent exactly as written (percent-encoding included)
     * @param body a JSON body sent as {@code application/json}, or null for none
     * @param headers more headers, name then value
     * @return the answer
     */
    public Answer send(String method, String rawPath, String body, String... headers) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + rawPath)).timeout(Duration.ofSeconds(20));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        if (body != null && java.util.Arrays.stream(headers).noneMatch(h -> h.equalsIgnoreCase("Content-Type"))) {
            request.header("Content-Type", "application/json");
        }
        request.method(
                method,
                body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return send(request.build());
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

    /** {@code GET}. */
    public Answer get(String rawPath, String... headers) {
        return send("GET", rawPath, null, headers);
    }

    /**
     * Sends bytes as they are, for requests the JDK client refuses to build (a broken percent-encoding).
     *
     * @param requestLineAndHeaders for example {@code GET /v1/orgs/%zz/events HTTP/1.1}, without the Host header
     * @return the answer
     */
    public Answer raw(String requestLineAndHeaders) {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((requestLineAndHeaders + "\r\nHost: " + base.getHost() + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int headersEnd = text.indexOf("\r\n\r\n");
            String[] head = text.substring(0, headersEnd).split("\r\n");
            int status = Integer.parseInt(head[0].split(" ")[1]);
            Map<String, List<String>> headerMap = new LinkedHashMap<>();
            for (int i = 1; i < head.length; i++) {
                int colon = head[i].indexOf(':');
                headerMap.put(
                        head[i].substring(0, colon).toLowerCase(Locale.ROOT),
                        List.of(head[i].substring(colon + 1).trim()));
            }
            return new Answer(status, headerMap, text.substring(headersEnd + 4));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
