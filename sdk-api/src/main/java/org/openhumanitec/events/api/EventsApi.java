package org.openhumanitec.events.api;

import java.util.List;
import org.openhumanitec.events.api.model.Event;

/** The events of an organization that can trigger jobs: {@code /orgs/{orgId}/events}. */
public interface EventsApi {

    /**
     * Lists the events that can trigger a webhook, each with the placeholders its payload may use
     * ({@code GET /orgs/{orgId}/events}).
     *
     * @param orgId the organization id
     * @return the events, unmodifiable; the API does not paginate
     */
    List<Event> list(String orgId);
}
