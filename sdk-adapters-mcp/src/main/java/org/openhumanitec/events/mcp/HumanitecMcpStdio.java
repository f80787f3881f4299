package org.openhumanitec.events.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpAsyncServer;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.openhumanitec.events.api.HumanitecEventApi;

/**
 * Serves the {@linkplain HumanitecMcpTools Humanitec tools} over MCP's stdio transport, as desktop clients (Claude
 * Desktop, Claude Code, Cursor, VS Code) run a local server: one session, newline-delimited JSON-RPC on a pair of
 * streams, usually the process's standard input and output. Nothing else may write to that output.
 *
 * <pre>{@code
 * try (HumanitecMcpStdio server = HumanitecMcpStdio.start(api, settings, System.in, System.out)) {
 *     server.awaitInputClosed();
 * }
 * }</pre>
 *
 * <p>Of the settings only the tools offered (read-only, allow-list) apply: the rest concern HTTP. It does not close
 * the backend.
 */
public final class HumanitecMcpStdio implements AutoCloseable {

    private final McpAsyncServer server;
    private final CountDownLatch inputClosed;
    private final AtomicBoolean closed = new AtomicBoolean();

    private HumanitecMcpStdio(McpAsyncServer server, CountDownLatch inputClosed) {
        this.server = server;
        this.inputClosed = inputClosed;
    }

    /**
     * Starts serving: the SDK reads messages from {@code in} and writes its answers to {@code out} on its own threads.
     *
     * @param api the implementation the tools call; never closed here
     * @param settings the tools offered
     * @param in where the client's messages come from, such as {@code System.in}
     * @param out where the answers go, such as the process's standard output
     * @return the running server
     */
    public static HumanitecMcpStdio start(
            HumanitecEventApi api, HumanitecMcpSettings settings, InputStream in, OutputStream out) {
        Objects.requireNonNull(settings, "settings must not be null");
        CountDownLatch inputClosed = new CountDownLatch(1);
        McpJsonMapper json = TransportJson.mapper();
        StdioServerTransportProvider transport = new StdioServerTransportProvider(
                json,
                new EndAware(Objects.requireNonNull(in, "in must not be null"), inputClosed),
                Objects.requireNonNull(out, "out must not be null"));
        HumanitecMcpTools tools = HumanitecMcpTools.over(api);
        McpAsyncServer server = McpServer.async(transport)
                .serverInfo(HumanitecMcpServlet.SERVER_NAME, HumanitecMcpServlet.version())
                .instructions(HumanitecMcpServlet.INSTRUCTIONS)
                .capabilities(
                        McpSchema.ServerCapabilities.builder().tools(false).build())
                .jsonMapper(json)
                .jsonSchemaValidator(tools.schemaValidator())
                .tools(tools.specifications(settings.offeredTools()))
                .build();
        return new HumanitecMcpStdio(server, inputClosed);
    }

    /**
     * Waits until the input ends: the client closed it, or went away.
     *
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public void awaitInputClosed() throws InterruptedException {
        inputClosed.await();
    }

    /** Ends the session; answers not yet written are dropped. Closing twice does nothing more. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.closeGracefully().block();
        }
    }

    /** The input, telling when it ends (end of stream, or a failure to read). */
    private static final class EndAware extends FilterInputStream {
        private final CountDownLatch ended;

        private EndAware(InputStream in, CountDownLatch ended) {
            super(in);
            this.ended = ended;
        }

        @Override
        public int read() throws IOException {
            try {
                return ended(super.read());
            } catch (IOException e) {
                ended.countDown();
                throw e;
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            try {
                return ended(super.read(buffer, offset, length));
            } catch (IOException e) {
                ended.countDown();
                throw e;
            }
        }

        private int ended(int read) {
            if (read < 0) {
                ended.countDown();
            }
            return read;
        }
    }
}
