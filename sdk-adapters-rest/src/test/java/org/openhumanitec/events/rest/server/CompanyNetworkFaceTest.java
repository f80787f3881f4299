package org.openhumanitec.events.rest.server;

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
import org.openhumanitec.events.rest.Http;

/**
 * The gateway behind a company network, started as a program: Humanitec (WireMock) over HTTPS with a private CA,
 * demanding a client certificate, reached through a forward proxy, all set by the face's options.
 */
class CompanyNetworkFaceTest {

    @TempDir
    static Path directory;

    static TestPki pki;
    static WireMockServer humanitec;

    @BeforeAll
    static void start() {
        pki = TestPki.create(directory, "rest");
        humanitec = new WireMockServer(pki.mutualTlsServer());
        humanitec.start();
        humanitec.stubFor(get("/orgs/o/apps/a/webhooks").willReturn(okJson("[]")));
    }

    @AfterAll
    static void stop() {
        humanitec.stop();
    }

    private static Http.Answer listThroughTheGateway(Map<String, String> environment, String... args) {
        List<String> all = new ArrayList<>(
                List.of("--port", "0", "--humanitec-url", "https://127.0.0.1:" + humanitec.httpsPort()));
        all.addAll(List.of(args));
        List<EmbeddedServer> servers = Launcher.start(
                new RestFace(),
                all.toArray(String[]::new),
                environment,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            return new Http(servers.get(0).uri()).get("/v1/orgs/o/apps/a/webhooks");
        } finally {
            servers.forEach(EmbeddedServer::close);
        }
    }

    @Test
    void theOptions_takeTheCallThroughTheProxy_withTheCaBundleAndClientCertificate() throws Exception {
        try (ConnectProxy proxy = ConnectProxy.start()) {
            Http.Answer answer = listThroughTheGateway(
                    Map.of("HUMANITEC_API_KEY", "server-token", "HUMANITEC_CLIENT_KEY_PASSWORD", TestPki.PASSWORD),
                    "--proxy",
                    "http://127.0.0.1:" + proxy.port(),
                    "--ca-bundle",
                    pki.caCertificate().toString(),
                    "--client-cert",
                    pki.clientKeyStore().toString());
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo("[]");
            assertThat(proxy.tunnels()).containsExactly("127.0.0.1:" + humanitec.httpsPort());
        }
    }

    @Test
    void theVariables_doTheSame_withAPemCertificate() throws Exception {
        try (ConnectProxy proxy = ConnectProxy.start()) {
            Http.Answer answer = listThroughTheGateway(Map.of(
                    "HUMANITEC_API_KEY",
                    "server-token",
                    "HTTPS_PROXY",
                    "127.0.0.1:" + proxy.port(),
                    "HUMANITEC_CA_BUNDLE",
                    pki.caCertificate().toString(),
                    "HUMANITEC_CA_BUNDLE_ONLY",
                    "true",
                    "HUMANITEC_CLIENT_CERT",
                    pki.clientCertificate().toString(),
                    "HUMANITEC_CLIENT_KEY",
                    pki.clientKey().toString()));
            assertThat(answer.status()).isEqualTo(200);
            assertThat(proxy.tunnels()).containsExactly("127.0.0.1:" + humanitec.httpsPort());
        }
    }

    @Test
    void withoutTheCaBundle_humanitecIsNotTrusted_andTheGatewayAnswers502() {
        Http.Answer answer = listThroughTheGateway(
                Map.of("HUMANITEC_API_KEY", "server-token"),
                "--client-cert",
                pki.clientCertificate().toString(),
                "--client-key",
                pki.clientKey().toString());
        assertThat(answer.status()).isEqualTo(502);
    }
}
