package org.openhumanitec.events.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

/**
 * A fast Humanitec stand-in on 127.0.0.1: HTTP/1.1 with keep-alive over plain sockets, one thread per connection,
 * answering from canned bytes so that it costs next to nothing per request and allocates nothing per request
 * (the request is parsed in place in a per-connection buffer).
 *
 * <table>
 *   <caption>Routes (any org and app)</caption>
 *   <tr><th>request</th><th>answer</th></tr>
 *   <tr><td>{@code GET …/orgs/{org}/apps/{app}/webhooks}</td><td>200, {@value StubPayloads#LIST_SIZE} webhooks</td></tr>
 *   <tr><td>{@code GET …/webhooks/{id}}</td><td>200, one webhook</td></tr>
 *   <tr><td>{@code POST …/webhooks}</td><td>201, one webhook (the body is read and ignored)</td></tr>
 *   <tr><td>{@code GET /healthz}</td><td>200 {@code {"status":"ok"}}</td></tr>
 *   <tr><td>anything else</td><td>404 with a Humanitec error body</td></tr>
 * </table>
 *
 * <p>Run standalone with {@code java -cp benchmarks.jar org.openhumanitec.events.benchmarks.LoopbackStub --port N}
 * ({@code 0} picks a free port); it prints {@code stub listening on http://127.0.0.1:<port>} and serves until killed.
 */
public final class LoopbackStub implements AutoCloseable {

    private static final int MAX_HEAD_BYTES = 16 * 1024;

    private final byte[] listResponse;
    private final byte[] oneResponse;
    private final byte[] createdResponse;
    private final byte[] healthResponse;
    private final byte[] notFoundResponse;
    private final byte[] badRequestResponse;
    private final ServerSocket server;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private LoopbackStub(ServerSocket server) {
        this.server = server;
        this.listResponse = response("200 OK", StubPayloads.listBody());
        this.oneResponse = response("200 OK", StubPayloads.oneBody());
        this.createdResponse = response("201 Created", StubPayloads.oneBody());
        this.healthResponse = response("200 OK", "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8));
        this.notFoundResponse = response(
                "404 Not Found", "{\"error\":\"API-404\",\"message\":\"Not found.\"}".getBytes(StandardCharsets.UTF_8));
        this.badRequestResponse = response(
                "400 Bad Request",
                "{\"error\":\"API-400\",\"message\":\"Unsupported request.\"}".getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Starts a stub on 127.0.0.1.
     *
     * @param port the port, or 0 for a free one
     * @return the running stub
     * @throws IOException if the port cannot be bound
     */
    public static LoopbackStub start(int port) throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
        LoopbackStub stub = new LoopbackStub(server);
        Thread acceptor = new Thread(stub::acceptLoop, "stub-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
        return stub;
    }

    /**
     * Runs a stub until the process is killed.
     *
     * @param args {@code --port <n>}, default 0 (a free port)
     * @throws Exception if it cannot start
     */
    public static void main(String[] args) throws Exception {
        int port = 0;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--port") && i + 1 < args.length) {
                port = Integer.parseInt(args[++i]);
            } else {
                System.err.println("usage: LoopbackStub [--port <n>]");
                System.exit(2);
            }
        }
        try (LoopbackStub stub = start(port)) {
            System.out.println("stub listening on " + stub.baseUrl());
            System.out.flush();
            new CountDownLatch(1).await();
        }
    }

    /**
     * The port the stub listens on.
     *
     * @return the port
     */
    public int port() {
        return server.getLocalPort();
    }

    /**
     * Where the stub is.
     *
     * @return {@code http://127.0.0.1:<port>}
     */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** Stops accepting and closes every connection. */
    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        for (Socket socket : connections) {
            socket.close();
        }
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true);
                connections.add(socket);
                Thread worker = new Thread(() -> serve(socket), "stub-connection");
                worker.setDaemon(true);
                worker.start();
            } catch (IOException e) {
                if (!closed) {
                    System.err.println("stub: accept failed: " + e);
                }
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            byte[] buffer = new byte[MAX_HEAD_BYTES];
            int length = 0;
            while (true) {
                int headEnd;
                while ((headEnd = headEnd(buffer, length)) < 0) {
                    if (length == MAX_HEAD_BYTES) {
                        out.write(badRequestResponse);
                        return;
                    }
                    int read = in.read(buffer, length, MAX_HEAD_BYTES - length);
                    if (read < 0) {
                        return;
                    }
                    length += read;
                }
                long contentLength = contentLength(buffer, headEnd);
                if (contentLength < 0) {
                    out.write(badRequestResponse); // chunked or unreadable length: not something the clients send
                    return;
                }
                byte[] answer = route(buffer);
                // The body is not needed: skip it, whether or not it is in the buffer yet.
                long unread = headEnd + contentLength;
                int consumed = (int) Math.min(unread, length);
                System.arraycopy(buffer, consumed, buffer, 0, length - consumed);
                length -= consumed;
                unread -= consumed;
                while (unread > 0) {
                    long skipped = in.skip(unread);
                    if (skipped <= 0) {
                        if (in.read() < 0) {
                            return;
                        }
                        skipped = 1;
                    }
                    unread -= skipped;
                }
                out.write(answer);
            }
        } catch (IOException e) {
            // The client went away: nothing to do.
        } finally {
            connections.remove(socket);
        }
    }

    /** The answer to the request whose head starts the buffer. */
    private byte[] route(byte[] head) {
        int pathStart = indexOf(head, (byte) ' ', 0) + 1;
        int pathEnd = pathStart;
        while (head[pathEnd] != ' ' && head[pathEnd] != '?' && head[pathEnd] != '\r') {
            pathEnd++;
        }
        boolean get = head[0] == 'G';
        boolean post = head[0] == 'P' && head[1] == 'O';
        if (endsWith(head, pathEnd, "/webhooks")) {
            return get ? listResponse : post ? createdResponse : notFoundResponse;
        }
        int lastSlash = pathEnd - 1;
        while (lastSlash > pathStart && head[lastSlash] != '/') {
            lastSlash--;
        }
        if (get && lastSlash > pathStart && lastSlash < pathEnd - 1 && endsWith(head, lastSlash, "/webhooks")) {
            return oneResponse;
        }
        if (get && endsWith(head, pathEnd, "/healthz")) {
            return healthResponse;
        }
        return notFoundResponse;
    }

    /** The index just past the blank line that ends the head, or -1 if it has not all arrived. */
    private static int headEnd(byte[] buffer, int length) {
        for (int i = 3; i < length; i++) {
            if (buffer[i] == '\n' && buffer[i - 1] == '\r' && buffer[i - 2] == '\n' && buffer[i - 3] == '\r') {
                return i + 1;
            }
        }
        return -1;
    }

    /** The Content-Length of the head (0 without one), or -1 for a chunked body or an unreadable length. */
    private static long contentLength(byte[] head, int headEnd) {
        int line = indexOf(head, (byte) '\n', 0) + 1;
        while (line < headEnd - 2) {
            int next = indexOf(head, (byte) '\n', line) + 1;
            if (startsWithIgnoreCase(head, line, "content-length:")) {
                long value = 0;
                boolean digits = false;
                for (int i = line + "content-length:".length(); i < next; i++) {
                    byte b = head[i];
                    if (b >= '0' && b <= '9') {
                        value = value * 10 + (b - '0');
                        digits = true;
                    } else if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                        return -1;
                    }
                }
                return digits ? value : -1;
            }
            if (startsWithIgnoreCase(head, line, "transfer-encoding:")) {
                return -1;
            }
            line = next;
        }
        return 0;
    }

    private static int indexOf(byte[] buffer, byte wanted, int from) {
        for (int i = from; i < buffer.length; i++) {
            if (buffer[i] == wanted) {
                return i;
            }
        }
        return buffer.length - 1;
    }

    private static boolean endsWith(byte[] buffer, int end, String suffix) {
        int start = end - suffix.length();
        if (start < 0) {
            return false;
        }
        for (int i = 0; i < suffix.length(); i++) {
            if (buffer[start + i] != suffix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWithIgnoreCase(byte[] buffer, int start, String prefix) {
        if (start + prefix.length() > buffer.length) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (Character.toLowerCase(buffer[start + i]) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static byte[] response(String status, byte[] body) {
        byte[] head = ("HTTP/1.1 " + status + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                        + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] response = Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, response, head.length, body.length);
        return response;
    }
}
