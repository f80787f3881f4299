package org.openhumanitec.events.feign;

import java.util.Objects;

/**
 * A value given to {@link HumanitecClient.Builder} (or read from the environment) that the client cannot work
 * with. It says which setting through {@link #setting()} and what is wrong through {@link #problem()}, so that a
 * caller presenting the failure under its own name for the setting (a command-line option, say) need not take
 * the message apart. Neither ever shows a token.
 */
public final class InvalidSettingException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** The setting, as the builder or the environment names it. */
    private final String setting;

    /** What is wrong with its value. */
    private final String problem;

    /**
     * A failure of one setting.
     *
     * @param setting the setting, for example {@code baseUrl} or {@code HUMANITEC_API_URL}
     * @param problem what is wrong, for example {@code must not have a query}
     */
    public InvalidSettingException(String setting, String problem) {
        super(Objects.requireNonNull(setting, "setting must not be null") + " "
                + Objects.requireNonNull(problem, "problem must not be null"));
        this.setting = setting;
        this.problem = problem;
    }

    /**
     * The setting whose value is wrong.
     *
     * @return for example {@code baseUrl}, or {@code HUMANITEC_API_URL} when the value came from the environment
     */
    public String setting() {
        return setting;
    }

    /**
     * What is wrong with the value, without the setting's name.
     *
     * @return for example {@code 'ftp://x' is not an absolute http(s) URL with a host, such as https://api.humanitec.io}
     */
    public String problem() {
        return problem;
    }
}
