package org.openhumanitec.events.feign;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.openhumanitec.events.api.EventsApi;
import org.openhumanitec.events.api.HumanitecEventApi;
import org.openhumanitec.events.api.JobsApi;
import org.openhumanitec.events.api.WebhooksApi;
import org.openhumanitec.events.feign.internal.ClientObservation;
import org.openhumanitec.events.feign.internal.HttpSettings;
import org.openhumanitec.events.feign.internal.HumanitecHttp;
import org.openhumanitec.events.feign.internal.RetryClock;

/**
 * The Humanitec Event API over HTTP. Thread-safe: build one, share it, and {@link #close()} it when done (it
 * holds a connection pool).
 *
 * <pre>{@code
 * try (HumanitecClient client = HumanitecClient.fromEnv()) {
 *     for (Webhook hook : client.webhooks().list("my-org", "my-app")) {
 *         System.out.println(hook.id() + " -> " + hook.triggers());
 *     }
 * }
 * }</pre>
 *
 * <p>Every request sends {@code Authorization: Bearer <token>}, {@code Accept: application/json} and a
 * {@code User-Agent} naming the SDK and its version; ids are percent-encoded as one path segment each. Failures
 * are the exceptions of {@link org.openhumanitec.events.api.errors}: a status outside 2xx is the matching
 * {@link org.openhumanitec.events.api.errors.HumanitecApiException}, an I/O failure a
 * {@link org.openhumanitec.events.api.errors.NetworkException}, an unreadable 2xx body an
 * {@link org.openhumanitec.events.api.errors.InvalidResponseException}. Retries follow the
 * {@link RetryPolicy}; create-webhook, which is not idempotent, is retried only when its request certainly never
 * left. The token never appears in {@code toString()}, exception messages or logs.
 *
 * <table>
 *   <caption>Defaults</caption>
 *   <tr><th>setting</th><th>default</th><th>environment</th></tr>
 *   <tr><td>token</td><td>none: required</td><td>{@code HUMANITEC_API_KEY}, else {@code HUMANITEC_TOKEN}</td></tr>
 *   <tr><td>base URL</td><td>{@code https://api.humanitec.io}</td><td>{@code HUMANITEC_API_URL}</td></tr>
 *   <tr><td>connect timeout</td><td>10 s, per attempt</td><td></td></tr>
 *   <tr><td>read timeout</td><td>30 s, per attempt</td><td></td></tr>
 *   <tr><td>call timeout</td><td>60 s, all attempts and waits together</td><td></td></tr>
 *   <tr><td>transport</td><td>{@link Transport#okHttp()}</td><td></td></tr>
 *   <tr><td>retry policy</td><td>{@link RetryPolicy#defaults()}: 3 attempts</td><td></td></tr>
 *   <tr><td>log level</td><td>{@link HttpLogLevel#NONE}</td><td></td></tr>
 *   <tr><td>proxy</td><td>none</td><td>{@code HUMANITEC_PROXY}, else {@code https_proxy}/{@code HTTPS_PROXY}
 *       ({@code http_proxy}/{@code HTTP_PROXY} for an http base URL); {@code HUMANITEC_NO_PROXY}, else
 *       {@code no_proxy}/{@code NO_PROXY}</td></tr>
 *   <tr><td>CA bundle</td><td>none: the JDK's trust store</td><td>{@code HUMANITEC_CA_BUNDLE},
 *       {@code HUMANITEC_CA_BUNDLE_ONLY}</td></tr>
 *   <tr><td>client certificate</td><td>none</td><td>{@code HUMANITEC_CLIENT_CERT}, {@code HUMANITEC_CLIENT_KEY},
 *       {@code HUMANITEC_CLIENT_KEY_PASSWORD}</td></tr>
 *   <tr><td>metrics and traces</td><td>none</td><td></td></tr>
 * </table>
 *
 * <p>Metrics and traces are optional: {@link Builder#observationRegistry} and {@link Builder#meterRegistry} need
 * {@code io.github.openfeign:feign-micrometer} on the class path (it brings Micrometer); a client built without
 * them loads no Micrometer class.
 */
public final class HumanitecClient implements HumanitecEventApi {

    /** The base URL used when none is set: {@value}. */
    public static final String DEFAULT_BASE_URL = "https://api.humanitec.io";

    /** The default connect timeout of each attempt: 10 s. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /** The default read timeout of each attempt: 30 s. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);

    /** The default deadline of a call, all attempts and waits between them together: 60 s. */
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(60);

    /** The environment variable read first for the token: {@value}. */
    public static final String ENV_API_KEY = "HUMANITEC_API_KEY";

    /** The environment variable read for the token when {@value #ENV_API_KEY} is not set: {@value}. */
    public static final String ENV_TOKEN = "HUMANITEC_TOKEN";

    /** The environment variable read for the base URL: {@value}. */
    public static final String ENV_API_URL = "HUMANITEC_API_URL";

    /**
     * The environment variable read for the proxy ({@link HttpProxy#parse(String)}), before {@code https_proxy},
     * {@code HTTPS_PROXY}, {@code http_proxy} and {@code HTTP_PROXY}: {@value}.
     */
    public static final String ENV_PROXY = "HUMANITEC_PROXY";

    /**
     * The environment variable read for the hosts reached without the proxy ({@link Builder#noProxy(String)}), before
     * {@code no_proxy} and {@code NO_PROXY}: {@value}.
     */
    public static final String ENV_NO_PROXY = "HUMANITEC_NO_PROXY";

    /** The environment variable read for the PEM bundle of CA certificates to trust: {@value}. */
    public static final String ENV_CA_BUNDLE = "HUMANITEC_CA_BUNDLE";

    /** The environment variable that, {@code true}, makes the CA bundle replace the JDK's trust store: {@value}. */
    public static final String ENV_CA_BUNDLE_ONLY = "HUMANITEC_CA_BUNDLE_ONLY";

    /** The environment variable read for the client certificate (PEM, or PKCS#12 if named .p12 or .pfx): {@value}. */
    public static final String ENV_CLIENT_CERT = "HUMANITEC_CLIENT_CERT";

    /** The environment variable read for the PEM client key, when not in the certificate's file: {@value}. */
    public static final String ENV_CLIENT_KEY = "HUMANITEC_CLIENT_KEY";

    /** The environment variable read for the PKCS#12 client certificate's password: {@value}. */
    public static final String ENV_CLIENT_KEY_PASSWORD = "HUMANITEC_CLIENT_KEY_PASSWORD";

    /**
     * Every environment variable {@link Builder#fromEnvironment(Map)} reads: the token's, the base URL's and the
     * company-network ones. For callers whose environment is not a {@code Map} (a framework's configuration, say)
     * that build the map to pass.
     */
    public static final List<String> ENVIRONMENT_VARIABLES = Stream.concat(
                    Stream.of(ENV_API_KEY, ENV_TOKEN, ENV_API_URL), NetworkSettings.VARIABLES.stream())
            .toList();

    private final HumanitecHttp http;
    private final HumanitecEventApi api;
    private final String description;

    private HumanitecClient(HumanitecHttp http, HumanitecEventApi api, String description) {
        this.http = http;
        this.api = api;
        this.description = description;
    }

    /**
     * A builder with every setting at its default and no token.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A client configured from the process environment: the token from {@value #ENV_API_KEY}, else
     * {@value #ENV_TOKEN}; the base URL from {@value #ENV_API_URL}, else {@value #DEFAULT_BASE_URL}; everything
     * else at its default. Same as {@code builder().fromEnvironment(System.getenv()).build()}.
     *
     * @return the client
     * @throws IllegalStateException if neither variable holds a token
     * @throws IllegalArgumentException if a value is invalid
     */
    public static HumanitecClient fromEnv() {
        return builder().fromEnvironment(System.getenv()).build();
    }

    @Override
    public WebhooksApi webhooks() {
        return api.webhooks();
    }

    @Override
    public JobsApi jobs() {
        return api.jobs();
    }

    @Override
    public EventsApi events() {
        return api.events();
    }

    /**
     * The same client authenticating with another token: it shares the transport, connection pool, retry policy
     * and everything else, and builds nothing expensive, so it can be called per request (a gateway forwarding
     * each caller's own token does). Closing the view does nothing; closing this client ends the view too.
     *
     * @param token the bearer token; visible ASCII characters only
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
     * client is left open). Calls made afterwards, through this client or its views, fail with
     * {@link IllegalStateException}. Closing twice does nothing.
     */
    @Override
    public void close() {
        http.close();
    }

    /** Shows the base URL, transport, timeouts, retry policy and log level; never the token. */
    @Override
    public String toString() {
        return "HumanitecClient" + description;
    }

    /**
     * Builds a {@link HumanitecClient}. Only the token is required. Values set on the builder win over
     * {@link #fromEnvironment(Map) environment} values, whatever the order of the calls.
     */
    public static final class Builder {
        private String token;
        private String baseUrl;
        private Map<String, String> environment = Map.of();
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration readTimeout = DEFAULT_READ_TIMEOUT;
        private Duration callTimeout = DEFAULT_CALL_TIMEOUT;
        private Transport transport = Transport.okHttp();
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private HttpLogLevel logLevel = HttpLogLevel.NONE;
        private RetryClock retryClock = RetryClock.system();
        private Predicate<String> classPresence = Transport::isOnClasspath;
        private final NetworkSettings network = new NetworkSettings();
        private ObservationRegistry observationRegistry;
        private MeterRegistry meterRegistry;

        private Builder() {}

        /**
         * Sets the bearer token.
         *
         * @param token the token; checked by {@link #build()}
         * @return this builder
         * @throws NullPointerException if the token is null
         */
        public Builder token(String token) {
            this.token = Objects.requireNonNull(token, "token must not be null");
            return this;
        }

        /**
         * Sets where the API is. A path prefix is kept: {@code http://127.0.0.1:8080/v1} reaches the REST
         * adapter's routes. A trailing slash does not matter.
         *
         * @param baseUrl an absolute {@code http} or {@code https} URL with a host and no query or fragment;
         *     checked by {@link #build()}
         * @return this builder
         * @throws NullPointerException if the URL is null
         */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl must not be null");
            return this;
        }

        /**
         * Takes the settings from these variables where the builder has none: the token from {@value #ENV_API_KEY}
         * (else {@value #ENV_TOKEN}), the base URL from {@value #ENV_API_URL}, and the company-network settings:
         *
         * <ul>
         *   <li>the proxy from {@value #ENV_PROXY}, else as curl does: {@code https_proxy}, else
         *       {@code HTTPS_PROXY} for an https base URL; {@code http_proxy}, else {@code HTTP_PROXY} for an http
         *       one (curl reads only the lowercase {@code http_proxy}; the uppercase one is read too, as most
         *       tools do). {@code ALL_PROXY} is not read. The hosts reached without it come from
         *       {@value #ENV_NO_PROXY}, else {@code no_proxy}, else {@code NO_PROXY}, matched as
         *       {@link #noProxy(String)} says;
         *   <li>a CA bundle from {@value #ENV_CA_BUNDLE}, replacing the JDK's trust store when
         *       {@value #ENV_CA_BUNDLE_ONLY} is {@code true};
         *   <li>a client certificate from {@value #ENV_CLIENT_CERT}: a {@code .p12} or {@code .pfx} file is PKCS#12,
         *       its password in {@value #ENV_CLIENT_KEY_PASSWORD}; any other is PEM, its key in
         *       {@value #ENV_CLIENT_KEY} or else in the same file.
         * </ul>
         *
         * Blank values count as unset.
         *
         * @param environment the variables, usually {@code System.getenv()}
         * @return this builder
         */
        public Builder fromEnvironment(Map<String, String> environment) {
            Objects.requireNonNull(environment, "environment must not be null");
            Map<String, String> copy = new HashMap<>();
            for (String name : ENVIRONMENT_VARIABLES) {
                String value = environment.get(name);
                if (value != null && !value.isBlank()) {
                    copy.put(name, value);
                }
            }
            this.environment = Map.copyOf(copy);
            return this;
        }

        /**
         * Sets how long each attempt may take to connect. Default 10 s.
         *
         * @param connectTimeout from 1 ms to {@code Integer.MAX_VALUE} ms
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = attemptTimeout(connectTimeout, "connectTimeout");
            return this;
        }

        /**
         * Sets how long each attempt may wait for data once connected. Default 30 s.
         *
         * @param readTimeout from 1 ms to {@code Integer.MAX_VALUE} ms
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder readTimeout(Duration readTimeout) {
            this.readTimeout = attemptTimeout(readTimeout, "readTimeout");
            return this;
        }

        /**
         * Sets the deadline of each call: all attempts and the waits between them together. No retry starts that
         * could not begin before it, and the last attempt's read timeout is shortened to end with it. Default 60 s.
         *
         * @param callTimeout at least 1 ms
         * @return this builder
         * @throws IllegalArgumentException if shorter than 1 ms
         */
        public Builder callTimeout(Duration callTimeout) {
            Objects.requireNonNull(callTimeout, "callTimeout must not be null");
            if (callTimeout.compareTo(Duration.ofMillis(1)) < 0) {
                throw new IllegalArgumentException("callTimeout must be at least 1 ms, was " + callTimeout);
            }
            this.callTimeout = callTimeout;
            return this;
        }

        /**
         * Sets how requests travel. Default {@link Transport#okHttp()}.
         *
         * @param transport the transport
         * @return this builder
         */
        public Builder transport(Transport transport) {
            this.transport = Objects.requireNonNull(transport, "transport must not be null");
            return this;
        }

        /**
         * Sets when and how often calls are retried. Default {@link RetryPolicy#defaults()}; {@link
         * RetryPolicy#none()} turns retries off.
         *
         * @param retryPolicy the policy
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy must not be null");
            return this;
        }

        /**
         * Sets how much of each exchange is logged. Default {@link HttpLogLevel#NONE}.
         *
         * @param logLevel the level
         * @return this builder
         */
        public Builder logLevel(HttpLogLevel logLevel) {
            this.logLevel = Objects.requireNonNull(logLevel, "logLevel must not be null");
            return this;
        }

        /**
         * Sends every request through an HTTP proxy, whatever the environment says (the hosts of
         * {@link #noProxy(String)} excepted). An https request goes through a {@code CONNECT} tunnel; the proxy's
         * credentials, if any, go to the proxy alone and are never logged or shown. Not supported by
         * {@link Transport#custom(feign.Client)}; credentials not by {@link Transport#jdkHttpClient()}.
         *
         * @param proxy the proxy
         * @return this builder
         */
        public Builder proxy(HttpProxy proxy) {
            network.proxy = Objects.requireNonNull(proxy, "proxy must not be null");
            return this;
        }

        /**
         * Observes every HTTP exchange (each attempt) through feign-micrometer's {@code
         * MicrometerObservationCapability}: an observation named {@code http.client.requests} whose low-cardinality
         * tags are {@code operation} (one of the 7 operation ids, such as {@code listWebhooks}), {@code
         * http.status_code}, {@code outcome} ({@code SUCCESS}, {@code CLIENT_ERROR}, {@code SERVER_ERROR}, {@code
         * UNKNOWN} when no response came, …) and {@code transport} ({@code okHttp}, …), and whose high-cardinality
         * ones, a span's only, are {@code http.method} and {@code http.url} (the path template, never the ids, which
         * the operation already names; its span is named by both). The registry's handlers decide what
         * it becomes: a timer with Micrometer's {@code DefaultMeterObservationHandler}, a client span with a W3C
         * {@code traceparent} header on the request with a Micrometer Tracing bridge (to OpenTelemetry, say). Needs
         * {@code io.github.openfeign:feign-micrometer} on the class path.
         *
         * @param observationRegistry the registry
         * @return this builder
         */
        public Builder observationRegistry(ObservationRegistry observationRegistry) {
            this.observationRegistry =
                    Objects.requireNonNull(observationRegistry, "observationRegistry must not be null");
            return this;
        }

        /**
         * Sets the hosts reached without the proxy, as curl's {@code NO_PROXY}, overriding the environment's:
         * comma-separated entries; {@code *} matches every host; a name matches itself and the names below it
         * ({@code example.com} matches {@code api.example.com}, not {@code myexample.com}; a leading dot changes
         * nothing); an IP address or CIDR range ({@code 10.0.0.0/8}) matches a host written as an address in it
         * (names are never resolved). Case does not matter; ports are not supported. The client talks to one host,
         * so this is decided once, when the client is built.
         *
         * @param hosts the list; checked by {@link #build()}
         * @return this builder
         */
        public Builder noProxy(String hosts) {
            network.noProxy = Objects.requireNonNull(hosts, "hosts must not be null");
            return this;
        }

        /**
         * Trusts the CA certificates of a PEM bundle in addition to the JDK's trust store: for a company proxy that
         * inspects TLS, or a private Humanitec endpoint.
         *
         * @param pemFile the file of {@code -----BEGIN CERTIFICATE-----} blocks; read by {@link #build()}
         * @return this builder
         */
        public Builder caBundle(Path pemFile) {
            network.caBundle = Objects.requireNonNull(pemFile, "pemFile must not be null");
            network.caBundleOnly = false;
            return this;
        }

        /**
         * Trusts only the CA certificates of a PEM bundle, not the JDK's trust store.
         *
         * @param pemFile the file of {@code -----BEGIN CERTIFICATE-----} blocks; read by {@link #build()}
         * @return this builder
         */
        public Builder caBundleOnly(Path pemFile) {
            network.caBundle = Objects.requireNonNull(pemFile, "pemFile must not be null");
            network.caBundleOnly = true;
            return this;
        }

        /**
         * Presents a client certificate when the server asks for one (mutual TLS).
         *
         * @param certificate the certificate and key; read by {@link #build()}
         * @return this builder
         */
        public Builder clientCertificate(ClientCertificate certificate) {
            network.clientCertificate = Objects.requireNonNull(certificate, "certificate must not be null");
            return this;
        }

        /**
         * Counts retries in this registry ({@code humanitec.client.retries}, tagged {@code operation} and {@code
         * transport}), and, unless an {@link #observationRegistry} is set too, times every HTTP exchange in it
         * ({@code http.client.requests}, tagged as that method describes). Needs {@code
         * io.github.openfeign:feign-micrometer} on the class path.
         *
         * @param meterRegistry the registry
         * @return this builder
         */
        public Builder meterRegistry(MeterRegistry meterRegistry) {
            this.meterRegistry = Objects.requireNonNull(meterRegistry, "meterRegistry must not be null");
            return this;
        }

        /** For tests of this package: the retry layer's clock, sleeper and jitter source. */
        Builder retryClock(RetryClock retryClock) {
            this.retryClock = Objects.requireNonNull(retryClock, "retryClock must not be null");
            return this;
        }

        /** For tests of this package: how the presence of a transport's classes is checked. */
        Builder classPresence(Predicate<String> classPresence) {
            this.classPresence = Objects.requireNonNull(classPresence, "classPresence must not be null");
            return this;
        }

        /**
         * Checks the settings and builds the client.
         *
         * @return the client
         * @throws IllegalStateException if there is no token, or the transport's library is missing (the message
         *     names the artifact to add)
         * @throws IllegalArgumentException if the token is blank or holds characters a header cannot carry, the
         *     base URL is not an absolute http(s) URL, a company-network setting is wrong or its file unreadable, or
         *     the transport cannot honour one (an {@link InvalidSettingException} naming it); messages never show
         *     the token or a password
         */
        public HumanitecClient build() {
            TokenSource source = tokenSource();
            HumanitecHttp.requireToken(source.token, source.name);
            return build(source);
        }

        /**
         * Builds a client that holds no token of its own, for a gateway that forwards each caller's
         * {@code Authorization}: it only derives token-bound views ({@link TokenlessHumanitecClient#withToken}),
         * which share its transport and connection pool. Any token set on the builder or in the environment is
         * ignored.
         *
         * @return the client; close it when done
         * @throws IllegalStateException if the transport's library is missing
         * @throws IllegalArgumentException if the base URL is not an absolute http(s) URL, or a company-network
         *     setting is wrong or cannot be honoured by the transport
         */
        public TokenlessHumanitecClient buildWithoutToken() {
            BaseUrl url = baseUrl();
            NetworkSettings.Resolved resolved = network.resolve(environment, url, transport);
            return new TokenlessHumanitecClient(
                    open(url, resolved), describe(url.value()) + resolved.description() + "]");
        }

        private HumanitecClient build(TokenSource source) {
            BaseUrl url = baseUrl();
            NetworkSettings.Resolved resolved = network.resolve(environment, url, transport);
            HumanitecHttp http = open(url, resolved);
            return new HumanitecClient(
                    http,
                    http.withToken(source.token, source.name),
                    describe(url.value()) + resolved.description() + "]");
        }

        private BaseUrl baseUrl() {
            return baseUrl != null
                    ? BaseUrl.parse(baseUrl, "baseUrl")
                    : environment.containsKey(ENV_API_URL)
                            ? BaseUrl.parse(environment.get(ENV_API_URL), ENV_API_URL)
                            : BaseUrl.parse(DEFAULT_BASE_URL, "baseUrl");
        }

        private HumanitecHttp open(BaseUrl url, NetworkSettings.Resolved resolved) {
            return transport.open(
                    new HttpSettings(
                            url.value(),
                            url.https(),
                            connectTimeout,
                            readTimeout,
                            callTimeout,
                            retryPolicy,
                            logLevel,
                            retryClock,
                            resolved.proxy(),
                            resolved.tls(),
                            transport.metricTag(),
                            observation()),
                    classPresence);
        }

        /** Micrometer is touched only when a registry was set: without one, no Micrometer class is loaded. */
        private ClientObservation observation() {
            if (observationRegistry == null && meterRegistry == null) {
                return null;
            }
            if (!Transport.isOnClasspath("feign.micrometer.MicrometerObservationCapability")) {
                throw new IllegalStateException(
                        "observationRegistry(...) and meterRegistry(...) need io.github.openfeign:feign-micrometer"
                                + " on the classpath (add it as a dependency, version " + HumanitecHttp.FEIGN_VERSION
                                + ")");
            }
            return ClientObservation.of(observationRegistry, meterRegistry);
        }

        /** Where the token comes from: the builder, else the environment. */
        private TokenSource tokenSource() {
            if (token != null) {
                return new TokenSource(token, "token");
            }
            for (String name : new String[] {ENV_API_KEY, ENV_TOKEN}) {
                if (environment.containsKey(name)) {
                    return new TokenSource(environment.get(name), name);
                }
            }
            throw new IllegalStateException(
                    "No Humanitec token: call token(...) or set " + ENV_API_KEY + " (or " + ENV_TOKEN + ")");
        }

        private String describe(String url) {
            return "[baseUrl=" + url
                    + ", transport=" + transport
                    + ", connectTimeout=" + connectTimeout
                    + ", readTimeout=" + readTimeout
                    + ", callTimeout=" + callTimeout
                    + ", retryPolicy=" + retryPolicy
                    + ", logLevel=" + logLevel
                    + (observationRegistry == null && meterRegistry == null ? "" : ", observed");
        }

        /** Shows the settings; the token only as set or not. */
        @Override
        public String toString() {
            String tokenSource = token != null
                    ? "<redacted>"
                    : environment.containsKey(ENV_API_KEY)
                            ? "<from " + ENV_API_KEY + ">"
                            : environment.containsKey(ENV_TOKEN) ? "<from " + ENV_TOKEN + ">" : "<none>";
            String url = baseUrl != null ? baseUrl : environment.getOrDefault(ENV_API_URL, DEFAULT_BASE_URL);
            return "HumanitecClient.Builder[token=" + tokenSource + ", "
                    + describe(url).substring(1) + network.describeExplicit() + "]";
        }

        /** A token and how messages name it: {@code token} or the environment variable it came from. */
        private record TokenSource(String token, String name) {
            @Override
            public String toString() {
                return "TokenSource[" + name + "]";
            }
        }

        private static Duration attemptTimeout(Duration timeout, String name) {
            Objects.requireNonNull(timeout, name + " must not be null");
            if (timeout.compareTo(Duration.ofMillis(1)) < 0
                    || timeout.compareTo(Duration.ofMillis(Integer.MAX_VALUE)) > 0) {
                throw new IllegalArgumentException(
                        name + " must be from 1 ms to " + Integer.MAX_VALUE + " ms, was " + timeout);
            }
            return timeout;
        }
    }
}
