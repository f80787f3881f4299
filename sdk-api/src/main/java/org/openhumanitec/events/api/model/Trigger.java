package org.openhumanitec.events.api.model;

import java.util.List;
import java.util.Objects;

/**
 * An event that triggers a webhook: a scope and a type ({@code EventBaseRequest} / {@code EventBaseResponse}).
 * The four events Humanitec documents are constants; any other pair is allowed.
 *
 * @param scope the event's scope, never null
 * @param type the event's type, never null
 */
public record Trigger(EventScope scope, EventType type) {

    /** An environment was created. */
    public static final Trigger ENVIRONMENT_CREATED = new Trigger(EventScope.ENVIRONMENT, EventType.CREATED);

    /** An environment was deleted. */
    public static final Trigger ENVIRONMENT_DELETED = new Trigger(EventScope.ENVIRONMENT, EventType.DELETED);

    /** A deployment started. */
    public static final Trigger DEPLOYMENT_STARTED = new Trigger(EventScope.DEPLOYMENT, EventType.STARTED);

    /** A deployment finished. */
    public static final Trigger DEPLOYMENT_FINISHED = new Trigger(EventScope.DEPLOYMENT, EventType.FINISHED);

    /** The documented triggers, which {@link #of} returns instead of equal copies. */
    private static final List<Trigger> KNOWN =
            List.of(ENVIRONMENT_CREATED, ENVIRONMENT_DELETED, DEPLOYMENT_STARTED, DEPLOYMENT_FINISHED);

    /**
     * Checks the components.
     *
     * @param scope the event's scope
     * @param type the event's type
     */
    public Trigger {
        Objects.requireNonNull(scope, "scope must not be null");
        Objects.requireNonNull(type, "type must not be null");
    }

    /**
     * The trigger for a scope and a type as the API spells them: one of the constants when it is one of the four
     * documented triggers.
     *
     * @param scope the event's scope, for example {@code "deployment"}
     * @param type the event's type, for example {@code "finished"}
     * @return the trigger
     */
    public static Trigger of(String scope, String type) {
        EventScope eventScope = EventScope.of(scope);
        EventType eventType = EventType.of(type);
        for (Trigger known : KNOWN) {
            if (known.scope == eventScope && known.type == eventType) {
                return known;
            }
        }
        return new Trigger(eventScope, eventType);
    }

    /** Returns {@code scope.type}, for example {@code deployment.finished}. */
    @Override
    public String toString() {
        return scope + "." + type;
    }
}
