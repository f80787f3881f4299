package org.openhumanitec.events.feign.internal;

import static org.assertj.core.api.Assertions.assertThat;

import feign.Request;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The Feign transports derive a new HTTP client for a request whose options differ from the client's own settings
 * (the OkHttp transport builds one per call, as feign-okhttp does; feign-java11 caches one per connect timeout). The options the client passes
 * must therefore match what the transport was built with. This reads the transports' private selection methods,
 * so a Feign upgrade that changes them fails here.
 */
class TransportReuseTest {

    private static final Duration CONNECT = Duration.ofSeconds(7);
    private static final Duration READ = Duration.ofSeconds(13);
    private static final Request.Options OPTIONS = ClientCore.options(CONNECT, READ);

    private static Object select(Object feignClient, String method) throws Exception {
        Method selector = feignClient.getClass().getDeclaredMethod(method, Request.Options.class);
        selector.setAccessible(true);
        return selector.invoke(feignClient, OPTIONS);
    }

    private static Object field(Object target, String name) throws Exception {
        Field field = target.getClass().getDeclaredField(name);
        field.setAccessible(true);
        return field.get(target);
    }

    @Test
    void okHttp_usesItsOneClientForEveryCall() throws Exception {
        feign.Client client = new OkHttpTransport()
                .open(new TransportSettings(CONNECT, READ, true))
                .client();

        assertThat(select(client, "clientFor")).isSameAs(field(client, "delegate"));
        assertThat(((OkHttpFeignClient) client).clientFor(ClientCore.options(CONNECT, READ.plusSeconds(1))))
                .isNotSameAs(field(client, "delegate"));
    }

    @Test
    void jdkHttpClient_usesItsOneClientForEveryCall() throws Exception {
        feign.Client client = new JdkHttpTransport()
                .open(new TransportSettings(CONNECT, READ, false))
                .client();

        assertThat(select(client, "getOrCreateClient")).isSameAs(field(client, "client"));
    }
}
