package org.openhumanitec.events.api.model;

/**
 * One field of a partial update: either left out of the request ({@link #unchanged()}) or sent with a value,
 * which may be an explicit {@code null} ({@link #set(Object)}). This keeps "absent" apart from "null".
 *
 * @param <T> the field's type
 * @param isSet whether the field is sent
 * @param value the value sent; null when not sent, or when an explicit {@code null} is sent
 */
public record FieldUpdate<T>(boolean isSet, T value) {

    private static final FieldUpdate<?> UNCHANGED = new FieldUpdate<>(false, null);

    /**
     * Checks that a field that is not sent has no value.
     *
     * @param isSet whether the field is sent
     * @param value the value sent
     */
    public FieldUpdate {
        if (!isSet && value != null) {
            throw new IllegalArgumentException("a field that is not set cannot have a value");
        }
    }

    /**
     * A field left out of the request: the server keeps what it has.
     *
     * @param <T> the field's type
     * @return the unchanged marker
     */
    @SuppressWarnings("unchecked")
    public static <T> FieldUpdate<T> unchanged() {
        return (FieldUpdate<T>) UNCHANGED;
    }

    /**
     * A field sent with this value.
     *
     * @param <T> the field's type
     * @param value the value; null sends an explicit JSON {@code null}
     * @return the update
     */
    public static <T> FieldUpdate<T> set(T value) {
        return new FieldUpdate<>(true, value);
    }

    /** Returns {@code unchanged}, or {@code set(value)}. */
    @Override
    public String toString() {
        return isSet ? "set(" + value + ")" : "unchanged";
    }
}
