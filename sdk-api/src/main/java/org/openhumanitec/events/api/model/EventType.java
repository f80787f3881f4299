package org.openhumanitec.events.api.model;

import java.util.Objects;

/**
 * The type of an event within its scope, such as {@code created} or {@code finished}: an open value, not an enum,
 * because Humanitec may add types at any time. Equal when their values are equal.
 *
 * @param value the type as the API spells it, never null
 */
public record EventType(String value) {

    /** Something was created. */
    public static final EventType CREATED = new EventType("created");

    /** Something was deleted. */
    public static final EventType DELETED = new EventType("deleted");

    /** Something started. */
    public static final EventType STARTED = new EventType("started");

    /** Something finished. */
    public static final EventType FINISHED = new EventType("finished");

    /**
     * Checks the value.
     *
     * @param value the type as the API spells it
     */
    public EventType {
        Objects.requireNonNull(value, "type must not be null");
    }

    /**
     * The type with this value, known or not: the constant for a known one, so that reading a list of webhooks
     * does not allocate a type per trigger.
     *
     * @param value the type as the API spells it
     * @return the type
     */
    public static EventType of(String value) {
        return switch (Objects.requireNonNull(value, "type must not be null")) {
            case "created" -> CREATED;
            case "deleted" -> DELETED;
            case "started" -> STARTED;
            case "finished" -> FINISHED;
            default -> new EventType(value);
        };
    }

    /** Returns the value as the API spells it. */
    @Override
    public String toString() {
        return value;
    }
}
