package org.openhumanitec.events.launcher;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.nio.charset.StandardCharsets;
import org.openhumanitec.events.api.errors.HumanitecApiException;
import org.openhumanitec.events.api.errors.HumanitecError;
import org.openhumanitec.events.jackson.HumanitecJson;

/**
 * Error bodies the servers write themselves (not Humanitec's): Humanitec's {@code {error, message}} shape with the
 * code {@code ADAPTER-<status>} ({@link HumanitecError#adapterCode(int)}), so a caller parses every error the same way.
 */
public final class AdapterErrors {

    private static final ObjectWriter WRITER = HumanitecJson.newMapper().writerFor(HumanitecError.class);

    private AdapterErrors() {}

    /**
     * The body of an adapter-level error.
     *
     * @param status the HTTP status
     * @param message what went wrong, for the caller; never a secret, a class name or a stack trace
     * @return the JSON body, UTF-8
     */
    public static byte[] body(int status, String message) {
        String text = message == null || message.isBlank() ? HumanitecApiException.reasonPhrase(status) : message;
        try {
            return WRITER.writeValueAsBytes(new HumanitecError(HumanitecError.adapterCode(status), text));
        } catch (JsonProcessingException e) {
            return ("{\"error\":\"" + HumanitecError.adapterCode(status) + "\",\"message\":\"\"}")
                    .getBytes(StandardCharsets.UTF_8);
        }
    }
}
