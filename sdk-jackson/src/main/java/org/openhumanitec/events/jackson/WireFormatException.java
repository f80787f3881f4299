package org.openhumanitec.events.jackson;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import org.openhumanitec.events.api.model.EventScope;
import org.openhumanitec.events.api.model.EventType;

/**
 * A JSON value of the wrong shape for the Humanitec schema. Its message names the field, such as
 * {@code 'triggers[0].scope' must be a string}, and never quotes the value. The field comes from databind's own
 * path of the failure ({@link #getPath()}), so it is complete only once the exception has left the mapper.
 */
public final class WireFormatException extends MismatchedInputException {

    private static final long serialVersionUID = 1L;

    /** The types that travel as a JSON string. */
    private static final Set<Class<?>> STRINGS = Set.of(String.class, EventScope.class, EventType.class);

    /** What is wrong with the value, such as {@code must be a string}. */
    private final String problem;

    WireFormatException(JsonParser parser, String problem, Class<?> targetType) {
        super(parser, problem, targetType);
        this.problem = problem;
    }

    /**
     * The same failure as databind reported it, in the schema's words: it keeps the path and the target type, and
     * drops databind's message, which may quote the value.
     *
     * @param parser the parser reading the body
     * @param failure what databind threw
     * @param bodyType the type being read, named when the failure is about the whole value
     */
    static WireFormatException of(JsonParser parser, MismatchedInputException failure, Class<?> bodyType) {
        Class<?> target = failure.getPath().isEmpty() ? bodyType : failure.getTargetType();
        WireFormatException wire = new WireFormatException(parser, problemOf(failure), target);
        for (int i = failure.getPath().size() - 1; i >= 0; i--) {
            wire.prependPath(failure.getPath().get(i));
        }
        return wire;
    }

    private static String problemOf(MismatchedInputException failure) {
        Class<?> target = failure.getTargetType();
        if (failure instanceof InvalidNullException) {
            return "must not be null";
        } else if (target == null) {
            return "does not match the schema";
        } else if (STRINGS.contains(target)) {
            return "must be a string";
        } else if (target == Boolean.class) {
            return "must be a boolean";
        } else if (target == Instant.class) {
            return "must be a date-time such as " + Timestamps.EXAMPLE;
        } else if (Collection.class.isAssignableFrom(target)) {
            return "must be an array";
        }
        return "must be a JSON object";
    }

    /**
     * The field whose value is wrong, as a path within one body.
     *
     * @return for example {@code triggers[0].scope}; empty when the body itself has the wrong shape. When a list of
     *     bodies is read, the list index is not part of it (see {@link #getMessage()}).
     */
    public String field() {
        StringBuilder field = new StringBuilder();
        for (Reference reference : getPath().subList(elementDepth(), getPath().size())) {
            if (reference.getFieldName() != null) {
                field.append(field.length() == 0 ? "" : ".").append(reference.getFieldName());
            } else {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    /**
     * What is wrong, naming the field within its body.
     *
     * @return for example {@code 'triggers[0].scope' must be a string}, or
     *     {@code the CreateWebhookRequest body must be a JSON object}
     */
    @Override
    public String getOriginalMessage() {
        String field = field();
        return field.isEmpty()
                ? "the " + getTargetType().getSimpleName() + " body " + problem
                : "'" + field + "' " + problem;
    }

    /**
     * What is wrong, after the index of the body when a list of bodies is read.
     *
     * @return for example {@code [1]: 'id' is required}
     */
    @Override
    public String getMessage() {
        StringBuilder element = new StringBuilder();
        for (Reference reference : getPath().subList(0, elementDepth())) {
            element.append('[').append(reference.getIndex()).append(']');
        }
        return element.length() == 0 ? getOriginalMessage() : element + ": " + getOriginalMessage();
    }

    @Override
    public String getLocalizedMessage() {
        return getMessage();
    }

    /** How many references at the start of the path are list indexes, above the body the field is in. */
    private int elementDepth() {
        int depth = 0;
        while (depth < getPath().size() && getPath().get(depth).getFieldName() == null) {
            depth++;
        }
        return depth;
    }
}
