package org.openhumanitec.events.jackson;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import org.openhumanitec.events.api.model.FieldUpdate;

/**
 * Writes a {@link FieldUpdate} as its value, an explicit {@code null} included, and calls an
 * {@linkplain FieldUpdate#unchanged() unchanged} one empty, so that {@code @JsonInclude(NON_EMPTY)} leaves it out.
 */
final class FieldUpdates extends StdSerializer<FieldUpdate<?>> {

    private static final long serialVersionUID = 1L;

    FieldUpdates() {
        super(FieldUpdate.class, false);
    }

    @Override
    public boolean isEmpty(SerializerProvider provider, FieldUpdate<?> update) {
        return !update.isSet();
    }

    @Override
    public void serialize(FieldUpdate<?> update, JsonGenerator gen, SerializerProvider provider) throws IOException {
        provider.defaultSerializeValue(update.value(), gen);
    }
}
