package org.openhumanitec.events.sandbox;

import java.util.Map;
import org.openhumanitec.events.api.errors.BadRequestException;
import org.openhumanitec.events.api.errors.ConflictException;
import org.openhumanitec.events.api.errors.HumanitecError;
import org.openhumanitec.events.api.errors.NotFoundException;

/**
 * The errors the sandbox raises, as the sdk-api exceptions carrying Humanitec's error body. Codes are
 * {@code HUM-} and the HTTP status: Humanitec's shape (three letters, a dash, three digits, as in {@code API-000}),
 * under a prefix its published spec does not use, so a sandbox code is never mistaken for a real one.
 */
final class SandboxErrors {

    static final String BAD_REQUEST = "HUM-400";
    static final String NOT_FOUND = "HUM-404";
    static final String CONFLICT = "HUM-409";

    private SandboxErrors() {}

    /** A 400 naming the invalid field in the message and in {@code details.field}. */
    static BadRequestException invalid(String field, String message) {
        return new BadRequestException(new HumanitecError(BAD_REQUEST, message, Map.of("field", field)));
    }

    /** A 404 for a webhook that the application does not have. */
    static NotFoundException webhookNotFound(String appId, String jobId) {
        return new NotFoundException(
                new HumanitecError(NOT_FOUND, "Webhook '" + jobId + "' not found in app '" + appId + "'."));
    }

    /** A 409 for an id that a job of the organization already has, in the words of Humanitec's spec. */
    static ConflictException idTaken(String jobId) {
        return new ConflictException(new HumanitecError(
                CONFLICT, "The supplied `id` clashes with an existing Job: '" + jobId + "'.", Map.of("field", "id")));
    }
}
