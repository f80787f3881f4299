package org.openhumanitec.events.jackson;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.SettableBeanProperty;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import com.fasterxml.jackson.databind.deser.ValueInstantiators;
import com.fasterxml.jackson.databind.deser.impl.PropertyValueBuffer;
import java.io.IOException;
import java.util.Set;

/**
 * Fails with {@code 'id' is required} when a creator property marked {@code @JsonProperty(required = true)} is
 * absent or {@code null}, before the record's constructor runs. Databind checks absence itself, but reports it in
 * the same exception type as a value of the wrong shape; this tells the two apart.
 */
final class RequiredProperties extends ValueInstantiators.Base {

    private final Set<Class<?>> types;

    RequiredProperties(Set<Class<?>> types) {
        this.types = Set.copyOf(types);
    }

    @Override
    public ValueInstantiator findValueInstantiator(
            DeserializationConfig config, BeanDescription beanDesc, ValueInstantiator defaultInstantiator) {
        return types.contains(beanDesc.getBeanClass()) && defaultInstantiator.canCreateFromObjectWith()
                ? new Checking(defaultInstantiator)
                : defaultInstantiator;
    }

    private static final class Checking extends ValueInstantiator.Delegating {
        private static final long serialVersionUID = 1L;

        Checking(ValueInstantiator delegate) {
            super(delegate);
        }

        @Override
        public Object createFromObjectWith(
                DeserializationContext ctxt, SettableBeanProperty[] props, PropertyValueBuffer buffer)
                throws IOException {
            for (SettableBeanProperty prop : props) {
                if (prop.isRequired() && (!buffer.hasParameter(prop) || buffer.getParameter(prop) == null)) {
                    WireFormatException missing = new WireFormatException(
                            ctxt.getParser(), "is required", prop.getType().getRawClass());
                    missing.prependPath(getValueClass(), prop.getName());
                    throw missing;
                }
            }
            return super.createFromObjectWith(ctxt, props, buffer);
        }
    }
}
