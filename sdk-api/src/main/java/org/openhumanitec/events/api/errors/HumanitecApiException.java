package org.openhumanitec.events.api.errors;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The API answered with an error status. Carries the status, Humanitec's error code, message and details, the
 * response headers and the start of the raw body. Subclasses name the common statuses; {@link #of} picks the
 * right one.
 */
public class HumanitecApiException extends HumanitecException {

    private static final long serialVersionUID = 1L;

    /** The most characters of a response body an exception keeps. */
    public static final int MAX_BODY_CHARS = 8192;

    private final int status;
    private final HumanitecError error;
    private final Map<String, List<String>> headers;
    private final String body;

    /**
     * An exception for an error response.
     *
     * @param status the HTTP status
     * @param error the decoded error body, or null when the body was not a Humanitec error (an HTML page, empty)
     * @param headers the response headers, or null for none
     * @param body the raw response body, or null; it is kept up to {@link #MAX_BODY_CHARS} characters
     */
    public HumanitecApiException(int status, HumanitecError error, Map<String, List<String>> headers, String body) {
        super(describe(status, error), null);
        this.status = status;
        this.error = error;
        this.headers = copyHeaders(headers);
        this.body = truncate(body);
    }

    /**
     * The exception class for a status: {@link BadRequestException} for 400, {@link UnauthorizedException} for
     * 401, {@link ForbiddenException} for 403, {@link NotFoundException} for 404, {@link ConflictException} for
     * 409, {@link UnprocessableEntityException} for 422, {@link RateLimitException} for 429,
     * {@link ServerErrorException} for 500–599, and {@link UnexpectedStatusException} for any other status.
     *
     * @param status the HTTP status
     * @param error the decoded error body, or null
     * @param headers the response headers, or null
     * @param body the raw response body, or null
     * @return the exception, not thrown
     */
    public static HumanitecApiException of(
            int status, HumanitecError error, Map<String, List<String>> headers, String body) {
        return switch (status) {
            case 400 -> new BadRequestException(error, headers, body);
            case 401 -> new UnauthorizedException(error, headers, body);
            case 403 -> new ForbiddenException(error, headers, body);
            case 404 -> new NotFoundException(error, headers, body);
            case 409 -> new ConflictException(error, headers, body);
            case 422 -> new UnprocessableEntityException(error, headers, body);
            case 429 -> new RateLimitException(error, headers, body);
            default ->
                status >= 500 && status <= 599
                        ? new ServerErrorException(status, error, headers, body)
                        : new UnexpectedStatusException(status, error, headers, body);
        };
    }

    /**
     * The HTTP status.
     *
     * @return the status, for example 404
     */
    public int status() {
        return status;
    }

    /**
     * The decoded error body.
     *
     * @return the error body, or empty when the response did not carry one
     */
    public Optional<HumanitecError> error() {
        return Optional.ofNullable(error);
    }

    /**
     * Humanitec's short error code, such as {@code API-000}.
     *
     * @return the code, or null when the response did not carry one
     */
    public String errorCode() {
        return error == null ? null : error.error();
    }

    /**
     * Humanitec's human-readable message.
     *
     * @return the message, or null when the response did not carry one
     */
    public String errorMessage() {
        return error == null ? null : error.message();
    }

    /**
     * Humanitec's additional information.
     *
     * @return the details, unmodifiable, empty when there are none
     */
    public Map<String, Object> details() {
        return error == null ? Map.of() : error.details();
    }

    /**
     * The response headers, with names matched case-insensitively.
     *
     * @return the headers, unmodifiable, empty when unknown
     */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /**
     * The first value of a response header.
     *
     * @param name the header's name, in any case
     * @return the value, or empty
     */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.ofNullable(values.get(0));
    }

    /**
     * The raw response body, cut after {@link #MAX_BODY_CHARS} characters.
     *
     * @return the body, or null when there was none
     */
    public String body() {
        return body;
    }

    private static String describe(int status, HumanitecError error) {
        StringBuilder out = new StringBuilder("HTTP ").append(status);
        String reason = reasonPhrase(status);
        if (!reason.isEmpty()) {
            out.append(' ').append(reason);
        }
        if (error == null) {
            return out.append(" (no Humanitec error body)").toString();
        }
        if (error.error() != null) {
            out.append(" [").append(error.error()).append(']');
        }
        if (error.message() != null) {
            out.append(": ").append(error.message());
        }
        return out.toString();
    }

    /**
     * The standard reason phrase of a status.
     *
     * @param status the HTTP status
     * @return the phrase, for example {@code Not Found}, or an empty string for an unusual status
     */
    public static String reasonPhrase(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 406 -> "Not Acceptable";
            case 408 -> "Request Timeout";
            case 409 -> "Conflict";
            case 413 -> "Content Too Large";
            case 415 -> "Unsupported Media Type";
            case 422 -> "Unprocessable Entity";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            case 505 -> "HTTP Version Not Supported";
            default -> "";
        };
    }

    private static Map<String, List<String>> copyHeaders(Map<String, List<String>> headers) {
        if (headers == null || headers.isEmpty()) {
            return Map.of();
        }
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> {
            if (name != null && values != null) {
                copy.merge(name, List.copyOf(values), (a, b) -> {
                    List<String> both = new java.util.ArrayList<>(a);
                    both.addAll(b);
                    return List.copyOf(both);
                });
            }
        });
        return java.util.Collections.unmodifiableMap(copy);
    }

    static String truncate(String body) {
        if (body == null || body.length() <= MAX_BODY_CHARS) {
            return body;
        }
        return body.substring(0, MAX_BODY_CHARS) + "…[" + (body.length() - MAX_BODY_CHARS) + " more characters]";
    }
}
