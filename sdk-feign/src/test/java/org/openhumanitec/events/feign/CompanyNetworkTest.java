package org.openhumanitec.events.feign;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openhumanitec.events.api.errors.NetworkException;
import org.openhumanitec.events.feign.testing.ConnectProxy;
import org.openhumanitec.events.feign.testing.TestPki;

/**
 * The company-network settings against real parts on 127.0.0.1, on each transport: WireMock over HTTPS with a
 * certificate from a CA made by the test (trusted only through the CA bundle), WireMock demanding a client
 * certificate, and a forward proxy that records the tunnels it opens.
 */
class CompanyNetworkTest {

    private static final String PATH = "/orgs/o/apps/a/webhooks";

    @TempDir
    static Path directory;

    static TestPki pki;
    static TestPki otherPki;
    static WireMockServer tls;
    static WireMockServer mutualTls;

    @BeforeAll
    static void start() {
        pki = TestPki.create(directory, "company");
        otherPki = TestPki.create(directory, "other");
        tls = new WireMockServer(pki.httpsServer());
        mutualTls = new WireMockServer(pki.mutualTlsServer());
        for (WireMockServer server : new WireMockServer[] {tls, mutualTls}) {
            server.start();
            server.stubFor(get(urlEqualTo(PATH))
                    .willReturn(aResponse()
                            .withHeader("Content-Type", "application/json")
                            .withBody("[]")));
        }
    }

    @AfterAll
    static void stop() {
        tls.stop();
        mutualTls.stop();
    }

    static Stream<Transport> transports() {
        return Stream.of(Transport.okHttp(), Transport.jdkHttpClient(), Transport.apacheHttpClient5());
    }

    private static HumanitecClient.Builder client(Transport transport, WireMockServer server) {
        return HumanitecClient.builder()
                .token(Fixtures.TOKEN)
                .baseUrl("https://127.0.0.1:" + server.httpsPort())
                .transport(transport)
                .retryPolicy(RetryPolicy.none());
    }

    private static void listsWebhooks(HumanitecClient.Builder builder) {
        try (HumanitecClient client = builder.build()) {
            assertThat(client.webhooks().list("o", "a")).isEmpty();
        }
    }

    private static void isRefused(HumanitecClient.Builder builder) {
        try (HumanitecClient client = builder.build()) {
            assertThatThrownBy(() -> client.webhooks().list("o", "a")).isInstanceOf(NetworkException.class);
        }
    }

    @ParameterizedTest
    @MethodSource("transports")
    void withoutCaBundle_theTestCaIsRefused(Transport transport) {
        isRefused(client(transport, tls));
    }

    @ParameterizedTest
    @MethodSource("transports")
    void caBundle_trustsTheServerOfItsCa(Transport transport) {
        listsWebhooks(client(transport, tls).caBundle(pki.caCertificate()));
    }

    @ParameterizedTest
    @MethodSource("transports")
    void caBundleOnly_trustsTheServerOfItsCa(Transport transport) {
        listsWebhooks(client(transport, tls).caBundleOnly(pki.caCertificate()));
    }

    @ParameterizedTest
    @MethodSource("transports")
    void caBundleOfAnotherCa_isRefused(Transport transport) {
        isRefused(client(transport, tls).caBundle(otherPki.caCertificate()));
    }

    @ParameterizedTest
    @MethodSource("transports")
    void caBundle_fromTheEnvironment(Transport transport) {
        listsWebhooks(client(transport, tls)
                .fromEnvironment(Map.of(
                        HumanitecClient.ENV_CA_BUNDLE, pki.caCertificate().toString())));
    }

    @ParameterizedTest
    @MethodSource("transports")
    void withoutClientCertificate_theServerDemandingOneRefuses(Transport transport) {
        isRefused(client(transport, mutualTls).caBundle(pki.caCertificate()));
    }

    @ParameterizedTest
    @MethodSource("transports")
    void clientCertificate_pem_passesMutualTls(Transport transport) {
        listsWebhooks(client(transport, mutualTls)
                .caBundle(pki.caCertificate())
                .clientCertificate(ClientCertificate.pem(pki.clientCertificate(), pki.clientKey())));
    }

    @ParameterizedTest
    @MethodSource("transports")
    void clientCertificate_pkcs12_passesMutualTls(Transport transport) {
        listsWebhooks(client(transport, mutualTls)
                .caBundle(pki.caCertificate())
                .clientCertificate(ClientCertificate.pkcs12(pki.clientKeyStore(), TestPki.PASSWORD)));
    }

    @ParameterizedTest
    @MethodSource("transports")
    void clientCertificate_fromTheEnvironment(Transport transport) {
        listsWebhooks(client(transport, mutualTls)
                .fromEnvironment(Map.of(
                        HumanitecClient.ENV_CA_BUNDLE, pki.caCertificate().toString(),
                        HumanitecClient.ENV_CLIENT_CERT, pki.clientKeyStore().toString(),
                        HumanitecClient.ENV_CLIENT_KEY_PASSWORD, TestPki.PASSWORD)));
    }

    @ParameterizedTest
    @MethodSource("transports")
    void proxy_carriesTheCallThroughItsTunnel(Transport transport) throws Exception {
        try (ConnectProxy proxy = ConnectProxy.start()) {
            listsWebhooks(client(transport, tls)
                    .caBundle(pki.caCertificate())
                    .proxy(HttpProxy.of("127.0.0.1", proxy.port())));
            assertThat(proxy.tunnels()).containsExactly("127.0.0.1:" + tls.httpsPort());
        }
    }

    @ParameterizedTest
    @MethodSource("transports")
    void httpsProxyVariable_carriesTheCallThroughItsTunnel(Transport transport) throws Exception {
        try (ConnectProxy proxy = ConnectProxy.start()) {
            listsWebhooks(client(transport, tls)
                    .caBundle(pki.caCertificate())
                    .fromEnvironment(Map.of("HTTPS_PROXY", "http://127.0.0.1:" + proxy.port())));
            assertThat(proxy.tunnels()).containsExactly("127.0.0.1:" + tls.httpsPort());
        }
    }

    @ParameterizedTest
    @MethodSource("transports")
    void noProxyVariable_namingTheHost_goesDirect(Transport transport) throws Exception {
        try (ConnectProxy proxy = ConnectProxy.start()) {
            listsWebhooks(client(transport, tls)
                    .caBundle(pki.caCertificate())
                    .fromEnvironment(Map.of(
                            "HTTPS_PROXY",
                            "http://127.0.0.1:" + proxy.port(),
                            "NO_PROXY",
                            "example.com, 127.0.0.0/8")));
            assertThat(proxy.tunnels()).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("transports")
    void proxyCredentials_openTheTunnel_orAreRefusedByTheBuilder(Transport transport) throws Exception {
        try (ConnectProxy proxy = ConnectProxy.start("proxy-user", "proxy-p@ss")) {
            HumanitecClient.Builder builder = client(transport, tls)
                    .caBundle(pki.caCertificate())
                    .proxy(HttpProxy.parse("http://proxy-user:proxy-p%40ss@127.0.0.1:" + proxy.port()));
            if (transport == Transport.jdkHttpClient()) {
                assertThatThrownBy(builder::build)
                        .isInstanceOfSatisfying(
                                InvalidSettingException.class,
                                e -> assertThat(e.setting()).isEqualTo("proxy credentials"))
                        .hasMessageContaining("Transport.jdkHttpClient()")
                        .hasMessageNotContaining("p@ss");
                return;
            }
            listsWebhooks(builder);
            // The proxy opens a tunnel only for the right credentials: OkHttp sends them with the first CONNECT,
            // HttpClient 5 after the proxy's 407.
            assertThat(proxy.tunnels()).containsExactly("127.0.0.1:" + tls.httpsPort());
        }
    }

    @ParameterizedTest
    @MethodSource("transports")
    void wrongProxyCredentials_fail(Transport transport) throws Exception {
        if (transport == Transport.jdkHttpClient()) {
            return; // refused by the builder, above
        }
        try (ConnectProxy proxy = ConnectProxy.start("proxy-user", "right")) {
            HumanitecClient.Builder builder = client(transport, tls)
                    .caBundle(pki.caCertificate())
                    .proxy(HttpProxy.of("127.0.0.1", proxy.port()).withCredentials("proxy-user", "wrong"));
            try (HumanitecClient client = builder.build()) {
                assertThatThrownBy(() -> client.webhooks().list("o", "a")).isInstanceOf(RuntimeException.class);
            }
            assertThat(proxy.refusals()).isNotEmpty();
            assertThat(proxy.tunnels()).isEmpty();
        }
    }

    @Test
    void customTransport_refusesEveryNetworkSetting_namingIt() {
        Transport custom = Transport.custom(new feign.Client.Default(null, null));
        assertThatThrownBy(
                        () -> client(custom, tls).caBundle(pki.caCertificate()).build())
                .isInstanceOfSatisfying(
                        InvalidSettingException.class,
                        e -> assertThat(e.setting()).isEqualTo("caBundle"));
        assertThatThrownBy(() -> client(custom, tls)
                        .clientCertificate(ClientCertificate.pem(pki.clientCertificate(), pki.clientKey()))
                        .build())
                .isInstanceOfSatisfying(
                        InvalidSettingException.class,
                        e -> assertThat(e.setting()).isEqualTo("clientCertificate"));
        assertThatThrownBy(() -> client(custom, tls)
                        .fromEnvironment(Map.of("HTTPS_PROXY", "proxy.example:3128"))
                        .build())
                .isInstanceOfSatisfying(
                        InvalidSettingException.class,
                        e -> assertThat(e.setting()).isEqualTo("HTTPS_PROXY"))
                .hasMessageContaining("Transport.custom");
    }

    @Test
    void toString_showsTheSettingsButNoSecret() {
        HumanitecClient.Builder builder = client(Transport.okHttp(), tls)
                .proxy(HttpProxy.of("127.0.0.1", 3128).withCredentials("proxy-user", "proxy-secret"))
                .caBundle(pki.caCertificate())
                .clientCertificate(ClientCertificate.pkcs12(pki.clientKeyStore(), TestPki.PASSWORD));
        try (HumanitecClient client = builder.build()) {
            assertThat(client.toString())
                    .contains("proxy=http://<credentials>@127.0.0.1:3128")
                    .contains("caBundle=" + pki.caCertificate())
                    .contains("clientCertificate=pkcs12(" + pki.clientKeyStore())
                    .doesNotContain("proxy-user")
                    .doesNotContain("proxy-secret")
                    .doesNotContain(TestPki.PASSWORD);
        }
        assertThat(builder.toString())
                .contains("proxy=http://<credentials>@127.0.0.1:3128")
                .doesNotContain("proxy-secret")
                .doesNotContain(TestPki.PASSWORD);
    }
}
