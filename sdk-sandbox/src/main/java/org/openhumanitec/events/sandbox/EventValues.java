package org.openhumanitec.events.sandbox;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.openhumanitec.events.api.model.Event;
import org.openhumanitec.events.api.model.Trigger;

/**
 * The placeholder values of one fired event. The sandbox fills what it knows ({@code event}, {@code org_id},
 * {@code app_id}, {@code triggered_at}, {@code triggered_by}); every other placeholder that list-events names for
 * the event is empty unless the caller gives it; the caller's values win, and names list-events does not know are
 * added as given.
 */
final class EventValues {

    /** {@code triggered_at} in the format of Humanitec's timestamps: {@code 2020-06-22T09:37:23.523Z}. */
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private EventValues() {}

    static Map<String, String> of(
            String orgId,
            String appId,
            Trigger event,
            Instant triggeredAt,
            String triggeredBy,
            Map<String, String> given) {
        Map<String, String> values = new HashMap<>();
        placeholders(event).forEach(name -> values.put(name, ""));
        values.put("event", event.scope().value() + "." + event.type().value());
        values.put("org_id", orgId);
        values.put("app_id", appId);
        values.put("triggered_at", TIMESTAMP.format(triggeredAt));
        values.put("triggered_by", triggeredBy);
        values.putAll(given);
        return Map.copyOf(values);
    }

    /** Checks and copies the caller's values, naming a null name or value. */
    static Map<String, String> checked(Map<String, String> given) {
        Objects.requireNonNull(given, "values must not be null");
        given.forEach((name, value) -> {
            Objects.requireNonNull(name, "values must not hold a null name");
            Objects.requireNonNull(value, () -> "values." + name + " must not be null");
        });
        return Map.copyOf(given);
    }

    private static List<String> placeholders(Trigger event) {
        return EventCatalog.EVENTS.stream()
                .filter(known -> known.trigger().equals(event))
                .findFirst()
                .map(Event::properties)
                .orElse(List.of());
    }
}
