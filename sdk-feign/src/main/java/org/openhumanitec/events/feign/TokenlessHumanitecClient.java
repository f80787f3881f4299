package org.openhumanitec.events.feign;

import org.openhumanitec.events.api.HumanitecEventApi;
import org.openhumanitec.events.feign.internal.HumanitecHttp;

/**
 * A Humanitec client without a token of its own, for a gateway that acts with each caller's token: it cannot call
 * the API itself, only derive a token-bound view per caller with {@link #withToken(String)}. Every view shares this
 * client's transport, connection pool and retry policy. Thread-safe: build one with
 * {@link HumanitecClient.Builder#buildWithoutToken()}, share it, and {@link #close()} it when done.
 *
 * <pre>{@code
 * try (TokenlessHumanitecClient humanitec = HumanitecClient.builder().buildWithoutToken()) {
 *     List<Webhook> hooks = humanitec.withToken(callersToken).webhooks().list("my-org", "my-app");
 * }
 * }</pre>
 */
public final class TokenlessHumanitecClient implements AutoCloseable {

    private final HumanitecHttp http;
    private final String description;

    TokenlessHumanitecClient(HumanitecHttp http, String description) {
        this.http = http;
        this.description = description;
    }

    /**
     * The API as one caller sees it: a view that authenticates with the caller's token. It builds nothing
     * expensive, so it can be called per request. Closing the view does nothing; closing this client ends it too.
     *
     * @param token the caller's bearer token; visible ASCII characters only
     * @return a view that sends {@code Authorization: Bearer <token>}
     * @throws NullPointerException if the token is null
     * @throws IllegalArgumentException if the token is blank or cannot be sent in a header; the message does not
     *     show it
     */
    public HumanitecEventApi withToken(String token) {
        return http.withToken(token, "token");
    }

    /**
     * Releases the connection pool of the transport the client built (a {@link Transport#custom(feign.Client)}
     * client is left open). Calls made afterwards through its views fail with {@link IllegalStateException}.
     * Closing twice does nothing.
     */
    @Override
    public void close() {
        http.close();
    }

    /** Shows the base URL, transport, timeouts, retry policy and log level. */
    @Override
    public String toString() {
        return "TokenlessHumanitecClient" + description;
    }
}
