package org.openhumanitec.events.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openhumanitec.events.api.errors.NetworkException;
import org.openhumanitec.events.launcher.EmbeddedServer;

/**
 * A {@code notifications/cancelled} for a running call: the call's thread is interrupted (a {@code HumanitecClient}
 * makes no further attempt then), and no answer is sent for it.
 */
class CancellationTest {

    private static final String CALL = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":"
            + "{\"name\":\"list-webhooks\",\"arguments\":{\"orgId\":\"o\",\"appId\":\"a\"}}}";

    private static final String CANCEL = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":"
            + "{\"requestId\":7,\"reason\":\"the user stopped it\"}}";

    @Test
    void aCancelledCall_isInterrupted_andAnsweredWithNothing() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        FailingApi api = new FailingApi();
        api.failWith(() -> {
            entered.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                interrupted.countDown();
                Thread.currentThread().interrupt();
            }
            return new NetworkException("upstream hangs", new ConnectException("hangs"), false);
        });
        try (EmbeddedServer server = McpTestServers.start(api)) {
            RawMcp raw = new RawMcp(server.uri());
            String session = raw.initialize();
            CompletableFuture<RawMcp.Answer> call = CompletableFuture.supplyAsync(() -> raw.post(CALL, session));
            assertThat(entered.await(20, TimeUnit.SECONDS))
                    .as("the call reached the backend")
                    .isTrue();

            RawMcp.Answer cancel = raw.post(CANCEL, session);

            assertThat(cancel.status()).isEqualTo(202);
            assertThat(interrupted.await(20, TimeUnit.SECONDS))
                    .as("the call's thread was interrupted")
                    .isTrue();
            RawMcp.Answer answer = call.get(20, TimeUnit.SECONDS);
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body()).doesNotContain("\"id\":7", "result", "error");
            assertThat(api.calls()).containsExactly("list");
        } finally {
            release.countDown();
        }
    }

    @Test
    void aCancelOfACallAlreadyAnswered_changesNothing() {
        try (EmbeddedServer server = McpTestServers.start(new FailingApi())) {
            RawMcp raw = new RawMcp(server.uri());
            String session = raw.initialize();
            assertThat(raw.post(CALL, session).body()).contains("\"id\":7", "\"isError\":true");

            assertThat(raw.post(CANCEL, session).status()).isEqualTo(202);
            assertThat(raw.post(CALL, session).body()).contains("\"id\":7", "\"isError\":true");
        }
    }
}
