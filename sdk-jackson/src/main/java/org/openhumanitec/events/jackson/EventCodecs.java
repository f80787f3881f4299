package org.openhumanitec.events.jackson;

import static org.openhumanitec.events.jackson.WireCodecs.expectObject;
import static org.openhumanitec.events.jackson.WireCodecs.path;
import static org.openhumanitec.events.jackson.WireCodecs.required;
import static org.openhumanitec.events.jackson.WireCodecs.string;
import static org.openhumanitec.events.jackson.WireCodecs.strings;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.List;
import org.openhumanitec.events.api.model.Event;
import org.openhumanitec.events.api.model.EventScope;
import org.openhumanitec.events.api.model.EventType;
import org.openhumanitec.events.api.model.Trigger;

/** {@code EventBaseRequest}/{@code EventBaseResponse} ({@link Trigger}) and {@code EventResponse} ({@link Event}). */
final class EventCodecs {

    private EventCodecs() {}

    static Trigger readTrigger(JsonParser p, String at) throws IOException {
        expectObject(p, Trigger.class, at);
        String scope = null;
        String type = null;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            p.nextToken();
            switch (name) {
                case "scope" -> scope = string(p, Trigger.class, path(at, "scope"));
                case "type" -> type = string(p, Trigger.class, path(at, "type"));
                default -> p.skipChildren();
            }
        }
        return Trigger.of(
                required(scope, p, Trigger.class, path(at, "scope")),
                required(type, p, Trigger.class, path(at, "type")));
    }

    static void writeTrigger(JsonGenerator gen, Trigger trigger) throws IOException {
        gen.writeStartObject();
        gen.writeStringField("scope", trigger.scope().value());
        gen.writeStringField("type", trigger.type().value());
        gen.writeEndObject();
    }

    static final class TriggerReader extends WireCodecs.Reader<Trigger> {
        private static final long serialVersionUID = 1L;

        TriggerReader() {
            super(Trigger.class);
        }

        @Override
        Trigger read(JsonParser p, DeserializationContext ctxt) throws IOException {
            return readTrigger(p, "");
        }
    }

    static final class TriggerWriter extends StdSerializer<Trigger> {
        private static final long serialVersionUID = 1L;

        TriggerWriter() {
            super(Trigger.class);
        }

        @Override
        public void serialize(Trigger trigger, JsonGenerator gen, SerializerProvider provider) throws IOException {
            writeTrigger(gen, trigger);
        }
    }

    static final class EventReader extends WireCodecs.Reader<Event> {
        private static final long serialVersionUID = 1L;

        EventReader() {
            super(Event.class);
        }

        @Override
        Event read(JsonParser p, DeserializationContext ctxt) throws IOException {
            String scope = null;
            String type = null;
            List<String> properties = null;
            for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
                p.nextToken();
                switch (name) {
                    case "scope" -> scope = string(p, Event.class, "scope");
                    case "type" -> type = string(p, Event.class, "type");
                    case "properties" -> properties = strings(p, Event.class, "properties");
                    default -> p.skipChildren();
                }
            }
            return new Event(
                    EventScope.of(required(scope, p, Event.class, "scope")),
                    EventType.of(required(type, p, Event.class, "type")),
                    properties);
        }
    }

    static final class EventWriter extends StdSerializer<Event> {
        private static final long serialVersionUID = 1L;

        EventWriter() {
            super(Event.class);
        }

        @Override
        public void serialize(Event event, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartObject();
            gen.writeStringField("scope", event.scope().value());
            gen.writeStringField("type", event.type().value());
            gen.writeArrayFieldStart("properties");
            for (String property : event.properties()) {
                gen.writeString(property);
            }
            gen.writeEndArray();
            gen.writeEndObject();
        }
    }
}
