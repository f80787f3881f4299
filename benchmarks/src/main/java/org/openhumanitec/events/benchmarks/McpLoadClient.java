package org.openhumanitec.events.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.openhumanitec.events.jackson.HumanitecJson;

/**
 * A load client for the MCP face (Streamable HTTP): each of N concurrent clients initializes its own session,
 * then calls the {@code list-webhooks} tool back to back for a fixed time, and closes its session. Prints one JSON
 * line: calls, errors, throughput, and p50/p99 latency in milliseconds.
 *
 * <pre>
 * java -cp benchmarks.jar org.openhumanitec.events.benchmarks.McpLoadClient --url http://127.0.0.1:9090/mcp \
 *     --clients 8 --warmup 3 --duration 10 [--seed 20] [--fill 17000]
 * </pre>
 *
 * <p>{@code --seed N} first creates N webhooks with the {@code create-new-webhook} tool, so the list holds them.
 * {@code --fill N} then creates N more in other apps of the same org, {@value #FILL_PER_APP} to an app, through all
 * the sessions at once, so the sandbox holds as much as a long-lived one would while the list under load stays the
 * same; a refusal (a sandbox limit) stops the fill, and the line says how many were stored and why it stopped.
 * The tools' argument names are read from {@code tools/list} (the properties whose names contain {@code org} and
 * {@code app}), so the client does not depend on how the face spells them.
 */
public final class McpLoadClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The Humanitec wire format, for the webhooks the sandbox is seeded with. */
    private static final ObjectMapper WIRE = HumanitecJson.newMapper();
    /** How many of the {@code --fill} webhooks go to one app. */
    private static final int FILL_PER_APP = 20;

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI endpoint;
    private String sessionId;
    private long nextId = 1;

    private McpLoadClient(URI endpoint) {
        this.endpoint = endpoint;
    }

    /**
     * Runs the load.
     *
     * @param args {@code --url}, {@code --clients}, {@code --warmup} and {@code --duration} (seconds), {@code --seed},
     *     {@code --fill}
     * @throws Exception if the face cannot be reached or answers wrongly
     */
    public static void main(String[] args) throws Exception {
        String url = "http://127.0.0.1:9090/mcp";
        int clients = 1;
        double warmup = 3;
        double duration = 10;
        int seed = 0;
        int fill = 0;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--url" -> url = args[i + 1];
                case "--clients" -> clients = Integer.parseInt(args[i + 1]);
                case "--warmup" -> warmup = Double.parseDouble(args[i + 1]);
                case "--duration" -> duration = Double.parseDouble(args[i + 1]);
                case "--seed" -> seed = Integer.parseInt(args[i + 1]);
                case "--fill" -> fill = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        URI endpoint = URI.create(url);
        McpLoadClient first = new McpLoadClient(endpoint);
        first.initialize();
        JsonNode tools = first.call("tools/list", JSON.createObjectNode()).path("tools");
        ObjectNode listArguments = arguments(tools, "list-webhooks");
        for (int i = 0; i < seed; i++) {
            first.create(tools, StubPayloads.APP, i);
        }
        JsonNode probe = first.callTool(listArguments);
        int items = countItems(probe);

        List<McpLoadClient> sessions = new ArrayList<>();
        sessions.add(first);
        for (int i = 1; i < clients; i++) {
            McpLoadClient session = new McpLoadClient(endpoint);
            session.initialize();
            sessions.add(session);
        }
        Fill filled = fill(sessions, tools, fill);
        run(sessions, listArguments, (long) (warmup * 1e9), null);
        List<long[]> latencies = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        long start = System.nanoTime();
        run(sessions, listArguments, (long) (duration * 1e9), new Sink(latencies, errors));
        double seconds = (System.nanoTime() - start) / 1e9;
        for (McpLoadClient session : sessions) {
            session.close();
        }
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        System.out.println(String.format(
                Locale.ROOT,
                "{\"clients\":%d,\"items\":%d,\"calls\":%d,\"errors\":%d,\"seconds\":%.3f,\"throughput\":%.1f,"
                        + "\"p50_ms\":%.3f,\"p99_ms\":%.3f,\"filled\":%d,\"fill_seconds\":%.1f,\"fill_stopped\":%s}",
                clients,
                items,
                all.length,
                errors.get(),
                seconds,
                all.length / seconds,
                percentile(all, 0.50) / 1e6,
                percentile(all, 0.99) / 1e6,
                filled.stored(),
                filled.seconds(),
                filled.stopped() == null ? "null" : JSON.writeValueAsString(filled.stopped())));
    }

    /** What {@code --fill} stored, in how long, and why it stopped short, if it did. */
    private record Fill(int stored, double seconds, String stopped) {}

    /**
     * Creates {@code count} webhooks in the apps {@code fill-app-0000}, {@code fill-app-0001}, ..., {@value
     * #FILL_PER_APP} to an app, each session in its own thread taking the next one; ids unique in the org.
     */
    private static Fill fill(List<McpLoadClient> sessions, JsonNode tools, int count) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger stored = new AtomicInteger();
        AtomicReference<String> stopped = new AtomicReference<>();
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (McpLoadClient session : sessions) {
            Thread thread = new Thread(() -> {
                for (int i = next.getAndIncrement(); i < count && stopped.get() == null; i = next.getAndIncrement()) {
                    try {
                        session.create(
                                tools,
                                String.format(Locale.ROOT, "fill-app-%04d", i / FILL_PER_APP),
                                StubPayloads.LIST_SIZE + i);
                        stored.incrementAndGet();
                    } catch (IOException e) {
                        stopped.compareAndSet(null, e.getMessage());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return new Fill(stored.get(), (System.nanoTime() - start) / 1e9, stopped.get());
    }

    /** Where the measured latencies go. */
    private record Sink(List<long[]> latencies, AtomicLong errors) {}

    private static void run(List<McpLoadClient> sessions, ObjectNode arguments, long nanos, Sink sink)
            throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        long end = System.nanoTime() + nanos;
        for (McpLoadClient session : sessions) {
            Thread thread = new Thread(() -> {
                long[] samples = new long[1 << 16];
                int count = 0;
                while (System.nanoTime() < end) {
                    long before = System.nanoTime();
                    try {
                        session.callTool(arguments);
                    } catch (Exception e) {
                        if (sink != null) {
                            sink.errors().incrementAndGet();
                        }
                        continue;
                    }
                    if (count == samples.length) {
                        samples = Arrays.copyOf(samples, count * 2);
                    }
                    samples[count++] = System.nanoTime() - before;
                }
                if (sink != null) {
                    synchronized (sink) {
                        sink.latencies().add(Arrays.copyOf(samples, count));
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }

    /**
     * Ends the session as a well-behaved client does ({@code DELETE} with its id), so a later run's sessions are the
     * only ones open; the sandbox keeps what was created.
     */
    private void close() throws IOException, InterruptedException {
        if (sessionId != null) {
            http.send(
                    HttpRequest.newBuilder(endpoint)
                            .timeout(Duration.ofSeconds(30))
                            .header("Mcp-Session-Id", sessionId)
                            .header("MCP-Protocol-Version", "2025-06-18")
                            .DELETE()
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
        }
    }

    private void initialize() throws IOException, InterruptedException {
        ObjectNode params = JSON.createObjectNode();
        params.put("protocolVersion", "2025-06-18");
        params.putObject("capabilities");
        params.putObject("clientInfo").put("name", "humanitec-benchmarks").put("version", "0.1.0");
        HttpResponse<String> response = post(request("initialize", params));
        if (response.statusCode() != 200) {
            throw new IOException("initialize answered " + response.statusCode() + ": " + response.body());
        }
        sessionId = response.headers().firstValue("Mcp-Session-Id").orElse(null);
        ObjectNode initialized = JSON.createObjectNode();
        initialized.put("jsonrpc", "2.0");
        initialized.put("method", "notifications/initialized");
        post(JSON.writeValueAsString(initialized));
    }

    /** Creates the {@code i}-th canned webhook in an app of the org, with the {@code create-new-webhook} tool. */
    private void create(JsonNode tools, String app, int i) throws IOException, InterruptedException {
        JsonNode schema = schemaOf(tools, "create-new-webhook");
        ObjectNode arguments = arguments(tools, "create-new-webhook", app);
        ObjectNode webhook = (ObjectNode) JSON.readTree(WIRE.writeValueAsBytes(StubPayloads.createRequest(i)));
        String nested = null;
        for (Iterator<String> names = schema.path("properties").fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (schema.path("properties").path(name).path("type").asText().equals("object")) {
                nested = name;
            }
        }
        if (nested != null) {
            arguments.set(nested, webhook);
        } else {
            arguments.setAll(webhook);
        }
        JsonNode result = call("tools/call", toolCall("create-new-webhook", arguments));
        if (result.path("isError").asBoolean(false)) {
            throw new IOException("create-new-webhook failed: " + result.path("content"));
        }
    }

    private JsonNode callTool(ObjectNode arguments) throws IOException, InterruptedException {
        JsonNode result = call("tools/call", toolCall("list-webhooks", arguments));
        if (result.path("isError").asBoolean(false)) {
            throw new IOException("list-webhooks failed: " + result);
        }
        return result;
    }

    private static ObjectNode toolCall(String name, ObjectNode arguments) {
        ObjectNode params = JSON.createObjectNode();
        params.put("name", name);
        params.set("arguments", arguments);
        return params;
    }

    /** The org and app arguments of a tool, named as its input schema names them. */
    private static ObjectNode arguments(JsonNode tools, String tool) throws IOException {
        return arguments(tools, tool, StubPayloads.APP);
    }

    private static ObjectNode arguments(JsonNode tools, String tool, String app) throws IOException {
        JsonNode schema = schemaOf(tools, tool);
        ObjectNode arguments = JSON.createObjectNode();
        for (Iterator<String> names = schema.path("properties").fieldNames(); names.hasNext(); ) {
            String name = names.next();
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.contains("org")) {
                arguments.put(name, StubPayloads.ORG);
            } else if (lower.contains("app")) {
                arguments.put(name, app);
            }
        }
        return arguments;
    }

    private static JsonNode schemaOf(JsonNode tools, String tool) throws IOException {
        for (JsonNode candidate : tools) {
            if (candidate.path("name").asText().equals(tool)) {
                return candidate.path("inputSchema");
            }
        }
        throw new IOException("the face has no tool " + tool + "; it has " + tools);
    }

    private static int countItems(JsonNode result) {
        JsonNode structured = result.path("structuredContent");
        for (JsonNode value : structured) {
            if (value.isArray()) {
                return value.size();
            }
        }
        if (structured.isArray()) {
            return structured.size();
        }
        return -1;
    }

    /** Sends a request and returns its result; fails on a JSON-RPC error. */
    private JsonNode call(String method, ObjectNode params) throws IOException, InterruptedException {
        HttpResponse<String> response = post(request(method, params));
        if (response.statusCode() != 200) {
            throw new IOException(method + " answered " + response.statusCode());
        }
        JsonNode message = JSON.readTree(messageOf(response));
        if (message.has("error")) {
            throw new IOException(method + " failed: " + message.get("error"));
        }
        return message.path("result");
    }

    private String request(String method, ObjectNode params) throws IOException {
        ObjectNode request = JSON.createObjectNode();
        request.put("jsonrpc", "2.0");
        synchronized (this) {
            request.put("id", nextId++);
        }
        request.put("method", method);
        request.set("params", params);
        return JSON.writeValueAsString(request);
    }

    private HttpResponse<String> post(String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .header("MCP-Protocol-Version", "2025-06-18")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (sessionId != null) {
            request.header("Mcp-Session-Id", sessionId);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The JSON-RPC message of an answer: the body itself, or the data of its first SSE event. */
    private static String messageOf(HttpResponse<String> response) throws IOException {
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith("text/event-stream")) {
            return response.body();
        }
        StringBuilder data = new StringBuilder();
        for (String line : response.body().split("\n", -1)) {
            if (line.startsWith("data:")) {
                data.append(line.substring(5).strip());
            } else if (line.isBlank() && data.length() > 0) {
                break;
            }
        }
        if (data.length() == 0) {
            throw new IOException("an event stream without data");
        }
        return data.toString();
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
