package org.openhumanitec.events.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openhumanitec.events.api.errors.HumanitecApiException;
import org.openhumanitec.events.api.errors.HumanitecError;
import org.openhumanitec.events.api.errors.InvalidResponseException;
import org.openhumanitec.events.api.errors.NetworkException;
import org.openhumanitec.events.api.errors.NetworkTimeoutException;
import org.openhumanitec.events.jackson.HumanitecJson;

/**
 * Every error answer, in Humanitec's error body {@code {error, message, details}}.
 *
 * <ul>
 *   <li>An API error of the backend ({@link HumanitecApiException}) keeps its status and its body: the raw body
 *       when it is a whole Humanitec error body, else one rebuilt from the exception's code, message (its first
 *       {@value #MAX_MESSAGE_CHARS} characters) and details; a {@code Retry-After} header passes through. The HTTP
 *       client has already replaced the server's token wherever Humanitec's body echoed it.
 *   <li>The backend's network failures become {@code 504} (timeout) or {@code 502} (no answer, or an answer that
 *       cannot be read), with an {@code ADAPTER-<status>} code and a message without class names.
 *   <li>The adapter's own refusals ({@link RestProblem}) get an {@code ADAPTER-<status>} code.
 * </ul>
 */
final class ErrorReplies {

    private static final ObjectReader ERROR_READER = HumanitecJson.newMapper().readerFor(HumanitecError.class);
    private static final ObjectWriter ERROR_WRITER = HumanitecJson.newMapper().writerFor(HumanitecError.class);

    /** The most characters of a Humanitec message a rebuilt error body keeps: {@value}. */
    static final int MAX_MESSAGE_CHARS = 2000;

    /** What a backend failure that is not an exchange with Humanitec tells the caller: nothing about it. */
    static final String INTERNAL_ERROR_MESSAGE = "The adapter failed to handle the request.";

    private ErrorReplies() {}

    /**
     * One error answer.
     *
     * @param status the HTTP status
     * @param body the JSON error body
     * @param headers response headers to set, such as {@code Allow} or {@code Retry-After}
     */
    record Reply(int status, byte[] body, Map<String, String> headers) {}

    static Reply of(RestProblem problem) {
        HumanitecError error = new HumanitecError(
                HumanitecError.adapterCode(problem.status()), problem.getMessage(), problem.details());
        return new Reply(problem.status(), write(error), problem.headers());
    }

    static Reply adapterError(int status, String message) {
        return new Reply(status, write(new HumanitecError(HumanitecError.adapterCode(status), message)), Map.of());
    }

    /**
     * The answer for what a backend threw.
     *
     * @param failure the exception
     * @return the reply; a status of 500 means the failure was not an API or network error, and is to be logged
     */
    static Reply ofBackendFailure(RuntimeException failure) {
        if (failure instanceof HumanitecApiException api) {
            return ofApiError(api);
        }
        if (failure instanceof NetworkTimeoutException) {
            return adapterError(504, "Humanitec did not answer in time.");
        }
        if (failure instanceof NetworkException) {
            return adapterError(502, "Humanitec could not be reached.");
        }
        if (failure instanceof InvalidResponseException) {
            return adapterError(502, "Humanitec sent a response that could not be read.");
        }
        return adapterError(500, INTERNAL_ERROR_MESSAGE);
    }

    private static Reply ofApiError(HumanitecApiException api) {
        int status = api.status();
        if (status < 400 || status > 599) {
            return adapterError(502, "Humanitec answered with an unexpected status (" + status + ").");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        api.header("Retry-After").ifPresent(value -> headers.put("Retry-After", value));
        byte[] raw = humanitecErrorBody(api.body());
        if (raw != null) {
            return new Reply(status, raw, headers);
        }
        HumanitecError error = api.error().orElse(null);
        String code = error == null || error.error() == null ? HumanitecError.adapterCode(status) : error.error();
        String answered = "Humanitec answered " + status + " " + HumanitecApiException.reasonPhrase(status);
        String message;
        if (error == null) {
            message = answered + " without an error body.";
        } else if (error.message() == null) {
            message = answered + " with an error body too long to read in full.";
        } else if (error.message().length() > MAX_MESSAGE_CHARS) {
            message = error.message().substring(0, MAX_MESSAGE_CHARS) + "…";
        } else {
            message = error.message();
        }
        return new Reply(status, write(new HumanitecError(code, message, api.details())), headers);
    }

    /** The raw body when it is a complete Humanitec error body, else null. */
    private static byte[] humanitecErrorBody(String body) {
        if (body == null || !body.stripLeading().startsWith("{")) {
            return null;
        }
        try {
            HumanitecError error = ERROR_READER.readValue(body);
            return error == null || error.error() == null || error.message() == null
                    ? null
                    : body.getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static byte[] write(HumanitecError error) {
        try {
            return ERROR_WRITER.writeValueAsBytes(error);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an error body could not be written", e);
        }
    }
}
