package org.openhumanitec.events.jackson;

import static org.openhumanitec.events.jackson.WireCodecs.expectObject;
import static org.openhumanitec.events.jackson.WireCodecs.path;
import static org.openhumanitec.events.jackson.WireCodecs.required;
import static org.openhumanitec.events.jackson.WireCodecs.string;
import static org.openhumanitec.events.jackson.WireCodecs.strings;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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

    /**
     * Reads the trigger the parser stands on: the body itself when {@code index} is negative, else element
     * {@code index} of the array at {@code arrayPath}. Error paths are built only on failure: a list of webhooks
     * holds a trigger or more per webhook.
     */
    static Trigger readTrigger(JsonParser p, String arrayPath, int index) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            expectObject(p, Trigger.class, at(arrayPath, index));
        }
        String scope = null;
        String type = null;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            p.nextToken();
            switch (name) {
                case "scope" -> scope = field(p, arrayPath, index, "scope");
                case "type" -> type = field(p, arrayPath, index, "type");
                default -> p.skipChildren();
            }
        }
        if (scope == null || type == null) {
            String missing = scope == null ? "scope" : "type";
            required(null, p, Trigger.class, path(at(arrayPath, index), missing));
        }
        return Trigger.of(scope, type);
    }

    private static String field(JsonParser p, String arrayPath, int index, String name) throws IOException {
        return p.currentToken() == JsonToken.VALUE_STRING
                ? p.getText()
                : string(p, Trigger.class, path(at(arrayPath, index), name));
    }

    private static String at(String arrayPath, int index) {
        return index < 0 ? arrayPath : arrayPath + "[" + index + "]";
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
            return readTrigger(p, "", -1);
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
