package org.openhumanitec.events.feign.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** The OkHttp client's URL handling: reusing the last origin's parse must give what a full parse gives. */
class OkHttpFeignClientTest {

    private final OkHttpFeignClient client = new OkHttpFeignClient(new OkHttpClient());

    private void assertParsedLikeOkHttp(String url) {
        assertThat(client.url(url)).isEqualTo(HttpUrl.get(url));
    }

    @Test
    void url_sameOrigin_isResolvedExactlyAsAFullParse() {
        assertParsedLikeOkHttp("http://127.0.0.1:8080/orgs/acme/apps/billing/webhooks");
        assertParsedLikeOkHttp("http://127.0.0.1:8080/orgs/a%2Fb/apps/x%3Fy%3D1/webhooks/%252F");
        assertParsedLikeOkHttp("http://127.0.0.1:8080/v1/orgs/%C3%A9/events?x=1");
    }

    @Test
    void url_otherOrigins_areNotResolvedAgainstTheLastOne() {
        assertParsedLikeOkHttp("http://127.0.0.1:8080/orgs/acme/events");
        assertParsedLikeOkHttp("http://127.0.0.1:8081/orgs/acme/events");
        assertParsedLikeOkHttp("https://127.0.0.1:8081/orgs/acme/events");
        assertParsedLikeOkHttp("http://127.0.0.1:8081@evil.example/orgs/acme/events");
        assertParsedLikeOkHttp("http://127.0.0.1:808/orgs/acme/events");
        assertParsedLikeOkHttp("http://127.0.0.1:8081/orgs/acme/events");
    }

    @Test
    void url_invalid_failsAsOkHttpDoes() {
        client.url("http://127.0.0.1:8080/orgs");

        assertThatThrownBy(() -> client.url("http://127.0.0.1:8080 /orgs"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
