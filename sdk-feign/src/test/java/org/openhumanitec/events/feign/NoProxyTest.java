package org.openhumanitec.events.feign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code NO_PROXY} matching, rule by rule, as curl matches. */
class NoProxyTest {

    @ParameterizedTest(name = "NO_PROXY=''{0}'' host {1} -> direct {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                // '*' alone: every host
                "*                         | api.humanitec.io     | true",
                "'example.com, *'          | api.humanitec.io     | true",
                // a name matches itself and the names below it, not names that merely end alike
                "humanitec.io              | humanitec.io         | true",
                "humanitec.io              | api.humanitec.io     | true",
                "humanitec.io              | a.b.humanitec.io     | true",
                "humanitec.io              | myhumanitec.io       | false",
                "api.humanitec.io          | humanitec.io         | false",
                // a leading or trailing dot changes nothing; case does not matter; blanks around entries are ignored
                ".humanitec.io             | humanitec.io         | true",
                ".humanitec.io             | api.humanitec.io     | true",
                "humanitec.io.             | api.humanitec.io     | true",
                "humanitec.io              | API.Humanitec.IO.    | true",
                "'  other.example ,  HUMANITEC.io  ' | api.humanitec.io | true",
                "'other.example,,'         | api.humanitec.io     | false",
                // an IP address matches the host written as that address, never a name
                "127.0.0.1                 | 127.0.0.1            | true",
                "127.0.0.1                 | 127.0.0.2            | false",
                "127.0.0.1                 | localhost            | false",
                "::1                       | [::1]                | true",
                "[::1]                     | [0:0:0:0:0:0:0:1]    | true",
                // CIDR ranges
                "10.0.0.0/8                | 10.20.30.40          | true",
                "10.0.0.0/8                | 11.0.0.1             | false",
                "192.168.4.0/22            | 192.168.7.255        | true",
                "192.168.4.0/22            | 192.168.8.0          | false",
                "fd00::/8                  | [fd12:3456::1]       | true",
                "fd00::/8                  | [fe80::1]            | false",
                // the longest prefix is one address
                "10.1.2.3/32               | 10.1.2.3             | true",
                "10.1.2.3/32               | 10.1.2.4             | false",
                "::1/128                   | [::1]                | true",
                "10.0.0.0/8                | ten.example          | false",
                // localhost is not special
                "example.com               | localhost            | false",
            })
    void matches(String list, String host, boolean direct) {
        assertThat(NoProxy.parse(list, "NO_PROXY").matches(host)).isEqualTo(direct);
    }

    @ParameterizedTest
    @ValueSource(strings = {"proxy.example:8080", "10.0.0.0/33", "300.1.1.1", "10.0.0.0/x", "bad host", "a..b"})
    void parse_refusesEntriesItCannotRead_namingTheSetting(String entry) {
        assertThatThrownBy(() -> NoProxy.parse("example.com," + entry, "no_proxy"))
                .isInstanceOfSatisfying(
                        InvalidSettingException.class,
                        e -> assertThat(e.setting()).isEqualTo("no_proxy"))
                .hasMessageContaining("'" + entry + "'");
    }
}
