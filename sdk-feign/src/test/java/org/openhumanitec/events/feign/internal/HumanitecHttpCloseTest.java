package org.openhumanitec.events.feign.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhumanitec.events.api.HumanitecEventApi;
import org.openhumanitec.events.feign.HttpLogLevel;
import org.openhumanitec.events.feign.RetryPolicy;

/** What closing the HTTP stack does to the transport it opened: releases it once, and says when that fails. */
class HumanitecHttpCloseTest {

    private static final AtomicInteger RELEASES = new AtomicInteger();
    private static volatile Exception releaseFailure;

    /** A transport whose resources count their releases; no request reaches it. */
    static final class RecordingTransport implements TransportFactory {
        @Override
        public OpenTransport open(TransportSettings settings) {
            return new OpenTransport(
                    (request, options) -> {
                        throw new IOException("no request is sent in this test");
                    },
                    () -> {
                        RELEASES.incrementAndGet();
                        if (releaseFailure != null) {
                            throw releaseFailure;
                        }
                    },
                    DeadlineClient.CLOSE,
                    false);
        }
    }

    @BeforeEach
    void reset() {
        RELEASES.set(0);
        releaseFailure = null;
    }

    private static HumanitecHttp open() {
        return HumanitecHttp.open(
                new HttpSettings(
                        "http://127.0.0.1:1",
                        false,
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(1),
                        RetryPolicy.none(),
                        HttpLogLevel.NONE,
                        RetryClock.system(),
                        null,
                        null,
                        "recording",
                        null),
                RecordingTransport.class.getName(),
                null);
    }

    @Test
    void close_releasesTheTransportOnce_andLaterCallsFail() {
        HumanitecHttp http = open();
        HumanitecEventApi api = http.withToken("t0ken-for-tests", "token");

        http.close();
        http.close();

        assertThat(RELEASES).hasValue(1);
        assertThatThrownBy(() -> api.events().list("o"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void close_whenTheTransportCannotBeReleased_saysSoAndKeepsTheCause() {
        HumanitecHttp http = open();
        releaseFailure = new IOException("connections busy");

        assertThatThrownBy(http::close)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("closing the transport failed")
                .hasCause(releaseFailure);
    }
}
