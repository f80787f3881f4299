package org.openhumanitec.events.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import org.openhumanitec.events.jackson.HumanitecJson;
import org.openhumanitec.events.jackson.WireFormatException;

/**
 * Reads the JSON body of create and update: {@code application/json} only (415 otherwise), at most the configured
 * number of bytes (413), one JSON object of Humanitec's {@code WebhookRequest} schema (400 naming the field). The
 * schema is read by {@code sdk-jackson}, the same reader the client's wire format comes from, so an update keeps
 * a field that is absent apart from one sent as {@code null}. Whether the values are valid (the id's shape, an
 * HTTPS URL, the triggers) is the backend's to say, as Humanitec says it.
 */
final class RequestBodies {

    private static final ObjectMapper MAPPER = HumanitecJson.newMapper();

    private RequestBodies() {}

    /**
     * Reads a request's body.
     *
     * @param request the request
     * @param maxBytes the most bytes accepted
     * @return the body
     * @throws RestProblem 415 for a media type other than {@code application/json} (or a charset other than UTF-8),
     *     413 for a body over the limit
     * @throws IOException if reading fails
     */
    static byte[] read(HttpServletRequest request, int maxBytes) throws RestProblem, IOException {
        requireJson(request.getContentType());
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            throw tooLarge(maxBytes);
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(maxBytes + 1);
            if (body.length > maxBytes) {
                throw tooLarge(maxBytes);
            }
            return body;
        }
    }

    /**
     * Reads a body as one value of the wire format.
     *
     * @param body the bytes
     * @param reader a reader for the value type
     * @param <T> the value type
     * @return the value
     * @throws RestProblem 400 when the body is empty, not JSON, not an object, or has a field of the wrong shape;
     *     the message and {@code details.field} name the field when there is one
     */
    static <T> T parse(byte[] body, ObjectReader reader) throws RestProblem {
        try (JsonParser parser = MAPPER.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new RestProblem(400, "The request body is empty: send a JSON object.");
            }
            if (first != JsonToken.START_OBJECT) {
                throw new RestProblem(400, "The request body must be a JSON object.");
            }
            parser.skipChildren();
            if (parser.nextToken() != null) {
                throw new RestProblem(400, "The request body has more after its JSON object: send one object.");
            }
            return reader.readValue(body);
        } catch (JsonProcessingException e) {
            String field = fieldOf(e);
            String message = "The request body is invalid: " + HumanitecJson.describe(e) + ".";
            throw field == null
                    ? new RestProblem(400, message)
                    : new RestProblem(400, message, Map.of("field", field), Map.of());
        } catch (IOException e) {
            throw new RestProblem(400, "The request body could not be read.");
        }
    }

    /** The reader of one value type of the wire format. */
    static ObjectReader readerFor(Class<?> type) {
        return MAPPER.readerFor(type);
    }

    private static void requireJson(String contentType) throws RestProblem {
        if (contentType == null) {
            throw unsupported();
        }
        String[] parts = contentType.split(";");
        if (!parts[0].trim().equalsIgnoreCase("application/json")) {
            throw unsupported();
        }
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].split("=", 2);
            if (parameter.length == 2 && parameter[0].trim().equalsIgnoreCase("charset")) {
                String charset = parameter[1].trim().replace("\"", "").toLowerCase(Locale.ROOT);
                if (!charset.equals("utf-8") && !charset.equals("utf8")) {
                    throw unsupported();
                }
            }
        }
    }

    private static RestProblem unsupported() {
        return new RestProblem(415, "Send the body as application/json (UTF-8).");
    }

    private static RestProblem tooLarge(int maxBytes) {
        return new RestProblem(413, "The request body is larger than " + maxBytes + " bytes.");
    }

    /** The field a wire-format failure is about, or null when it is about the whole body or is no such failure. */
    private static String fieldOf(JsonProcessingException failure) {
        return failure instanceof WireFormatException wire && !wire.field().isEmpty() ? wire.field() : null;
    }
}
