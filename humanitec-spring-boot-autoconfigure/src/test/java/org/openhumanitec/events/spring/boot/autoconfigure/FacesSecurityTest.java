package org.openhumanitec.events.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The REST and MCP faces behind Spring Security, with the filter chain docs/spring-boot.md shows: both refuse a
 * caller without credentials, and serve one with them; the REST face's probes and API document stay open.
 */
@SpringBootTest(
        classes = FacesSecurityTest.App.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "server.address=127.0.0.1",
            "spring.security.user.name=agent",
            "spring.security.user.password=agent-password",
            "humanitec.sandbox.enabled=true",
            "humanitec.rest.enabled=true",
            "humanitec.mcp.enabled=true"
        })
class FacesSecurityTest {

    private static final String CREDENTIALS =
            "Basic " + Base64.getEncoder().encodeToString("agent:agent-password".getBytes(StandardCharsets.UTF_8));

    private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
            + "\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
            + "\"clientInfo\":{\"name\":\"test\",\"version\":\"1\"}}}";

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void withoutCredentials_bothFacesAnswer401_butTheProbesAreOpen() throws Exception {
        assertThat(get("/humanitec/v1/orgs/o/apps/a/webhooks", null).statusCode())
                .isEqualTo(401);
        assertThat(postMcp(null).statusCode()).isEqualTo(401);
        assertThat(get("/humanitec/healthz", null).statusCode()).isEqualTo(200);
        assertThat(get("/humanitec/v1/openapi.json", null).statusCode()).isEqualTo(200);
    }

    @Test
    void withCredentials_bothFacesServe() throws Exception {
        HttpResponse<String> webhooks = get("/humanitec/v1/orgs/o/apps/a/webhooks", CREDENTIALS);
        assertThat(webhooks.statusCode()).isEqualTo(200);
        assertThat(webhooks.body()).isEqualTo("[]");
        HttpResponse<String> initialize = postMcp(CREDENTIALS);
        assertThat(initialize.statusCode()).as(initialize.body()).isEqualTo(200);
        assertThat(initialize.headers().firstValue("Mcp-Session-Id")).isPresent();
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postMcp(String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/mcp"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(INITIALIZE));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** An application that protects the two faces. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {

        // BEGIN spring-security-faces
        @Bean
        @Order(1)
        SecurityFilterChain humanitecFaces(HttpSecurity http) throws Exception {
            return http.securityMatcher("/humanitec/**", "/mcp")
                    .authorizeHttpRequests(requests -> requests.requestMatchers(
                                    "/humanitec/healthz", "/humanitec/readyz", "/humanitec/v1/openapi.json")
                            .permitAll()
                            .anyRequest()
                            .authenticated())
                    .httpBasic(Customizer.withDefaults()) // or oauth2ResourceServer(...) for bearer tokens
                    .csrf(csrf -> csrf.disable()) // callers send credentials in headers, not cookies
                    .build();
        }
        // END
    }
}
