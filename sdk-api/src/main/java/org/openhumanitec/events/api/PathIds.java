package org.openhumanitec.events.api;

/**
 * The rule every implementation applies to the ids that name a path segment ({@code orgId}, {@code appId},
 * {@code jobId}): non-null, not blank, and not {@code "."} or {@code ".."}, which no URL can carry as a segment.
 * Any other string is allowed; implementations that speak HTTP percent-encode it.
 */
public final class PathIds {

    private PathIds() {}

    /**
     * Checks one path id.
     *
     * @param value the id
     * @param name the parameter's name, used in the error message (for example {@code "jobId"})
     * @return {@code value}, unchanged
     * @throws NullPointerException if {@code value} is null
     * @throws IllegalArgumentException if {@code value} is blank, {@code "."} or {@code ".."}
     */
    public static String require(String value, String name) {
        if (value == null) {
            throw new NullPointerException(name + " must not be null");
        }
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        if (value.equals(".") || value.equals("..")) {
            throw new IllegalArgumentException(name + " must not be '" + value + "'");
        }
        return value;
    }
}
