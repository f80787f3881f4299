package org.openhumanitec.events.rest.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.openhumanitec.events.launcher.testing.RunnableJar;
import org.openhumanitec.events.launcher.testing.RunnableJarContract;
import org.openhumanitec.events.rest.Http;

/**
 * The runnable jar ({@code target/sdk-adapters-rest-<version>-runnable.jar}) starts with {@code java -jar} and
 * nothing else, serves, and exits 0 on SIGTERM; with {@code --log-format json} every line it logs is JSON, the
 * gateway's own failure included.
 */
class RunnableJarIT extends RunnableJarContract {

    RunnableJarIT() {
        super(new RestFace(), "REST", "/v1", "GET /v1/orgs/o/events 200");
    }

    @Override
    protected void exerciseTheSandbox(URI base) {
        Http http = new Http(base);
        assertThat(http.get("/healthz").status()).isEqualTo(200);
        assertThat(http.get("/v1/orgs/o/events").status()).isEqualTo(200);
    }

    @Override
    protected LoggedFailure failure() {
        return new LoggedFailure("/orgs/acme-corp/events", "HumanitecRestServlet", "listEvents failed: ", 502);
    }

    @Override
    protected void makeTheFailingCall(URI base, String authorization, String requestId) {
        // An answer that is not JSON: the gateway answers 502 and logs the failure at WARN.
        assertThat(new Http(base)
                        .get("/v1/orgs/acme-corp/events", "Authorization", authorization, "X-Request-Id", requestId)
                        .status())
                .isEqualTo(502);
    }

    @Test
    void theJar_packsTheApiDocument() throws IOException {
        assertThat(RunnableJar.entryText("org/openhumanitec/events/rest/openapi.json"))
                .startsWith("{");
    }
}
