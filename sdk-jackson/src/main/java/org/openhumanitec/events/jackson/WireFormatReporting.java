package org.openhumanitec.events.jackson;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.IOException;
import java.util.Map;

/**
 * Wraps databind's deserializer of each wire-format type, so that an input mismatch it reports (a value of the
 * wrong type, a {@code null} the schema does not allow) leaves the mapper as a {@link WireFormatException} naming
 * the field, instead of databind's message, which may quote the value.
 */
final class WireFormatReporting extends BeanDeserializerModifier {

    private static final long serialVersionUID = 1L;

    /** The wire-format types, by the class databind builds them with, and what it builds. */
    private final Map<Class<?>, Class<?>> types;

    WireFormatReporting(Map<Class<?>, Class<?>> types) {
        this.types = Map.copyOf(types);
    }

    @Override
    public JsonDeserializer<?> modifyDeserializer(
            DeserializationConfig config, BeanDescription beanDesc, JsonDeserializer<?> deserializer) {
        Class<?> type = types.get(beanDesc.getBeanClass());
        return type == null ? deserializer : new Reporting(deserializer, type);
    }

    private static final class Reporting extends DelegatingDeserializer {
        private static final long serialVersionUID = 1L;

        private final Class<?> type;

        Reporting(JsonDeserializer<?> deserializer, Class<?> type) {
            super(deserializer);
            this.type = type;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> deserializer) {
            return new Reporting(deserializer, type);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            try {
                return super.deserialize(p, ctxt);
            } catch (WireFormatException e) {
                throw e;
            } catch (MismatchedInputException e) {
                throw WireFormatException.of(p, e, type);
            }
        }
    }
}
