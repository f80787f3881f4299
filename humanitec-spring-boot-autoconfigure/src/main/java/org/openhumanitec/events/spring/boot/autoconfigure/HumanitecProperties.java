package org.openhumanitec.events.spring.boot.autoconfigure;

import java.time.Duration;
import org.openhumanitec.events.feign.HttpLogLevel;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code humanitec.*} properties the auto-configured {@link org.openhumanitec.events.feign.HumanitecClient} is
 * built from. Unset properties take the client's defaults; the api-key and base URL fall back to the environment
 * variables {@link org.openhumanitec.events.feign.HumanitecClient#fromEnv()} reads.
 */
@ConfigurationProperties(HumanitecProperties.PREFIX)
public class HumanitecProperties {

    /** The prefix of every property: {@value}. */
    public static final String PREFIX = "humanitec";

    /**
     * The Humanitec API token, sent as a bearer token. Defaults to the HUMANITEC_API_KEY environment variable, else
     * HUMANITEC_TOKEN. Never shown in logs, messages or Actuator endpoints.
     */
    private String apiKey;

    /**
     * Where the Humanitec API is: an absolute http(s) URL; a path prefix is kept. Defaults to the HUMANITEC_API_URL
     * environment variable, else https://api.humanitec.io.
     */
    private String baseUrl;

    /** How long each attempt may take to connect. */
    private Duration connectTimeout = Duration.ofSeconds(10);

    /** How long each attempt may wait for data once connected. */
    private Duration readTimeout = Duration.ofSeconds(30);

    /** The deadline of each call: all attempts and the waits between them together. */
    private Duration callTimeout = Duration.ofSeconds(60);

    /** How requests travel. jdk-http-client needs feign-java11, apache-http-client5 needs feign-hc5. */
    private TransportKind transport = TransportKind.OK_HTTP;

    /**
     * How much of each HTTP exchange is logged at DEBUG under org.openhumanitec.events.feign.http; the token and
     * webhook header and payload values are always redacted.
     */
    private HttpLogLevel logLevel = HttpLogLevel.NONE;

    /** When and how often calls are retried. */
    private final Retry retry = new Retry();

    /** The sandbox in place of the client. */
    private final Sandbox sandbox = new Sandbox();

    /** The REST face in the application. */
    private final Rest rest = new Rest();

    /**
     * The API token.
     *
     * @return the token, or null when unset
     */
    public String getApiKey() {
        return apiKey;
    }

    /**
     * Sets the API token.
     *
     * @param apiKey the token
     */
    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    /**
     * The API's base URL.
     *
     * @return the URL, or null when unset
     */
    public String getBaseUrl() {
        return baseUrl;
    }

    /**
     * Sets the API's base URL.
     *
     * @param baseUrl the URL
     */
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /**
     * The connect timeout of each attempt.
     *
     * @return the timeout
     */
    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    /**
     * Sets the connect timeout of each attempt.
     *
     * @param connectTimeout the timeout
     */
    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    /**
     * The read timeout of each attempt.
     *
     * @return the timeout
     */
    public Duration getReadTimeout() {
        return readTimeout;
    }

    /**
     * Sets the read timeout of each attempt.
     *
     * @param readTimeout the timeout
     */
    public void setReadTimeout(Duration readTimeout) {
        this.readTimeout = readTimeout;
    }

    /**
     * The deadline of each call.
     *
     * @return the deadline
     */
    public Duration getCallTimeout() {
        return callTimeout;
    }

    /**
     * Sets the deadline of each call.
     *
     * @param callTimeout the deadline
     */
    public void setCallTimeout(Duration callTimeout) {
        this.callTimeout = callTimeout;
    }

    /**
     * The transport.
     *
     * @return the transport
     */
    public TransportKind getTransport() {
        return transport;
    }

    /**
     * Sets the transport.
     *
     * @param transport the transport
     */
    public void setTransport(TransportKind transport) {
        this.transport = transport;
    }

    /**
     * The HTTP log level.
     *
     * @return the level
     */
    public HttpLogLevel getLogLevel() {
        return logLevel;
    }

    /**
     * Sets the HTTP log level.
     *
     * @param logLevel the level
     */
    public void setLogLevel(HttpLogLevel logLevel) {
        this.logLevel = logLevel;
    }

    /**
     * The retry settings.
     *
     * @return the retry settings
     */
    public Retry getRetry() {
        return retry;
    }

    /**
     * The sandbox settings.
     *
     * @return the sandbox settings
     */
    public Sandbox getSandbox() {
        return sandbox;
    }

    /**
     * The REST face settings.
     *
     * @return the REST face settings
     */
    public Rest getRest() {
        return rest;
    }

    /** The transports of {@link org.openhumanitec.events.feign.Transport} a property can name. */
    public enum TransportKind {
        /** OkHttp, always available. */
        OK_HTTP,
        /** The JDK's HttpClient; needs io.github.openfeign:feign-java11. */
        JDK_HTTP_CLIENT,
        /** Apache HttpClient 5; needs io.github.openfeign:feign-hc5. */
        APACHE_HTTP_CLIENT5
    }

    /** The {@code humanitec.retry.*} properties: the {@link org.openhumanitec.events.feign.RetryPolicy}. */
    public static class Retry {

        /** How many attempts a call makes at most, the first included; 1 turns retries off. */
        private int maxAttempts = 3;

        /** The wait before the first retry when the server sends no Retry-After. */
        private Duration initialBackoff = Duration.ofMillis(500);

        /** The factor each further wait grows by; at least 1. */
        private double backoffMultiplier = 2.0;

        /** The longest computed wait between attempts. */
        private Duration maxBackoff = Duration.ofSeconds(8);

        /** The share by which each backoff wait is randomly shortened, from 0 (no jitter) to 1. */
        private double jitter = 0.25;

        /** The longest wait a Retry-After header can ask for; a longer one is cut to this. */
        private Duration maxRetryAfter = Duration.ofSeconds(30);

        /**
         * The most attempts of a call.
         *
         * @return the count
         */
        public int getMaxAttempts() {
            return maxAttempts;
        }

        /**
         * Sets the most attempts of a call.
         *
         * @param maxAttempts the count
         */
        public void setMaxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
        }

        /**
         * The first backoff.
         *
         * @return the wait
         */
        public Duration getInitialBackoff() {
            return initialBackoff;
        }

        /**
         * Sets the first backoff.
         *
         * @param initialBackoff the wait
         */
        public void setInitialBackoff(Duration initialBackoff) {
            this.initialBackoff = initialBackoff;
        }

        /**
         * The backoff growth factor.
         *
         * @return the factor
         */
        public double getBackoffMultiplier() {
            return backoffMultiplier;
        }

        /**
         * Sets the backoff growth factor.
         *
         * @param backoffMultiplier the factor
         */
        public void setBackoffMultiplier(double backoffMultiplier) {
            this.backoffMultiplier = backoffMultiplier;
        }

        /**
         * The longest computed backoff.
         *
         * @return the wait
         */
        public Duration getMaxBackoff() {
            return maxBackoff;
        }

        /**
         * Sets the longest computed backoff.
         *
         * @param maxBackoff the wait
         */
        public void setMaxBackoff(Duration maxBackoff) {
            this.maxBackoff = maxBackoff;
        }

        /**
         * The random share of each wait.
         *
         * @return from 0 to 1
         */
        public double getJitter() {
            return jitter;
        }

        /**
         * Sets the random share of each wait.
         *
         * @param jitter from 0 to 1
         */
        public void setJitter(double jitter) {
            this.jitter = jitter;
        }

        /**
         * The longest Retry-After honoured.
         *
         * @return the wait
         */
        public Duration getMaxRetryAfter() {
            return maxRetryAfter;
        }

        /**
         * Sets the longest Retry-After honoured.
         *
         * @param maxRetryAfter the wait
         */
        public void setMaxRetryAfter(Duration maxRetryAfter) {
            this.maxRetryAfter = maxRetryAfter;
        }
    }

    /** The {@code humanitec.sandbox.*} properties. */
    public static class Sandbox {

        /**
         * Whether the in-memory HumanitecSandbox (org.openhumanitec:sdk-sandbox) replaces the client: no account, no
         * network, no api-key needed. For tests and local runs.
         */
        private boolean enabled;

        /**
         * Whether the sandbox replaces the client.
         *
         * @return true if it does
         */
        public boolean isEnabled() {
            return enabled;
        }

        /**
         * Sets whether the sandbox replaces the client.
         *
         * @param enabled true for the sandbox
         */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    /** The {@code humanitec.rest.*} properties: the REST face, mounted in the application's servlet container. */
    public static class Rest {

        /**
         * Whether the application serves the Humanitec REST API (org.openhumanitec:sdk-adapters-rest) over its
         * HumanitecEventApi bean. Needs a servlet web application.
         */
        private boolean enabled;

        /**
         * Where the REST face is mounted: its routes are <path>/v1/..., <path>/healthz, <path>/readyz and
         * <path>/v1/openapi.json, so a client's base URL is <path>/v1.
         */
        private String path = "/humanitec";

        /** The largest request body accepted, in bytes; a larger one is answered 413. */
        private int maxBodyBytes = 1048576;

        /**
         * Whether the REST face is served.
         *
         * @return true if it is
         */
        public boolean isEnabled() {
            return enabled;
        }

        /**
         * Sets whether the REST face is served.
         *
         * @param enabled true to serve it
         */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /**
         * The mount path.
         *
         * @return the path, such as {@code /humanitec}
         */
        public String getPath() {
            return path;
        }

        /**
         * Sets the mount path.
         *
         * @param path the path, starting with {@code /}
         */
        public void setPath(String path) {
            this.path = path;
        }

        /**
         * The largest request body accepted.
         *
         * @return bytes
         */
        public int getMaxBodyBytes() {
            return maxBodyBytes;
        }

        /**
         * Sets the largest request body accepted.
         *
         * @param maxBodyBytes bytes
         */
        public void setMaxBodyBytes(int maxBodyBytes) {
            this.maxBodyBytes = maxBodyBytes;
        }
    }
}
