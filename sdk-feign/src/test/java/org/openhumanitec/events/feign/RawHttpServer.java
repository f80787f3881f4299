package org.openhumanitec.events.feign;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP/1.1 stub that answers every request with the same scripted bytes, for faults WireMock cannot
 * make (a body cut short of its {@code Content-Length}, a body sent byte by byte). Each connection serves one
 * request and is closed after the answer.
 */
final class RawHttpServer implements AutoCloseable {

    /** Writes one answer. */
    @FunctionalInterface
    interface Answer {
        void write(OutputStream out) throws IOException, InterruptedException;
    }

    private final ServerSocket socket;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "raw-http-server");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicInteger requests = new AtomicInteger();

    private RawHttpServer(Answer answer) throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(() -> {
            while (!socket.isClosed()) {
                try {
                    Socket connection = socket.accept();
                    threads.execute(() -> serve(connection, answer));
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    /**
     * Starts a server.
     *
     * @param answer what every request gets
     * @return the running server
     */
    static RawHttpServer start(Answer answer) throws IOException {
        return new RawHttpServer(answer);
    }

    /** The status line and headers of a 200 with a JSON body of this announced length. */
    static byte[] okHeaders(int contentLength) {
        return ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + contentLength
                        + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + socket.getLocalPort();
    }

    /** How many requests arrived. */
    int requests() {
        return requests.get();
    }

    private void serve(Socket connection, Answer answer) {
        try (connection) {
            readRequest(connection.getInputStream());
            requests.incrementAndGet();
            OutputStream out = connection.getOutputStream();
            answer.write(out);
            out.flush();
        } catch (IOException e) {
            // The client went away: nothing to answer.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Reads the head and, by its Content-Length, the body of one request. */
    private static void readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the request ended early");
            }
            head.write(b);
            matched = (b == '\r' || b == '\n') && (matched % 2 == 0) == (b == '\r') ? matched + 1 : b == '\r' ? 1 : 0;
        }
        for (String line : head.toString(StandardCharsets.US_ASCII).split("\r\n")) {
            if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                in.readNBytes(Integer.parseInt(line.substring(15).trim()));
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
        threads.shutdownNow();
    }
}
