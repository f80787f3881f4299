package org.openhumanitec.events.feign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Proxy URLs as curl reads them, and credentials that never show. */
class HttpProxyTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "http://proxy.example:3128, proxy.example, 3128",
        "proxy.example:3128,        proxy.example, 3128",
        "proxy.example,             proxy.example, 1080",
        "HTTP://Proxy.Example/,     Proxy.Example, 1080",
        "http://[fd00::1]:8080,     fd00::1,       8080",
    })
    void parse_readsHostAndPort_defaultingToHttpAnd1080(String url, String host, int port) {
        HttpProxy proxy = HttpProxy.parse(url);
        assertThat(proxy.host()).isEqualTo(host);
        assertThat(proxy.port()).isEqualTo(port);
        assertThat(proxy.hasCredentials()).isFalse();
    }

    @Test
    void parse_decodesCredentials_whichNeverShow() {
        HttpProxy proxy = HttpProxy.parse("http://corp%5Cjane:p%40ss+word@proxy.example:3128");
        assertThat(proxy.username()).isEqualTo("corp\\jane");
        assertThat(proxy.password()).isEqualTo("p@ss+word");
        assertThat(proxy).hasToString("http://<credentials>@proxy.example:3128");
        assertThat(HttpProxy.of("fd00::1", 3128)).hasToString("http://[fd00::1]:3128");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "socks5://proxy.example:1080",
                "https://proxy.example:443",
                "http://proxy.example:3128/path",
                "http://:3128",
                "http://proxy.example:99999"
            })
    void parse_refusesWhatItCannotUse_namingTheSetting(String url) {
        assertThatThrownBy(() -> HttpProxy.parse(url))
                .isInstanceOfSatisfying(
                        InvalidSettingException.class,
                        e -> assertThat(e.setting()).isEqualTo("proxy"));
    }

    @Test
    void fromTheEnvironment_aWrongProxyIsReportedUnderItsVariable() {
        assertThatThrownBy(() -> HumanitecClient.builder()
                        .token(Fixtures.TOKEN)
                        .fromEnvironment(java.util.Map.of("https_proxy", "http://proxy.example:0"))
                        .build())
                .isInstanceOfSatisfying(
                        InvalidSettingException.class,
                        e -> assertThat(e.setting()).isEqualTo("https_proxy"));
    }

    @Test
    void parse_neverShowsThePasswordInItsMessages() {
        assertThatThrownBy(() -> HttpProxy.parse("socks5://user:hunter2@proxy.example"))
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> HttpProxy.parse("http://user:hunter2@proxy.example/x"))
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void ports_fromOneTo65535_areAccepted() {
        assertThat(HttpProxy.of("proxy.example", 1).port()).isEqualTo(1);
        assertThat(HttpProxy.of("proxy.example", 65535).port()).isEqualTo(65535);
        assertThatThrownBy(() -> HttpProxy.of("proxy.example", 0)).isInstanceOf(InvalidSettingException.class);
        assertThatThrownBy(() -> HttpProxy.of("proxy.example", 65536)).isInstanceOf(InvalidSettingException.class);
    }

    @Test
    void parse_anEmptyUserName_keepsThePassword() {
        HttpProxy proxy = HttpProxy.parse("http://:s3cret@proxy.example:3128");

        assertThat(proxy.username()).isEmpty();
        assertThat(proxy.password()).isEqualTo("s3cret");
    }

    @Test
    void toString_bracketsEveryIpv6Address() {
        assertThat(HttpProxy.of("::1", 3128)).hasToString("http://[::1]:3128");
        assertThat(HttpProxy.parse("http://[::1]:3128")).hasToString("http://[::1]:3128");
    }

    @Test
    void equality_isByHostWhateverItsCase_portAndCredentials() {
        HttpProxy proxy = HttpProxy.of("Proxy.Example", 3128).withCredentials("jane", "pw");

        assertThat(proxy)
                .isEqualTo(HttpProxy.parse("http://jane:pw@proxy.example:3128"))
                .hasSameHashCodeAs(HttpProxy.parse("http://jane:pw@proxy.example:3128"))
                .isNotEqualTo(HttpProxy.of("other.example", 3128).withCredentials("jane", "pw"))
                .isNotEqualTo(HttpProxy.of("proxy.example", 3129).withCredentials("jane", "pw"))
                .isNotEqualTo(HttpProxy.of("proxy.example", 3128).withCredentials("john", "pw"))
                .isNotEqualTo(HttpProxy.of("proxy.example", 3128).withCredentials("jane", "other"))
                .isNotEqualTo(HttpProxy.of("proxy.example", 3128))
                .isNotEqualTo("http://jane:pw@proxy.example:3128");
    }
}
