package org.openhumanitec.events.jackson;

import static org.openhumanitec.events.jackson.WireCodecs.object;
import static org.openhumanitec.events.jackson.WireCodecs.string;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.Map;
import org.openhumanitec.events.api.errors.HumanitecError;

/** {@code HumanitecErrorResponse} ({@link HumanitecError}): {@code {error, message, details}}. */
final class ErrorCodecs {

    private ErrorCodecs() {}

    static final class ErrorReader extends WireCodecs.Reader<HumanitecError> {
        private static final long serialVersionUID = 1L;

        ErrorReader() {
            super(HumanitecError.class);
        }

        @Override
        HumanitecError read(JsonParser p, DeserializationContext ctxt) throws IOException {
            String error = null;
            String message = null;
            Map<String, Object> details = null;
            for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
                p.nextToken();
                switch (name) {
                    case "error" -> error = string(p, HumanitecError.class, "error");
                    case "message" -> message = string(p, HumanitecError.class, "message");
                    case "details" -> details = object(p, ctxt, HumanitecError.class, "details");
                    default -> p.skipChildren();
                }
            }
            return new HumanitecError(error, message, details);
        }
    }

    /** Writes {@code error} and {@code message} always, and {@code details} only when there are some. */
    static final class ErrorWriter extends StdSerializer<HumanitecError> {
        private static final long serialVersionUID = 1L;

        ErrorWriter() {
            super(HumanitecError.class);
        }

        @Override
        public void serialize(HumanitecError error, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartObject();
            gen.writeStringField("error", error.error());
            gen.writeStringField("message", error.message());
            if (!error.details().isEmpty()) {
                WireCodecs.writeObject(gen, provider, "details", error.details());
            }
            gen.writeEndObject();
        }
    }
}
