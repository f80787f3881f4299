/**
 * The Humanitec Event API as plain Java: service interfaces, immutable values and the exception hierarchy. No
 * dependency beyond {@code java.base}.
 */
@SuppressWarnings("module") // Jackson databind is not a dependency of this module, so javac cannot find it; see below.
module org.openhumanitec.events.api {
    exports org.openhumanitec.events.api;
    exports org.openhumanitec.events.api.errors;
    exports org.openhumanitec.events.api.model;

    // sdk-jackson's mix-ins have databind create the request builders through their private constructors
    // (CreateWebhookRequest.builder() is the public way in), which takes deep reflection.
    opens org.openhumanitec.events.api.model to
            com.fasterxml.jackson.databind;
}
