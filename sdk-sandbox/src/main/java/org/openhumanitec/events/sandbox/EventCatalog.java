package org.openhumanitec.events.sandbox;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openhumanitec.events.api.model.Event;
import org.openhumanitec.events.api.model.Trigger;

/** The four events Humanitec documents, each with the payload placeholders its docs list. */
final class EventCatalog {

    private static final List<String> COMMON = List.of("event", "org_id", "triggered_at", "triggered_by");
    private static final List<String> ENVIRONMENT = List.of("app_id", "env_id", "name", "type");
    private static final List<String> DEPLOYMENT =
            List.of("app_id", "env_id", "deploy_id", "delta_id", "set_id", "comment", "status");

    /** What list-events answers for every organization, unmodifiable. */
    static final List<Event> EVENTS = List.of(
            event(Trigger.ENVIRONMENT_CREATED, ENVIRONMENT),
            event(Trigger.ENVIRONMENT_DELETED, ENVIRONMENT),
            event(Trigger.DEPLOYMENT_STARTED, DEPLOYMENT),
            event(Trigger.DEPLOYMENT_FINISHED, DEPLOYMENT));

    /** The scope and type of every event in {@link #EVENTS}: the triggers a webhook can have. */
    static final Set<Trigger> TRIGGERS = EVENTS.stream()
            .map(event -> Trigger.of(event.scope().value(), event.type().value()))
            .collect(Collectors.toUnmodifiableSet());

    private EventCatalog() {}

    private static Event event(Trigger trigger, List<String> own) {
        return new Event(
                trigger.scope(),
                trigger.type(),
                Stream.concat(COMMON.stream(), own.stream()).toList());
    }
}
