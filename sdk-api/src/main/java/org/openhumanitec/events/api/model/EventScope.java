package org.openhumanitec.events.api.model;

import java.util.Objects;

/**
 * The scope of an event, such as {@code environment} or {@code deployment}: an open value, not an enum, because
 * Humanitec may add scopes at any time. Equal when their values are equal.
 *
 * @param value the scope as the API spells it, never null
 */
public record EventScope(String value) {

    /** Events about environments. */
    public static final EventScope ENVIRONMENT = new EventScope("environment");

    /** Events about deployments. */
    public static final EventScope DEPLOYMENT = new EventScope("deployment");

    /**
     * Checks the value.
     *
     * @param value the scope as the API spells it
     */
    public EventScope {
        Objects.requireNonNull(value, "scope must not be null");
    }

    /**
     * The scope with this value, known or not: the constant for a known one, so that reading a list of webhooks
     * does not allocate a scope per trigger.
     *
     * @param value the scope as the API spells it
     * @return the scope
     */
    public static EventScope of(String value) {
        return switch (Objects.requireNonNull(value, "scope must not be null")) {
            case "environment" -> ENVIRONMENT;
            case "deployment" -> DEPLOYMENT;
            default -> new EventScope(value);
        };
    }

    /** Returns the value as the API spells it. */
    @Override
    public String toString() {
        return value;
    }
}
