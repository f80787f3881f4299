package org.openhumanitec.events.jackson;

import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.openhumanitec.events.api.errors.HumanitecError;
import org.openhumanitec.events.api.model.CreateWebhookRequest;
import org.openhumanitec.events.api.model.Event;
import org.openhumanitec.events.api.model.EventScope;
import org.openhumanitec.events.api.model.EventType;
import org.openhumanitec.events.api.model.Trigger;
import org.openhumanitec.events.api.model.UpdateWebhookRequest;
import org.openhumanitec.events.api.model.UpdatedWebhook;
import org.openhumanitec.events.api.model.Webhook;

/**
 * Registers a serializer and a deserializer for every {@code sdk-api} value that travels as JSON. Register it on
 * any {@link com.fasterxml.jackson.databind.ObjectMapper}, or take one from {@link HumanitecJson#newMapper()}.
 */
public final class HumanitecJacksonModule extends SimpleModule {

    private static final long serialVersionUID = 1L;

    /** The module, with every codec registered. */
    public HumanitecJacksonModule() {
        super("humanitec-events", Version.unknownVersion());
        WireCodecs.register(this, Webhook.class, new WebhookCodecs.WebhookWriter(), new WebhookCodecs.WebhookReader());
        WireCodecs.register(
                this,
                CreateWebhookRequest.class,
                new WebhookCodecs.CreateRequestWriter(),
                new WebhookCodecs.CreateRequestReader());
        WireCodecs.register(
                this,
                UpdateWebhookRequest.class,
                new WebhookCodecs.UpdateRequestWriter(),
                new WebhookCodecs.UpdateRequestReader());
        WireCodecs.register(
                this,
                UpdatedWebhook.class,
                new WebhookCodecs.UpdatedWebhookWriter(),
                new WebhookCodecs.UpdatedWebhookReader());
        WireCodecs.register(this, Trigger.class, new EventCodecs.TriggerWriter(), new EventCodecs.TriggerReader());
        WireCodecs.register(this, Event.class, new EventCodecs.EventWriter(), new EventCodecs.EventReader());
        addSerializer(EventScope.class, WireCodecs.stringWriter(EventScope.class, EventScope::value));
        addSerializer(EventType.class, WireCodecs.stringWriter(EventType.class, EventType::value));
        WireCodecs.register(this, HumanitecError.class, new ErrorCodecs.ErrorWriter(), new ErrorCodecs.ErrorReader());
    }
}
