package org.openhumanitec.events.spring.boot.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

    /** The HTTP proxy. */
    private final Proxy proxy = new Proxy();

    /** The CA bundle and client certificate. */
    private final Tls tls = new Tls();

    /** Micrometer observations of the client. */
    private final Observations observations = new Observations();

    /** The Actuator health indicator. */
    private final Health health = new Health();

    /** The MCP face in the application. */
    private final Mcp mcp = new Mcp();

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

    /**
     * The proxy settings.
     *
     * @return the proxy settings
     */
    public Proxy getProxy() {
        return proxy;
    }

    /**
     * The TLS settings.
     *
     * @return the TLS settings
     */
    public Tls getTls() {
        return tls;
    }

    /**
     * The observation settings.
     *
     * @return the observation settings
     */
    public Observations getObservations() {
        return observations;
    }

    /**
     * The health indicator settings.
     *
     * @return the health indicator settings
     */
    public Health getHealth() {
        return health;
    }

    /**
     * The MCP face settings.
     *
     * @return the MCP face settings
     */
    public Mcp getMcp() {
        return mcp;
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

    /** The {@code humanitec.proxy.*} properties: the HTTP proxy the client reaches Humanitec through. */
    public static class Proxy {

        /**
         * The HTTP proxy every request goes through, as curl takes it: [http://][user:password@]host[:port]
         * (port 1080 when none). Unset: the environment decides (HUMANITEC_PROXY, https_proxy, ...).
         */
        private String url;

        /**
         * The user name the proxy is sent (Basic, to the proxy only); needs humanitec.proxy.url.
         */
        private String username;

        /**
         * The password the proxy is sent with humanitec.proxy.username. Never shown in logs, messages or Actuator
         * endpoints.
         */
        private String password;

        /**
         * The hosts reached without the proxy, as curl's NO_PROXY: comma-separated names (a name matches the names
         * below it), IP addresses or CIDR ranges, or * for all. Unset: the environment decides (HUMANITEC_NO_PROXY, NO_PROXY).
         */
        private String noProxy;

        /**
         * The proxy URL.
         *
         * @return the URL, or null when unset
         */
        public String getUrl() {
            return url;
        }

        /**
         * Sets the proxy URL.
         *
         * @param url the URL, such as {@code http://proxy.example:3128}
         */
        public void setUrl(String url) {
            this.url = url;
        }

        /**
         * The proxy user name.
         *
         * @return the user name, or null when unset
         */
        public String getUsername() {
            return username;
        }

        /**
         * Sets the proxy user name.
         *
         * @param username the user name
         */
        public void setUsername(String username) {
            this.username = username;
        }

        /**
         * The proxy password.
         *
         * @return the password, or null when unset
         */
        public String getPassword() {
            return password;
        }

        /**
         * Sets the proxy password.
         *
         * @param password the password
         */
        public void setPassword(String password) {
            this.password = password;
        }

        /**
         * The hosts reached without the proxy.
         *
         * @return the list, or null when unset
         */
        public String getNoProxy() {
            return noProxy;
        }

        /**
         * Sets the hosts reached without the proxy.
         *
         * @param noProxy the comma-separated list
         */
        public void setNoProxy(String noProxy) {
            this.noProxy = noProxy;
        }
    }

    /** The {@code humanitec.tls.*} properties: the CA bundle to trust and the client certificate to present. */
    public static class Tls {

        /**
         * A PEM file of CA certificates to trust in addition to the JDK's (a company proxy that inspects TLS, a private
         * endpoint). Unset: HUMANITEC_CA_BUNDLE, else the JDK's trust store alone.
         */
        private Path caBundle;

        /**
         * Whether the CA bundle replaces the JDK's trust store rather than adding to it.
         */
        private boolean caBundleOnly;

        /**
         * A PEM file holding the client certificate (then any intermediates) presented for mutual TLS.
         */
        private Path clientCertificate;

        /**
         * The PEM file of the client certificate's unencrypted PKCS#8 private key; defaults to
         * humanitec.tls.client-certificate itself.
         */
        private Path clientKey;

        /**
         * A PKCS#12 key store (.p12, .pfx) holding the client's key and certificate chain for mutual TLS, instead
         * of the PEM files.
         */
        private Path clientKeyStore;

        /**
         * The password of humanitec.tls.client-key-store (and of its key); empty for none. Never shown in logs,
         * messages or Actuator endpoints.
         */
        private String clientKeyStorePassword;

        /**
         * The CA bundle.
         *
         * @return the file, or null when unset
         */
        public Path getCaBundle() {
            return caBundle;
        }

        /**
         * Sets the CA bundle.
         *
         * @param caBundle the PEM file
         */
        public void setCaBundle(Path caBundle) {
            this.caBundle = caBundle;
        }

        /**
         * Whether the CA bundle replaces the JDK's trust store.
         *
         * @return true if it does
         */
        public boolean isCaBundleOnly() {
            return caBundleOnly;
        }

        /**
         * Sets whether the CA bundle replaces the JDK's trust store.
         *
         * @param caBundleOnly true to trust the bundle alone
         */
        public void setCaBundleOnly(boolean caBundleOnly) {
            this.caBundleOnly = caBundleOnly;
        }

        /**
         * The PEM client certificate chain.
         *
         * @return the file, or null when unset
         */
        public Path getClientCertificate() {
            return clientCertificate;
        }

        /**
         * Sets the PEM client certificate chain.
         *
         * @param clientCertificate the PEM file
         */
        public void setClientCertificate(Path clientCertificate) {
            this.clientCertificate = clientCertificate;
        }

        /**
         * The PEM private key.
         *
         * @return the file, or null when unset
         */
        public Path getClientKey() {
            return clientKey;
        }

        /**
         * Sets the PEM private key.
         *
         * @param clientKey the PEM file
         */
        public void setClientKey(Path clientKey) {
            this.clientKey = clientKey;
        }

        /**
         * The PKCS#12 key store.
         *
         * @return the file, or null when unset
         */
        public Path getClientKeyStore() {
            return clientKeyStore;
        }

        /**
         * Sets the PKCS#12 key store.
         *
         * @param clientKeyStore the PKCS#12 file
         */
        public void setClientKeyStore(Path clientKeyStore) {
            this.clientKeyStore = clientKeyStore;
        }

        /**
         * The PKCS#12 password.
         *
         * @return the password, or null when unset
         */
        public String getClientKeyStorePassword() {
            return clientKeyStorePassword;
        }

        /**
         * Sets the PKCS#12 password.
         *
         * @param clientKeyStorePassword the password
         */
        public void setClientKeyStorePassword(String clientKeyStorePassword) {
            this.clientKeyStorePassword = clientKeyStorePassword;
        }
    }

    /** The {@code humanitec.observations.*} properties. */
    public static class Observations {

        /**
         * Whether the client is observed with the application's ObservationRegistry (http.client.requests
         * observations: timers, spans) and counts retries in its MeterRegistry, where the application has them (Actuator).
         */
        private boolean enabled = true;

        /**
         * Whether the client is observed.
         *
         * @return true if it is
         */
        public boolean isEnabled() {
            return enabled;
        }

        /**
         * Sets whether the client is observed.
         *
         * @param enabled false to leave the client unobserved
         */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    /** The {@code humanitec.health.*} properties: the Actuator health indicator. */
    public static class Health {

        /**
         * Whether Actuator's health shows a "humanitec" indicator, UP while list-events for humanitec.health.org
         * answers.
         */
        private boolean enabled;

        /**
         * The organization whose events the health indicator lists; required when it is enabled.
         */
        private String org;

        /**
         * How long a health result is kept: Humanitec is called at most once per interval, whatever the probe rate.
         */
        private Duration interval = Duration.ofSeconds(60);

        /**
         * Whether the health indicator is on.
         *
         * @return true if it is
         */
        public boolean isEnabled() {
            return enabled;
        }

        /**
         * Sets whether the health indicator is on.
         *
         * @param enabled true to turn it on
         */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /**
         * The organization checked.
         *
         * @return the organization id, or null when unset
         */
        public String getOrg() {
            return org;
        }

        /**
         * Sets the organization checked.
         *
         * @param org the organization id
         */
        public void setOrg(String org) {
            this.org = org;
        }

        /**
         * How long a result is kept.
         *
         * @return the interval
         */
        public Duration getInterval() {
            return interval;
        }

        /**
         * Sets how long a result is kept.
         *
         * @param interval at least 1 ms
         */
        public void setInterval(Duration interval) {
            this.interval = interval;
        }
    }

    /** The {@code humanitec.mcp.*} properties: the MCP face, mounted in the application's servlet container. */
    public static class Mcp {

        /**
         * Whether the application serves the Humanitec MCP tools (org.openhumanitec:sdk-adapters-mcp) over its
         * HumanitecEventApi bean, on the Streamable HTTP transport. Needs a servlet web application.
         */
        private boolean enabled;

        /**
         * Where the MCP endpoint is: a path ending in /mcp, such as /mcp or /agents/mcp.
         */
        private String path = "/mcp";

        /**
         * Whether only the read-only tools are offered: list-webhooks, get-webhook, list-events.
         */
        private boolean readOnly;

        /**
         * The tools offered, by name (such as list-events); empty offers all 7 (within read-only).
         */
        private List<String> allowedTools = new ArrayList<>();

        /**
         * Whether the stateless Streamable HTTP transport is served (no sessions, each POST stands alone) rather than
         * the stateful one.
         */
        private boolean stateless;

        /**
         * The Origin values browsers may send (a :* port matches any port); another Origin gets 403, a request without
         * one is allowed. Empty: web pages served from this machine (http://localhost:*, http://127.0.0.1:*,
         * http://[::1]:*).
         */
        private List<String> allowedOrigins = new ArrayList<>();

        /**
         * The Host values accepted (a :* port matches any port, * any host); another Host gets 421 (DNS rebinding
         * protection). List the names clients reach the application by. Empty: this machine's loopback names
         * (localhost, 127.0.0.1, [::1], with any port or none).
         */
        private List<String> allowedHosts = new ArrayList<>();

        /**
         * The largest request body accepted, in bytes; a larger one is answered 413.
         */
        private int maxRequestBytes = 1048576;

        /**
         * The most MCP sessions open at once (stateful transport); an initialize beyond them is answered 503.
         */
        private int maxSessions = 500;

        /**
         * How long a session may stay idle before it is closed (stateful transport).
         */
        private Duration sessionIdleTimeout = Duration.ofMinutes(10);

        /**
         * How often each session is pinged on its event stream, which finds clients that went away (stateful
         * transport).
         */
        private Duration keepAliveInterval = Duration.ofSeconds(30);

        /**
         * Whether the MCP face is served.
         *
         * @return true if it is
         */
        public boolean isEnabled() {
            return enabled;
        }

        /**
         * Sets whether the MCP face is served.
         *
         * @param enabled true to serve it
         */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /**
         * The endpoint path.
         *
         * @return the path
         */
        public String getPath() {
            return path;
        }

        /**
         * Sets the endpoint path.
         *
         * @param path the path, ending in {@code /mcp}
         */
        public void setPath(String path) {
            this.path = path;
        }

        /**
         * Whether only the read-only tools are offered.
         *
         * @return true if so
         */
        public boolean isReadOnly() {
            return readOnly;
        }

        /**
         * Sets whether only the read-only tools are offered.
         *
         * @param readOnly true for the read-only tools
         */
        public void setReadOnly(boolean readOnly) {
            this.readOnly = readOnly;
        }

        /**
         * The tool allow-list.
         *
         * @return the tool names, empty for all
         */
        public List<String> getAllowedTools() {
            return allowedTools;
        }

        /**
         * Sets the tool allow-list.
         *
         * @param allowedTools the tool names
         */
        public void setAllowedTools(List<String> allowedTools) {
            this.allowedTools = allowedTools;
        }

        /**
         * Whether the transport is stateless.
         *
         * @return true if it is
         */
        public boolean isStateless() {
            return stateless;
        }

        /**
         * Sets whether the transport is stateless.
         *
         * @param stateless true for the stateless transport
         */
        public void setStateless(boolean stateless) {
            this.stateless = stateless;
        }

        /**
         * The allowed Origin values.
         *
         * @return the origins
         */
        public List<String> getAllowedOrigins() {
            return allowedOrigins;
        }

        /**
         * Sets the allowed Origin values.
         *
         * @param allowedOrigins the origins, such as {@code https://console.example.com}
         */
        public void setAllowedOrigins(List<String> allowedOrigins) {
            this.allowedOrigins = allowedOrigins;
        }

        /**
         * The allowed Host values.
         *
         * @return the hosts
         */
        public List<String> getAllowedHosts() {
            return allowedHosts;
        }

        /**
         * Sets the allowed Host values.
         *
         * @param allowedHosts the hosts, such as {@code app.example.com}
         */
        public void setAllowedHosts(List<String> allowedHosts) {
            this.allowedHosts = allowedHosts;
        }

        /**
         * The largest request body accepted.
         *
         * @return bytes
         */
        public int getMaxRequestBytes() {
            return maxRequestBytes;
        }

        /**
         * Sets the largest request body accepted.
         *
         * @param maxRequestBytes bytes
         */
        public void setMaxRequestBytes(int maxRequestBytes) {
            this.maxRequestBytes = maxRequestBytes;
        }

        /**
         * The most sessions open at once.
         *
         * @return the count
         */
        public int getMaxSessions() {
            return maxSessions;
        }

        /**
         * Sets the most sessions open at once.
         *
         * @param maxSessions the count
         */
        public void setMaxSessions(int maxSessions) {
            this.maxSessions = maxSessions;
        }

        /**
         * The idle time after which a session is closed.
         *
         * @return the timeout
         */
        public Duration getSessionIdleTimeout() {
            return sessionIdleTimeout;
        }

        /**
         * Sets the idle time after which a session is closed.
         *
         * @param sessionIdleTimeout 1 second to 24 hours
         */
        public void setSessionIdleTimeout(Duration sessionIdleTimeout) {
            this.sessionIdleTimeout = sessionIdleTimeout;
        }

        /**
         * The time between pings of a session.
         *
         * @return the interval
         */
        public Duration getKeepAliveInterval() {
            return keepAliveInterval;
        }

        /**
         * Sets the time between pings of a session.
         *
         * @param keepAliveInterval 1 second to 1 hour
         */
        public void setKeepAliveInterval(Duration keepAliveInterval) {
            this.keepAliveInterval = keepAliveInterval;
        }
    }
}
