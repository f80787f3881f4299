package org.openhumanitec.events.jackson;

import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.util.Map;
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
 * The Humanitec wire format of every {@code sdk-api} value that travels as JSON: mix-ins that map the records to
 * the schema's fields, a serializer for the fields of a partial update, and errors that name the field. Register
 * it on any {@link com.fasterxml.jackson.databind.ObjectMapper}, or take one from {@link HumanitecJson#newMapper()},
 * which also turns off databind's coercions (such as the number {@code 5} read as the string {@code "5"}).
 */
public final class HumanitecJacksonModule extends SimpleModule {

    private static final long serialVersionUID = 1L;

    /** The wire-format types, by the class databind builds them with (a request's builder), and what it builds. */
    private static final Map<Class<?>, Class<?>> WIRE_TYPES = Map.of(
            Webhook.class, Webhook.class,
            UpdatedWebhook.class, UpdatedWebhook.class,
            CreateWebhookRequest.Builder.class, CreateWebhookRequest.class,
            UpdateWebhookRequest.Builder.class, UpdateWebhookRequest.class,
            Trigger.class, Trigger.class,
            Event.class, Event.class,
            HumanitecError.class, HumanitecError.class);

    /** The module, with every mix-in and (de)serializer registered. */
    public HumanitecJacksonModule() {
        super("humanitec-events", Version.unknownVersion());
        setMixInAnnotation(Webhook.class, WireMixIns.WebhookMixIn.class);
        setMixInAnnotation(UpdatedWebhook.class, WireMixIns.UpdatedWebhookMixIn.class);
        setMixInAnnotation(CreateWebhookRequest.class, WireMixIns.CreateRequestMixIn.class);
        setMixInAnnotation(CreateWebhookRequest.Builder.class, WireMixIns.RequestBuilderMixIn.class);
        setMixInAnnotation(UpdateWebhookRequest.class, WireMixIns.UpdateRequestMixIn.class);
        setMixInAnnotation(UpdateWebhookRequest.Builder.class, WireMixIns.RequestBuilderMixIn.class);
        setMixInAnnotation(Trigger.class, WireMixIns.TriggerMixIn.class);
        setMixInAnnotation(Event.class, WireMixIns.EventMixIn.class);
        setMixInAnnotation(EventScope.class, WireMixIns.EventScopeMixIn.class);
        setMixInAnnotation(EventType.class, WireMixIns.EventTypeMixIn.class);
        setMixInAnnotation(HumanitecError.class, WireMixIns.ErrorMixIn.class);
        addSerializer(new FieldUpdates());
        setDeserializerModifier(new WireFormatReporting(WIRE_TYPES));
    }

    @Override
    public void setupModule(SetupContext context) {
        super.setupModule(context);
        context.addValueInstantiators(new RequiredProperties(WIRE_TYPES.keySet()));
    }
}
