package org.openhumanitec.events.spring.boot.autoconfigure;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhumanitec.events.api.HumanitecEventApi;
import org.openhumanitec.events.feign.ClientCertificate;
import org.openhumanitec.events.feign.HttpProxy;
import org.openhumanitec.events.feign.HumanitecClient;
import org.openhumanitec.events.feign.testing.ConnectProxy;
import org.openhumanitec.events.feign.testing.TestPki;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * {@code humanitec.proxy.*} and {@code humanitec.tls.*}: Humanitec (WireMock) over HTTPS with a private CA, demanding
 * a client certificate, reached through a forward proxy that wants credentials, all set by properties.
 */
class CompanyNetworkPropertiesTest {

    private static final String TOKEN = "s3cr3t-token-value";

    @TempDir
    static Path directory;

    static TestPki pki;
    static WireMockServer humanitec;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(HumanitecAutoConfiguration.class))
            .withPropertyValues("humanitec.api-key=" + TOKEN, "humanitec.retry.max-attempts=1");

    @BeforeAll
    static void startHumanitec() {
        pki = TestPki.create(directory, "boot");
        humanitec = new WireMockServer(pki.mutualTlsServer());
        humanitec.start();
        humanitec.stubFor(get("/orgs/o/apps/a/webhooks").willReturn(okJson("[]")));
    }

    @AfterAll
    static void stopHumanitec() {
        humanitec.stop();
    }

    @Test
    void proxyCaBundleAndPemCertificate_reachHumanitec() throws Exception {
        try (ConnectProxy proxy = ConnectProxy.start("proxy-user", "proxy-pass")) {
            runner.withPropertyValues(
                            "humanitec.base-url=https://127.0.0.1:" + humanitec.httpsPort(),
                            "humanitec.proxy.url=http://127.0.0.1:" + proxy.port(),
                            "humanitec.proxy.username=proxy-user",
                            "humanitec.proxy.password=proxy-pass",
                            "humanitec.tls.ca-bundle=" + pki.caCertificate(),
                            "humanitec.tls.ca-bundle-only=true",
                            "humanitec.tls.client-certificate=" + pki.clientCertificate(),
                            "humanitec.tls.client-key=" + pki.clientKey())
                    .run(context -> {
                        assertThat(context.getBean(HumanitecEventApi.class)
                                        .webhooks()
                                        .list("o", "a"))
                                .isEmpty();
                        assertThat(context.getBean(HumanitecClient.class).toString())
                                .contains("proxy=http://<credentials>@127.0.0.1:" + proxy.port())
                                .contains("caBundle=" + pki.caCertificate() + " (only)")
                                .doesNotContain("proxy-pass");
                    });
            assertThat(proxy.tunnels()).containsExactly("127.0.0.1:" + humanitec.httpsPort());
        }
    }

    @Test
    void pkcs12KeyStore_reachesHumanitec() {
        runner.withPropertyValues(
                        "humanitec.base-url=https://127.0.0.1:" + humanitec.httpsPort(),
                        "humanitec.tls.ca-bundle=" + pki.caCertificate(),
                        "humanitec.tls.client-key-store=" + pki.clientKeyStore(),
                        "humanitec.tls.client-key-store-password=" + TestPki.PASSWORD)
                .run(context -> assertThat(context.getBean(HumanitecEventApi.class)
                                .webhooks()
                                .list("o", "a"))
                        .isEmpty());
    }

    @Test
    void theSettings_areTheBuildersOwn() {
        runner.withPropertyValues(
                        "humanitec.proxy.url=proxy.example:3128",
                        "humanitec.proxy.no-proxy=localhost,10.0.0.0/8",
                        "humanitec.tls.ca-bundle=" + pki.caCertificate(),
                        "humanitec.tls.client-certificate=" + pki.clientCertificate(),
                        "humanitec.tls.client-key=" + pki.clientKey())
                .run(context -> {
                    try (HumanitecClient expected = HumanitecClient.builder()
                            .token(TOKEN)
                            .retryPolicy(org.openhumanitec.events.feign.RetryPolicy.none())
                            .proxy(HttpProxy.of("proxy.example", 3128))
                            .noProxy("localhost,10.0.0.0/8")
                            .caBundle(pki.caCertificate())
                            .clientCertificate(ClientCertificate.pem(pki.clientCertificate(), pki.clientKey()))
                            .build()) {
                        assertThat(context.getBean(HumanitecClient.class)).hasToString(expected.toString());
                    }
                });
    }

    @Test
    void unreadableFiles_stopStartUpNamingTheProperty() {
        runner.withPropertyValues("humanitec.tls.ca-bundle=" + directory.resolve("missing.pem"))
                .run(context -> assertThat(analysis(context).getDescription())
                        .contains("the property humanitec.tls.ca-bundle '")
                        .contains("missing.pem' cannot be read"));
        runner.withPropertyValues("humanitec.tls.client-certificate=" + directory.resolve("missing-cert.pem"))
                .run(context -> assertThat(analysis(context).getDescription())
                        .contains("the property humanitec.tls.client-certificate '"));
        runner.withPropertyValues(
                        "humanitec.tls.client-key-store=" + pki.clientKeyStore(),
                        "humanitec.tls.client-key-store-password=wrong-password")
                .run(context -> assertThat(analysis(context).getDescription())
                        .contains("the property humanitec.tls.client-key-store ")
                        .doesNotContain("wrong-password"));
    }

    @Test
    void unreadableFileFromTheEnvironment_namesTheVariableAndThePropertyThatWins() {
        runner.withPropertyValues("HUMANITEC_CA_BUNDLE=" + directory.resolve("missing.pem"))
                .run(context -> assertThat(analysis(context).getAction())
                        .isEqualTo(
                                "Correct the environment variable HUMANITEC_CA_BUNDLE, or set humanitec.tls.ca-bundle,"
                                        + " which wins over it."));
    }

    @Test
    void invalidOrIncompleteSettings_stopStartUpNamingTheProperty() {
        runner.withPropertyValues("humanitec.proxy.url=socks5://proxy.example:1080")
                .run(context -> assertThat(analysis(context).getDescription())
                        .contains("the property humanitec.proxy.url must be an http:// proxy"));
        runner.withPropertyValues("humanitec.proxy.username=someone")
                .run(context -> assertThat(analysis(context).getDescription())
                        .contains("the property humanitec.proxy.url is not set"));
        runner.withPropertyValues("humanitec.proxy.url=http://proxy.example:3128", "humanitec.proxy.password=x-pass")
                .run(context -> assertThat(analysis(context).getDescription())
                        .contains("the property humanitec.proxy.username is not set")
                        .doesNotContain("x-pass"));
        runner.withPropertyValues("humanitec.proxy.url=http://proxy.example:3128", "humanitec.proxy.no-proxy=a:80")
                .run(context -> assertThat(analysis(context).getDescription())
                        .contains("the property humanitec.proxy.no-proxy "));
        runner.withPropertyValues("humanitec.tls.ca-bundle-only=true")
                .run(context -> assertThat(analysis(context).getDescription())
                        .contains("the property humanitec.tls.ca-bundle is not set"));
        runner.withPropertyValues("humanitec.tls.client-key=" + pki.clientKey())
                .run(context -> assertThat(analysis(context).getDescription())
                        .contains("the property humanitec.tls.client-certificate is not set"));
        runner.withPropertyValues(
                        "humanitec.tls.client-certificate=" + pki.clientCertificate(),
                        "humanitec.tls.client-key-store=" + pki.clientKeyStore())
                .run(context -> assertThat(analysis(context).getDescription())
                        .contains("the property humanitec.tls.client-key-store and humanitec.tls.client-certificate"));
    }

    @Test
    void proxyCredentials_theJdkTransportCannotSend_nameTheUsernameProperty() {
        runner.withPropertyValues(
                        "humanitec.transport=jdk-http-client",
                        "humanitec.proxy.url=http://proxy.example:3128",
                        "humanitec.proxy.username=someone",
                        "humanitec.proxy.password=x-pass")
                .run(context -> assertThat(analysis(context).getDescription())
                        .contains("the property humanitec.proxy.username cannot be sent")
                        .doesNotContain("x-pass"));
    }

    private static FailureAnalysis analysis(AssertableApplicationContext context) {
        assertThat(context).hasFailed();
        FailureAnalysis analysis = new InvalidSettingFailureAnalyzer().analyze(context.getStartupFailure());
        assertThat(analysis).isNotNull();
        return analysis;
    }
}
