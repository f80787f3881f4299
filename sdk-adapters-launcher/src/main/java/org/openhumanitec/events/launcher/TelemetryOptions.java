package org.openhumanitec.events.launcher;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The observability options every face has: whether it serves {@code GET /metrics}, and how it writes its logs.
 *
 * @param disableMetrics {@code --disable-metrics}: no {@code /metrics} endpoint and no meters (they are on by
 *     default)
 * @param logFormat {@code --log-format}: {@code text} (the default) or {@code json}
 */
public record TelemetryOptions(LaunchOption disableMetrics, LaunchOption logFormat) {

    /** The log formats {@code --log-format} takes. */
    public enum LogFormat {
        /** One human-readable line per request and per error. */
        TEXT,
        /** One JSON object per line, each request's with its request id. */
        JSON
    }

    /**
     * Checks that both options are there.
     *
     * @param disableMetrics {@code --disable-metrics}
     * @param logFormat {@code --log-format}
     */
    public TelemetryOptions {
        Objects.requireNonNull(disableMetrics, "disableMetrics must not be null");
        Objects.requireNonNull(logFormat, "logFormat must not be null");
    }

    /**
     * The observability options of one face.
     *
     * @param environmentPrefix the prefix of the face's environment variables, for example {@code HUMANITEC_REST}
     * @return the options
     */
    public static TelemetryOptions forFace(String environmentPrefix) {
        Objects.requireNonNull(environmentPrefix, "environmentPrefix must not be null");
        return new TelemetryOptions(
                LaunchOption.flag(
                        "--disable-metrics",
                        environmentPrefix + "_DISABLE_METRICS",
                        "Serve no GET " + FaceTelemetry.METRICS_PATH
                                + " (Prometheus text; on by default, behind --auth-token when one is set)"),
                LaunchOption.value(
                        "--log-format",
                        environmentPrefix + "_LOG_FORMAT",
                        "text",
                        "text, or json: access and error logs as one JSON object a line, with the request id"
                                + " also sent as the " + FaceTelemetry.REQUEST_ID_HEADER + " response header"));
    }

    /**
     * The options in the order {@code --help} lists them.
     *
     * @return disable metrics, log format
     */
    public List<LaunchOption> all() {
        return List.of(disableMetrics, logFormat);
    }

    /**
     * The log format the options ask for.
     *
     * @param options the option values
     * @return the format
     * @throws UsageException naming the option when the value is neither {@code text} nor {@code json}
     */
    public LogFormat logFormat(LaunchOptions options) {
        String value = options.value(logFormat);
        try {
            return LogFormat.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException(logFormat.name() + " must be text or json, not '" + value + "'");
        }
    }
}
