package org.openhumanitec.events.feign.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The proxy route a transport is built with: direct or through a proxy, and never its credentials in text. */
class ProxyRouteTest {

    @Test
    void direct_hasNoProxyAndSaysSo() {
        assertThat(ProxyRoute.DIRECT.direct()).isTrue();
        assertThat(ProxyRoute.DIRECT.hasCredentials()).isFalse();
        assertThat(ProxyRoute.DIRECT).hasToString("ProxyRoute[direct]");
    }

    @Test
    void throughAProxy_showsItsAddressAndWhetherCredentialsAreSet_neverThem() {
        ProxyRoute plain = new ProxyRoute("proxy.example", 3128, null, null);
        ProxyRoute withCredentials = new ProxyRoute("proxy.example", 3128, "jane", "s3cret");

        assertThat(plain.direct()).isFalse();
        assertThat(plain.hasCredentials()).isFalse();
        assertThat(plain).hasToString("ProxyRoute[proxy.example:3128]");
        assertThat(withCredentials.hasCredentials()).isTrue();
        assertThat(withCredentials).hasToString("ProxyRoute[proxy.example:3128, credentials]");
    }
}
