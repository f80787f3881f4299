package org.openhumanitec.events.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhumanitec.events.launcher.EmbeddedServer;
import org.openhumanitec.events.sandbox.HumanitecSandbox;
import org.openhumanitec.events.testkit.RealClientRequests;

/**
 * The bodies Humanitec's Terraform provider and Go client send, over real HTTP to the REST face with the sandbox
 * behind it: each is read as Humanitec reads it ({@code null} is a field not given) and gets the outcome the rules
 * of docs/sandbox.md give it.
 */
class FromRealClientsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static EmbeddedServer server;
    private static Http http;
    private String webhooks;

    @BeforeAll
    static void start() {
        server = EmbeddedServer.builder("rest-test")
                .servlet(
                        "/*",
                        HumanitecRestServlet.builder(HumanitecSandbox.create()).build(),
                        false)
                .start();
        http = new Http(server.uri());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void freshOrg() {
        webhooks = "/v1/orgs/org-" + UUID.randomUUID() + "/apps/my-app/webhooks";
    }

    private JsonNode send(String method, String path, String body, int status) {
        Http.Answer answer = http.send(method, path, body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        return answer.json();
    }

    @Test
    void terraformBasic_createThenUpdate_withNullPayload_keepsTheDefaults() throws Exception {
        JsonNode created = send("POST", webhooks, RealClientRequests.TERRAFORM_BASIC_CREATE, 201);
        JsonNode updated = send("PATCH", webhooks + "/my-hook", RealClientRequests.TERRAFORM_BASIC_UPDATE, 200);

        assertThat(created.get("payload")).isEqualTo(JSON.readTree("{}"));
        assertThat(created.get("headers")).isEqualTo(JSON.readTree("{}"));
        assertThat(created.get("disabled").asBoolean(true)).isFalse();
        assertThat(updated.get("url").asText()).isEqualTo("https://example2.com");
        assertThat(updated.get("payload")).isEqualTo(JSON.readTree("{}"));
    }

    @Test
    void terraformFull_create_storesEveryField() throws Exception {
        JsonNode created = send("POST", webhooks, RealClientRequests.TERRAFORM_FULL_CREATE, 201);

        assertThat(created.get("disabled").asBoolean()).isTrue();
        assertThat(created.get("headers")).isEqualTo(JSON.readTree("{\"custom-header\":\"humanitec\"}"));
        assertThat(created.get("payload")).isEqualTo(JSON.readTree("{\"custom-payload\":\"humanitec\"}"));
        assertThat(created.get("triggers"))
                .isEqualTo(JSON.readTree("[{\"scope\":\"environment\",\"type\":\"created\"}]"));
    }

    @Test
    void goClient_createThenPartialUpdates_neverEraseWhatTheyDoNotSet() {
        JsonNode created = send("POST", webhooks, RealClientRequests.GO_CLIENT_CREATE, 201);
        JsonNode disabled = send("PATCH", webhooks + "/my-hook", RealClientRequests.GO_CLIENT_DISABLE, 200);
        JsonNode moved = send("PATCH", webhooks + "/my-hook", RealClientRequests.GO_CLIENT_NEW_URL, 200);

        assertThat(created.get("disabled").asBoolean(true)).isFalse();
        assertThat(disabled.get("url").asText()).isEqualTo("https://example.com");
        assertThat(disabled.get("disabled").asBoolean()).isTrue();
        assertThat(moved.get("url").asText()).isEqualTo("https://example2.com");
        assertThat(moved.get("disabled").asBoolean()).isTrue();
        assertThat(send("GET", webhooks + "/my-hook", null, 200).get("url").asText())
                .isEqualTo("https://example2.com");
    }
}
