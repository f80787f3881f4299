package org.openhumanitec.events.feign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which variable gives the proxy, and which the hosts reached without it, for an https and an http base URL. */
class ProxyEnvironmentTest {

    private static final Map<String, String> ALL = Map.of(
            "HUMANITEC_PROXY", "humanitec-proxy:1",
            "https_proxy", "lower-https:2",
            "HTTPS_PROXY", "upper-https:3",
            "http_proxy", "lower-http:4",
            "HTTP_PROXY", "upper-http:5");

    private static String proxyOf(String baseUrl, Map<String, String> environment) {
        try (HumanitecClient client = HumanitecClient.builder()
                .token(Fixtures.TOKEN)
                .baseUrl(baseUrl)
                .fromEnvironment(environment)
                .build()) {
            String described = client.toString();
            int at = described.indexOf("proxy=");
            return at < 0 ? "unset" : described.substring(at + "proxy=".length(), described.indexOf(']', at) + 1);
        }
    }

    @ParameterizedTest(name = "{0} without {1} -> {2}")
    @CsvSource({
        "https://api.humanitec.io, '',                             http://humanitec-proxy:1]",
        "https://api.humanitec.io, HUMANITEC_PROXY,                http://lower-https:2]",
        "https://api.humanitec.io, HUMANITEC_PROXY https_proxy,    http://upper-https:3]",
        "https://api.humanitec.io, HUMANITEC_PROXY https_proxy HTTPS_PROXY, unset",
        "http://127.0.0.1:8080/v1, HUMANITEC_PROXY,                http://lower-http:4]",
        "http://127.0.0.1:8080/v1, HUMANITEC_PROXY http_proxy,     http://upper-http:5]",
        "http://127.0.0.1:8080/v1, HUMANITEC_PROXY http_proxy HTTP_PROXY, unset",
    })
    void theProxy_comesFromTheFirstVariableSetForTheScheme(String baseUrl, String without, String proxy) {
        Map<String, String> environment = new java.util.HashMap<>(ALL);
        for (String name : without.split(" ")) {
            environment.remove(name);
        }
        assertThat(proxyOf(baseUrl, environment)).isEqualTo(proxy);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "'HUMANITEC_NO_PROXY=humanitec.io,no_proxy=other,NO_PROXY=other', none (humanitec.io)]",
        "'no_proxy=humanitec.io,NO_PROXY=other',                          none (humanitec.io)]",
        "'NO_PROXY=.humanitec.io',                                        none (.humanitec.io)]",
        "'no_proxy=other,NO_PROXY=humanitec.io',                          http://upper-https:3]",
    })
    void theHostsWithoutProxy_comeFromTheFirstVariableSet(String variables, String proxy) {
        Map<String, String> environment = new java.util.HashMap<>(Map.of("HTTPS_PROXY", "upper-https:3"));
        for (String pair : variables.split(",")) {
            String[] nameAndValue = pair.split("=");
            environment.put(nameAndValue[0], nameAndValue[1]);
        }
        assertThat(proxyOf("https://api.humanitec.io", environment)).isEqualTo(proxy);
    }
}
