package org.openhumanitec.events.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhumanitec.events.launcher.EmbeddedServer;
import org.openhumanitec.events.sandbox.HumanitecSandbox;

/**
 * A client may send the first requests of a new session (its {@code notifications/initialized}, its event stream)
 * as soon as the {@code initialize} answer reaches it, while the thread that answered is still inside the servlet.
 * A filter in front of the servlet sends such a request at that very moment: when the SDK flushes the answer, before
 * the answering thread goes on. The session must already be known then.
 */
class SessionStartTest {

    private static final String INITIALIZED = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";

    private final AtomicReference<RawMcp.Answer> sentOnFlush = new AtomicReference<>();
    private EmbeddedServer server;
    private RawMcp raw;

    /** Posts {@code notifications/initialized} of the new session the moment its initialize answer is flushed. */
    private final class InitializedOnFlush implements Filter {
        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            chain.doFilter(request, new HttpServletResponseWrapper((HttpServletResponse) response) {
                @Override
                public PrintWriter getWriter() throws IOException {
                    HttpServletResponseWrapper answer = this;
                    return new PrintWriter(super.getWriter()) {
                        @Override
                        public void flush() {
                            super.flush();
                            String session = answer.getHeader("Mcp-Session-Id");
                            if (session != null && sentOnFlush.get() == null) {
                                sentOnFlush.set(raw.post(INITIALIZED, session));
                            }
                        }
                    };
                }
            });
        }
    }

    @BeforeEach
    void start() {
        server = EmbeddedServer.builder("mcp-session-start-test")
                .host("127.0.0.1")
                .port(0)
                .filter(HumanitecMcpServlet.ENDPOINT, new InitializedOnFlush())
                .servlet(
                        HumanitecMcpServlet.ENDPOINT,
                        HumanitecMcpServlet.create(
                                HumanitecSandbox.create(),
                                HumanitecMcpSettings.builder().build()),
                        true)
                .start();
        raw = new RawMcp(server.uri());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aRequestSentAsSoonAsTheInitializeAnswerIsFlushed_findsTheNewSession() {
        RawMcp.Answer initialize = raw.post(RawMcp.INITIALIZE, null);

        assertThat(initialize.status()).isEqualTo(200);
        assertThat(sentOnFlush.get())
                .as("a request sent when the answer was flushed")
                .isNotNull();
        assertThat(sentOnFlush.get().status()).as(sentOnFlush.get().body()).isEqualTo(202);
        String session = initialize.header("Mcp-Session-Id").orElseThrow();
        assertThat(raw.post(RawMcp.TOOLS_LIST, session).status()).isEqualTo(200);
    }
}
