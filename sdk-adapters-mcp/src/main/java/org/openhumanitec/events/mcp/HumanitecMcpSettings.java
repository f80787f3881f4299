package org.openhumanitec.events.mcp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How a {@link HumanitecMcpServlet} serves the tools.
 *
 * @param readOnly offer only the read-only tools (list-webhooks, get-webhook, list-events)
 * @param allowedTools the tools offered (within {@code readOnly}); empty offers all 7
 * @param stateless serve the stateless Streamable HTTP transport (no sessions: each POST stands alone, so several
 *     replicas can sit behind a load balancer) instead of the stateful one
 * @param allowedOrigins the {@code Origin} values browsers may send, such as {@code http://localhost:*} (a
 *     {@code :*} port matches any port); a request with another Origin gets 403; a request without one is allowed
 * @param allowedHosts the {@code Host} values accepted, such as {@code 127.0.0.1:*}; a request with another Host
 *     gets 421 (DNS rebinding protection); {@code *} accepts any
 * @param maxRequestBytes the largest request body accepted; a larger one gets 413
 * @param maxSessions the most MCP sessions open at once (stateful transport); an {@code initialize} beyond them gets
 *     503 with {@code Retry-After}
 * @param sessionIdleTimeout how long a session may stay idle (no request of it in progress) before it is closed; its
 *     next request gets 404 and the client initializes again
 * @param keepAliveInterval how often each session is sent a {@code ping} on its event stream (stateful transport): a
 *     stream whose client went away without closing it fails to take the ping, and the SDK then closes the stream
 *     and the session (within two intervals: the first write may still be buffered)
 */
public record HumanitecMcpSettings(
        boolean readOnly,
        Set<HumanitecTool> allowedTools,
        boolean stateless,
        List<String> allowedOrigins,
        List<String> allowedHosts,
        int maxRequestBytes,
        int maxSessions,
        Duration sessionIdleTimeout,
        Duration keepAliveInterval) {

    /** The largest request body accepted by default: {@value} bytes (1 MiB). */
    public static final int DEFAULT_MAX_REQUEST_BYTES = 1024 * 1024;

    /** The most {@link #maxRequestBytes()} may be: {@value} bytes (64 MiB). */
    public static final int MAX_REQUEST_BYTES_CEILING = 64 * 1024 * 1024;

    /** The most MCP sessions open at once by default: {@value}. */
    public static final int DEFAULT_MAX_SESSIONS = 500;

    /** The most {@link #maxSessions()} may be: {@value}. */
    public static final int MAX_SESSIONS_CEILING = 100_000;

    /** How long a session may stay idle by default: 10 minutes. */
    public static final Duration DEFAULT_SESSION_IDLE_TIMEOUT = Duration.ofMinutes(10);

    /** How often sessions are pinged by default: 30 seconds. */
    public static final Duration DEFAULT_KEEP_ALIVE_INTERVAL = Duration.ofSeconds(30);

    /** The longest {@link #keepAliveInterval()}: 1 hour. */
    public static final Duration KEEP_ALIVE_INTERVAL_CEILING = Duration.ofHours(1);

    /** The longest {@link #sessionIdleTimeout()}: 24 hours. */
    public static final Duration SESSION_IDLE_TIMEOUT_CEILING = Duration.ofHours(24);

    /** The origins allowed by default: web pages served from this machine. */
    public static final List<String> LOOPBACK_ORIGINS =
            List.of("http://localhost:*", "http://127.0.0.1:*", "http://[::1]:*");

    /** The hosts allowed by default: this machine's loopback names, with or without a port. */
    public static final List<String> LOOPBACK_HOSTS =
            List.of("localhost:*", "127.0.0.1:*", "[::1]:*", "localhost", "127.0.0.1", "[::1]");

    /**
     * Checks and copies the components.
     *
     * @param readOnly read-only tools only
     * @param allowedTools the tool allow-list, empty for all
     * @param stateless the stateless transport
     * @param allowedOrigins the allowed Origin values
     * @param allowedHosts the allowed Host values
     * @param maxRequestBytes the body limit
     * @param maxSessions the session limit
     * @param sessionIdleTimeout the idle time after which a session is closed
     * @param keepAliveInterval the time between pings of each session
     */
    public HumanitecMcpSettings {
        allowedTools =
                allowedTools == null || allowedTools.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(allowedTools));
        allowedOrigins = List.copyOf(Objects.requireNonNull(allowedOrigins, "allowedOrigins must not be null"));
        allowedHosts = List.copyOf(Objects.requireNonNull(allowedHosts, "allowedHosts must not be null"));
        if (allowedHosts.isEmpty()) {
            throw new IllegalArgumentException("allowedHosts must not be empty: list the host names clients use, or *");
        }
        if (maxRequestBytes < 1 || maxRequestBytes > MAX_REQUEST_BYTES_CEILING) {
            throw new IllegalArgumentException(
                    "maxRequestBytes must be from 1 to " + MAX_REQUEST_BYTES_CEILING + ", not " + maxRequestBytes);
        }
        if (maxSessions < 1 || maxSessions > MAX_SESSIONS_CEILING) {
            throw new IllegalArgumentException(
                    "maxSessions must be from 1 to " + MAX_SESSIONS_CEILING + ", not " + maxSessions);
        }
        Objects.requireNonNull(sessionIdleTimeout, "sessionIdleTimeout must not be null");
        if (sessionIdleTimeout.toSeconds() < 1 || sessionIdleTimeout.compareTo(SESSION_IDLE_TIMEOUT_CEILING) > 0) {
            throw new IllegalArgumentException(
                    "sessionIdleTimeout must be from 1 second to 24 hours, not " + sessionIdleTimeout);
        }
        Objects.requireNonNull(keepAliveInterval, "keepAliveInterval must not be null");
        if (keepAliveInterval.toSeconds() < 1 || keepAliveInterval.compareTo(KEEP_ALIVE_INTERVAL_CEILING) > 0) {
            throw new IllegalArgumentException(
                    "keepAliveInterval must be from 1 second to 1 hour, not " + keepAliveInterval);
        }
        if (HumanitecMcpTools.offered(readOnly, allowedTools).isEmpty()) {
            throw new NoToolLeftException(allowedTools);
        }
    }

    /**
     * The defaults: all 7 tools, stateful, loopback origins and hosts, 1 MiB bodies, at most 500 sessions closed after
     * 10 idle minutes, each pinged every 30 seconds.
     *
     * @return a builder with the defaults
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The tools offered: all, or the read-only ones, narrowed to the allow-list.
     *
     * @return the tools, never empty, in the order of {@link HumanitecTool}
     */
    public Set<HumanitecTool> offeredTools() {
        return HumanitecMcpTools.offered(readOnly, allowedTools);
    }

    /** Builds {@link HumanitecMcpSettings}. */
    public static final class Builder {
        private boolean readOnly;
        private final Set<HumanitecTool> allowedTools = EnumSet.noneOf(HumanitecTool.class);
        private boolean stateless;
        private List<String> allowedOrigins = LOOPBACK_ORIGINS;
        private List<String> allowedHosts = LOOPBACK_HOSTS;
        private int maxRequestBytes = DEFAULT_MAX_REQUEST_BYTES;
        private int maxSessions = DEFAULT_MAX_SESSIONS;
        private Duration sessionIdleTimeout = DEFAULT_SESSION_IDLE_TIMEOUT;
        private Duration keepAliveInterval = DEFAULT_KEEP_ALIVE_INTERVAL;

        private Builder() {}

        /**
         * Offers only the read-only tools.
         *
         * @param readOnly true for list-webhooks, get-webhook and list-events only; default false
         * @return this builder
         */
        public Builder readOnly(boolean readOnly) {
            this.readOnly = readOnly;
            return this;
        }

        /**
         * Offers only these tools.
         *
         * @param tools the allow-list; empty (the default) offers all
         * @return this builder
         */
        public Builder allowedTools(Collection<HumanitecTool> tools) {
            allowedTools.clear();
            allowedTools.addAll(Objects.requireNonNull(tools, "tools must not be null"));
            return this;
        }

        /**
         * Serves the stateless transport.
         *
         * @param stateless true for no sessions; default false
         * @return this builder
         */
        public Builder stateless(boolean stateless) {
            this.stateless = stateless;
            return this;
        }

        /**
         * The Origin values allowed.
         *
         * @param origins such as {@code https://console.example.com} or {@code http://localhost:*}; default
         *     {@link HumanitecMcpSettings#LOOPBACK_ORIGINS}
         * @return this builder
         */
        public Builder allowedOrigins(Collection<String> origins) {
            this.allowedOrigins = new ArrayList<>(Objects.requireNonNull(origins, "origins must not be null"));
            return this;
        }

        /**
         * The Host values allowed.
         *
         * @param hosts such as {@code mcp.example.com} or {@code 127.0.0.1:*}, or {@code *} for any; default
         *     {@link HumanitecMcpSettings#LOOPBACK_HOSTS}
         * @return this builder
         */
        public Builder allowedHosts(Collection<String> hosts) {
            this.allowedHosts = new ArrayList<>(Objects.requireNonNull(hosts, "hosts must not be null"));
            return this;
        }

        /**
         * The largest request body accepted.
         *
         * @param maxRequestBytes 1 to {@value HumanitecMcpSettings#MAX_REQUEST_BYTES_CEILING}; default
         *     {@value HumanitecMcpSettings#DEFAULT_MAX_REQUEST_BYTES}
         * @return this builder
         */
        public Builder maxRequestBytes(int maxRequestBytes) {
            this.maxRequestBytes = maxRequestBytes;
            return this;
        }

        /**
         * The most MCP sessions open at once (stateful transport only).
         *
         * @param maxSessions 1 to {@value HumanitecMcpSettings#MAX_SESSIONS_CEILING}; default
         *     {@value HumanitecMcpSettings#DEFAULT_MAX_SESSIONS}
         * @return this builder
         */
        public Builder maxSessions(int maxSessions) {
            this.maxSessions = maxSessions;
            return this;
        }

        /**
         * How long a session may stay idle before it is closed (stateful transport only).
         *
         * @param sessionIdleTimeout 1 second to 24 hours; default 10 minutes
         * @return this builder
         */
        public Builder sessionIdleTimeout(Duration sessionIdleTimeout) {
            this.sessionIdleTimeout = sessionIdleTimeout;
            return this;
        }

        /**
         * How often each session is pinged on its event stream, which finds streams whose clients went away (stateful
         * transport only).
         *
         * @param keepAliveInterval 1 second to 1 hour; default 30 seconds
         * @return this builder
         */
        public Builder keepAliveInterval(Duration keepAliveInterval) {
            this.keepAliveInterval = keepAliveInterval;
            return this;
        }

        /**
         * Builds the settings.
         *
         * @return the settings
         * @throws NoToolLeftException if read-only mode leaves none of the allowed tools
         * @throws IllegalArgumentException if a value is out of range
         */
        public HumanitecMcpSettings build() {
            return new HumanitecMcpSettings(
                    readOnly,
                    allowedTools,
                    stateless,
                    allowedOrigins,
                    allowedHosts,
                    maxRequestBytes,
                    maxSessions,
                    sessionIdleTimeout,
                    keepAliveInterval);
        }
    }
}
