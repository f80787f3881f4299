package org.openhumanitec.events.api.model;

import java.util.List;
import java.util.Objects;

/**
 * An event that can trigger webhooks, with the placeholders its payload may use ({@code EventResponse}).
 *
 * @param scope the event's scope, never null
 * @param type the event's type, never null
 * @param properties the names a webhook payload may use as {@code ${name}} for this event; unmodifiable, never
 *     null (empty when the API sends none)
 */
public record Event(EventScope scope, EventType type, List<String> properties) {

    /**
     * Checks the components and copies the list.
     *
     * @param scope the event's scope
     * @param type the event's type
     * @param properties the payload placeholders; null is taken as empty
     */
    public Event {
        Objects.requireNonNull(scope, "scope must not be null");
        Objects.requireNonNull(type, "type must not be null");
        properties = properties == null ? List.of() : List.copyOf(properties);
    }

    /**
     * The trigger that subscribes a webhook to this event.
     *
     * @return the trigger with this event's scope and type
     */
    public Trigger trigger() {
        return new Trigger(scope, type);
    }
}
