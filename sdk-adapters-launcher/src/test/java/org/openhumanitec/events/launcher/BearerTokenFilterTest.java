package org.openhumanitec.events.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class BearerTokenFilterTest {

    private static final String TOKEN = "inbound-s3cret";
    private static EmbeddedServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        HttpServlet ok = new HttpServlet() {
            private static final long serialVersionUID = 1L;

            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                response.getWriter().write("ok");
            }
        };
        server = EmbeddedServer.builder("auth")
                .filter(
                        "/*",
                        new BearerTokenFilter(
                                TOKEN, request -> request.getRequestURI().equals("/healthz")))
                .servlet("/*", ok, false)
                .start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.uri() + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theRightTokenPasses() throws Exception {
        assertThat(get("/x", "Bearer " + TOKEN).body()).isEqualTo("ok");
        assertThat(get("/x", "bearer " + TOKEN).statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(
            strings = {"Bearer wrong", "Bearer ", "Basic aW5ib3VuZC1zM2NyZXQ=", "Bearer inbound-s3cret-and-more", TOKEN
            })
    void anythingElseIs401WithoutEchoingTheToken(String authorization) throws Exception {
        HttpResponse<String> response = get("/x", authorization);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"humanitec-events\"");
        assertThat(response.body())
                .startsWith("{\"error\":\"ADAPTER-401\",\"message\":\"A valid bearer token is required")
                .doesNotContain(TOKEN);
    }

    @Test
    void openRequestsNeedNoToken() throws Exception {
        assertThat(get("/healthz", null).statusCode()).isEqualTo(200);
    }

    @Test
    void aBlankTokenIsRefusedAndNoneIsShown() {
        assertThatThrownBy(() -> new BearerTokenFilter(" ", request -> false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new BearerTokenFilter(TOKEN, request -> false).toString()).doesNotContain(TOKEN);
    }
}
