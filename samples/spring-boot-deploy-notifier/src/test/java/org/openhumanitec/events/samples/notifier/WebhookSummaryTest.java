package org.openhumanitec.events.samples.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openhumanitec.events.api.model.Webhook;

/** A summary shows where a webhook points and nothing of the URL that may be secret. */
class WebhookSummaryTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            nullValues = "null",
            value = {
                "https://hooks.example.com/T0/B1/s3cr3t, https://hooks.example.com",
                "https://user:s3cr3t@hooks.example.com:8443/x?token=s3cr3t, https://hooks.example.com:8443",
                "hooks.example.com/s3cr3t, https://hooks.example.com",
                "http://127.0.0.1:9000/s3cr3t, http://127.0.0.1:9000",
                "not a url, null",
                "null, null"
            })
    void receiver_isTheUrlsSchemeHostAndPort(String url, String receiver) {
        Webhook webhook = Webhook.builder().id("hook").url(url).build();

        assertThat(WebhookSummary.of(webhook).receiver()).isEqualTo(receiver);
    }
}
