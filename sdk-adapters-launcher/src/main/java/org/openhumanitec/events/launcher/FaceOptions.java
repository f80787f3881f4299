package org.openhumanitec.events.launcher;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.openhumanitec.events.feign.HumanitecClient;

/**
 * The options every face has: where it listens, which backend it serves, and the token its callers must send.
 * Each face names its own environment variables with a prefix ({@code HUMANITEC_REST} gives
 * {@code HUMANITEC_REST_PORT}); the Humanitec URL is read from {@value HumanitecClient#ENV_API_URL}, as the SDK
 * reads it.
 *
 * @param host {@code --host}: the address to bind, loopback by default
 * @param port {@code --port}: the TCP port, 0 for a free one
 * @param sandbox {@code --sandbox}: serve the in-memory Humanitec instead of the real one
 * @param humanitecUrl {@code --humanitec-url}: where Humanitec is
 * @param authToken {@code --auth-token}: the bearer token callers must send, none by default
 * @param requestReadTimeout {@code --request-read-timeout}: the seconds a client may take to send a request
 * @param maxConnections {@code --max-connections}: the most connections open at once
 */
public record FaceOptions(
        LaunchOption host,
        LaunchOption port,
        LaunchOption sandbox,
        LaunchOption humanitecUrl,
        LaunchOption authToken,
        LaunchOption requestReadTimeout,
        LaunchOption maxConnections) {

    /** The largest {@code --request-read-timeout}, in seconds: {@value} (one hour). */
    public static final int MAX_REQUEST_READ_TIMEOUT_SECONDS = 3600;

    /** The largest {@code --max-connections}: {@value}. */
    public static final int MAX_CONNECTIONS_CEILING = 100_000;

    /** The address a face binds when {@code --host} is not given: {@value}. */
    public static final String DEFAULT_HOST = "127.0.0.1";

    /**
     * Checks that every option is there.
     *
     * @param host {@code --host}
     * @param port {@code --port}
     * @param sandbox {@code --sandbox}
     * @param humanitecUrl {@code --humanitec-url}
     * @param authToken {@code --auth-token}
     * @param requestReadTimeout {@code --request-read-timeout}
     * @param maxConnections {@code --max-connections}
     */
    public FaceOptions {
        Objects.requireNonNull(host, "host must not be null");
        Objects.requireNonNull(port, "port must not be null");
        Objects.requireNonNull(sandbox, "sandbox must not be null");
        Objects.requireNonNull(humanitecUrl, "humanitecUrl must not be null");
        Objects.requireNonNull(authToken, "authToken must not be null");
        Objects.requireNonNull(requestReadTimeout, "requestReadTimeout must not be null");
        Objects.requireNonNull(maxConnections, "maxConnections must not be null");
    }

    /**
     * The common options of one face.
     *
     * @param environmentPrefix the prefix of the face's environment variables, for example {@code HUMANITEC_REST}
     * @param defaultPort the port the face listens on by default
     * @return the options
     */
    public static FaceOptions forFace(String environmentPrefix, int defaultPort) {
        Objects.requireNonNull(environmentPrefix, "environmentPrefix must not be null");
        return new FaceOptions(
                LaunchOption.value(
                        "--host",
                        environmentPrefix + "_HOST",
                        DEFAULT_HOST,
                        "Address to listen on (loopback unless" + " you add an auth token)"),
                LaunchOption.value(
                        "--port",
                        environmentPrefix + "_PORT",
                        Integer.toString(defaultPort),
                        "TCP port to listen on; 0 picks a free one"),
                LaunchOption.flag(
                        "--sandbox",
                        environmentPrefix + "_SANDBOX",
                        "Serve the in-memory Humanitec sandbox instead of Humanitec (no account needed)"),
                LaunchOption.value(
                        "--humanitec-url",
                        HumanitecClient.ENV_API_URL,
                        HumanitecClient.DEFAULT_BASE_URL,
                        "Humanitec API to serve when not in the sandbox; its token comes from "
                                + HumanitecClient.ENV_API_KEY + " or " + HumanitecClient.ENV_TOKEN),
                LaunchOption.secret(
                        "--auth-token",
                        environmentPrefix + "_AUTH_TOKEN",
                        "Bearer token callers must send (required to listen beyond loopback)"),
                LaunchOption.value(
                        "--request-read-timeout",
                        environmentPrefix + "_REQUEST_READ_TIMEOUT",
                        Integer.toString(ConnectionLimits.DEFAULT_REQUEST_READ_TIMEOUT_SECONDS),
                        "Seconds a client may take to send a request's headers and body; a slower one is"
                                + " disconnected"),
                LaunchOption.value(
                        "--max-connections",
                        environmentPrefix + "_MAX_CONNECTIONS",
                        Integer.toString(ConnectionLimits.DEFAULT_MAX_CONNECTIONS),
                        "Most connections open at once; more wait until one closes"));
    }

    /**
     * The options in the order {@code --help} lists them.
     *
     * @return host, port, sandbox, Humanitec URL, auth token, request read timeout, max connections, then the
     *     {@link NetworkOptions}
     */
    public List<LaunchOption> all() {
        List<LaunchOption> all = new ArrayList<>(
                List.of(host, port, sandbox, humanitecUrl, authToken, requestReadTimeout, maxConnections));
        all.addAll(NetworkOptions.all());
        return List.copyOf(all);
    }

    /**
     * The bearer token callers must send, as the options give it.
     *
     * @param options the option values
     * @return the token, or null when callers send none
     * @throws UsageException if the token is set but blank
     */
    public String inboundToken(LaunchOptions options) {
        String token = options.value(authToken);
        if (token != null && token.isBlank()) {
            throw new UsageException(authToken.name() + " must not be blank.");
        }
        return token;
    }

    /**
     * The connection limits the options ask for.
     *
     * @param options the option values
     * @return the limits
     * @throws UsageException naming the option whose value is not a number within its bounds
     */
    public ConnectionLimits connectionLimits(LaunchOptions options) {
        int seconds = options.number(requestReadTimeout, 1, MAX_REQUEST_READ_TIMEOUT_SECONDS, "seconds");
        int connections = options.number(maxConnections, 1, MAX_CONNECTIONS_CEILING, "connections");
        return new ConnectionLimits(Duration.ofSeconds(seconds), connections);
    }
}
