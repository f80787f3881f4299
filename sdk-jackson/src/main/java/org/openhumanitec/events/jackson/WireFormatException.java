package org.openhumanitec.events.jackson;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON value of the wrong shape for the Humanitec schema. Its message names the field, such as
 * {@code 'triggers[0].scope' must be a string}, and never quotes the value.
 */
public final class WireFormatException extends MismatchedInputException {

    private static final long serialVersionUID = 1L;

    WireFormatException(JsonParser parser, String message, Class<?> targetType) {
        super(parser, message, targetType);
    }
}
