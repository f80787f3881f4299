package org.openhumanitec.events.rest;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openhumanitec.events.api.HumanitecEventApi;
import org.openhumanitec.events.feign.HumanitecClient;
import org.openhumanitec.events.launcher.EmbeddedServer;
import org.openhumanitec.events.sandbox.HumanitecSandbox;
import org.openhumanitec.events.testkit.HumanitecEventApiContract;

/**
 * The behaviour suite against the chain {@code HumanitecClient} → this adapter (over HTTP) → the sandbox: the
 * Feign client, pointed at {@code http://127.0.0.1:<port>/v1}, gets from the adapter exactly what it gets from
 * Humanitec, so it behaves as the sandbox itself does.
 */
class ClientOverRestContractTest extends HumanitecEventApiContract {

    private static EmbeddedServer server;
    private static HumanitecClient client;

    @BeforeAll
    static void start() {
        server = EmbeddedServer.builder("rest-contract")
                .servlet(
                        "/*",
                        HumanitecRestServlet.builder(HumanitecSandbox.create()).build(),
                        false)
                .start();
        client = HumanitecClient.builder()
                .baseUrl(server.uri() + "/v1")
                .token("any-token-the-sandbox-ignores")
                .build();
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @Override
    protected HumanitecEventApi api() {
        return client;
    }
}
