package org.openhumanitec.events.feign;

class JdkHttpClientBehaviourTest extends HumanitecClientBehaviourTest {
    @Override
    protected Transport transport() {
        return Transport.jdkHttpClient();
    }

    /**
     * The JDK client re-sends a GET once by itself when the connection closes before any byte of the response
     * (its {@code ConnectionExpiredException} path, for idempotent methods only). Nothing turns this off per
     * client; a POST is never re-sent this way (see {@code create_doesNotRetryWhenTheConnectionIsResetAfterSending}).
     */
    @Override
    protected int requestsPerGetAttemptWhenTheConnectionDropsUnanswered() {
        return 2;
    }
}
