package org.openhumanitec.events.feign.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import feign.Request;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The Feign transports derive a new HTTP client for a request whose options differ from the client's own settings
 * (feign-okhttp builds one per call; feign-java11 caches one per connect timeout). The options of an attempt must
 * therefore match what the transport was built with. Closing a transport releases its pool. This reads the transports' private selection methods, so a
 * Feign upgrade that changes them fails here.
 */
class TransportReuseTest {

    private static final Duration CONNECT = Duration.ofSeconds(7);
    private static final Duration READ = Duration.ofSeconds(13);
    private static final Request.Options OPTIONS =
            new AttemptOptions(CONNECT.toMillis(), READ.toMillis(), System.nanoTime());

    private static Object select(Object feignClient, String method, Request.Options options) throws Exception {
        Method selector = feignClient.getClass().getDeclaredMethod(method, Request.Options.class);
        selector.setAccessible(true);
        return selector.invoke(feignClient, options);
    }

    private static Object field(Object target, String name) throws Exception {
        Field field = target.getClass().getDeclaredField(name);
        field.setAccessible(true);
        return field.get(target);
    }

    @Test
    void okHttp_usesItsOneClientForEveryCall() throws Exception {
        feign.Client client = new OkHttpTransport()
                .open(new TransportSettings(CONNECT, READ, true, null, null))
                .client();

        assertThat(client).isExactlyInstanceOf(feign.okhttp.OkHttpClient.class);
        assertThat(select(client, "getClient", OPTIONS)).isSameAs(field(client, "delegate"));
        Request.Options longerRead = new Request.Options(
                CONNECT.toMillis(), TimeUnit.MILLISECONDS, READ.toMillis() + 1, TimeUnit.MILLISECONDS, false);
        assertThat(select(client, "getClient", longerRead)).isNotSameAs(field(client, "delegate"));
    }

    @Test
    void jdkHttpClient_usesItsOneClientForEveryCall() throws Exception {
        feign.Client client = new JdkHttpTransport()
                .open(new TransportSettings(CONNECT, READ, false, null, null))
                .client();

        assertThat(select(client, "getOrCreateClient", OPTIONS)).isSameAs(field(client, "client"));
    }

    @Test
    void apacheHttpClient5_closed_shutsItsPoolDown_andSendsNothingMore() throws Exception {
        OpenTransport transport =
                new ApacheHttp5Transport().open(new TransportSettings(CONNECT, READ, false, null, null));
        Request request = Request.create(
                Request.HttpMethod.GET,
                "http://127.0.0.1:1/orgs/o/events",
                Map.of(),
                null,
                StandardCharsets.UTF_8,
                null);

        transport.resources().close();

        assertThatThrownBy(() -> transport.client().execute(request, OPTIONS))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("shut down");
    }

    @Test
    void okHttp_closed_evictsThePooledConnections() throws Exception {
        WireMockServer server = new WireMockServer(
                WireMockConfiguration.wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        try {
            server.stubFor(WireMock.get("/orgs/o/events").willReturn(WireMock.okJson("[]")));
            OpenTransport transport =
                    new OkHttpTransport().open(new TransportSettings(CONNECT, READ, false, null, null));
            okhttp3.OkHttpClient okHttp = (okhttp3.OkHttpClient) field(transport.client(), "delegate");
            Request request = Request.create(
                    Request.HttpMethod.GET,
                    server.baseUrl() + "/orgs/o/events",
                    Map.of(),
                    null,
                    StandardCharsets.UTF_8,
                    null);
            try (feign.Response response = transport.client().execute(request, OPTIONS)) {
                assertThat(response.body().asInputStream().readAllBytes()).isNotEmpty();
            }
            assertThat(okHttp.connectionPool().connectionCount()).isEqualTo(1);

            transport.resources().close();

            assertThat(okHttp.connectionPool().connectionCount()).isZero();
        } finally {
            server.stop();
        }
    }
}
