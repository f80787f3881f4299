package org.openhumanitec.events.mcp.server;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhumanitec.events.feign.testing.ConnectProxy;
import org.openhumanitec.events.feign.testing.TestPki;
import org.openhumanitec.events.launcher.EmbeddedServer;
import org.openhumanitec.events.launcher.Launcher;
import org.openhumanitec.events.mcp.RawMcp;

/**
 * The MCP face behind a company network, started as a program: Humanitec (WireMock) over HTTPS with a private
 * CA, demanding a client certificate, reached through a forward proxy, all set by the face's options.
 */
class CompanyNetworkFaceTest {

    private static final String LIST_WEBHOOKS = "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":"
            + "{\"name\":\"list-webhooks\",\"arguments\":{\"orgId\":\"o\",\"appId\":\"a\"}}}";

    @TempDir
    static Path directory;

    static TestPki pki;
    static WireMockServer humanitec;

    @BeforeAll
    static void start() {
        pki = TestPki.create(directory, "mcp");
        humanitec = new WireMockServer(pki.mutualTlsServer());
        humanitec.start();
        humanitec.stubFor(get("/orgs/o/apps/a/webhooks").willReturn(okJson("[]")));
    }

    @AfterAll
    static void stop() {
        humanitec.stop();
    }

    private static RawMcp.Answer listWebhooks(Map<String, String> environment, String... args) {
        List<String> all = new ArrayList<>(
                List.of("--stateless", "--port", "0", "--humanitec-url", "https://127.0.0.1:" + humanitec.httpsPort()));
        all.addAll(List.of(args));
        List<EmbeddedServer> servers = Launcher.start(
                new McpFace(),
                all.toArray(String[]::new),
                environment,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            return new RawMcp(servers.get(0).uri()).post(LIST_WEBHOOKS, null);
        } finally {
            servers.forEach(EmbeddedServer::close);
        }
    }

    @Test
    void theOptions_takeTheCallThroughTheProxy_withTheCaBundleAndClientCertificate() throws Exception {
        try (ConnectProxy proxy = ConnectProxy.start()) {
            RawMcp.Answer answer = listWebhooks(
                    Map.of("HUMANITEC_API_KEY", "server-token"),
                    "--proxy",
                    "http://127.0.0.1:" + proxy.port(),
                    "--ca-bundle",
                    pki.caCertificate().toString(),
                    "--client-cert",
                    pki.clientKeyStore().toString(),
                    "--client-key-password",
                    TestPki.PASSWORD);
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body())
                    .contains("\"structuredContent\":{\"webhooks\":[]}")
                    .doesNotContain("isError\":true");
            assertThat(proxy.tunnels()).containsExactly("127.0.0.1:" + humanitec.httpsPort());
        }
    }

    @Test
    void withoutTheClientCertificate_humanitecRefuses_andTheToolSaysSo() {
        RawMcp.Answer answer = listWebhooks(Map.of(
                "HUMANITEC_API_KEY",
                "server-token",
                "HUMANITEC_CA_BUNDLE",
                pki.caCertificate().toString()));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("\"isError\":true");
    }
}
