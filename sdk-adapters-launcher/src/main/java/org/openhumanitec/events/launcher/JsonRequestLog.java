package org.openhumanitec.events.launcher;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.component.ContainerLifeCycle;

/**
 * The access log as one JSON object a line: {@code time}, {@code level}, {@code logger}, {@code requestId},
 * {@code method}, {@code path} (without the query), {@code status}, {@code durationMs}, and the request attributes
 * asked for under their labels (null when a request has none). Written through Jetty's
 * {@link RequestLog.Writer} (SLF4J), as the text log is.
 */
final class JsonRequestLog extends ContainerLifeCycle implements RequestLog {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final RequestLog.Writer writer;
    private final List<EmbeddedServer.LoggedAttribute> attributes;

    /** A log over a writer, which it starts and stops with itself (Jetty's writers open their logger on start). */
    JsonRequestLog(RequestLog.Writer writer, List<EmbeddedServer.LoggedAttribute> attributes) {
        this.writer = writer;
        this.attributes = List.copyOf(attributes);
        addBean(writer);
    }

    @Override
    public void log(Request request, Response response) {
        ObjectNode line = MAPPER.createObjectNode()
                .put("time", Instant.now().toString())
                .put("level", "INFO")
                .put("logger", FaceTelemetry.ACCESS_LOGGER)
                .put("requestId", response.getHeaders().get(FaceTelemetry.REQUEST_ID_HEADER))
                .put("method", request.getMethod())
                .put("path", request.getHttpURI().getPath())
                .put("status", response.getStatus())
                .put("durationMs", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - request.getBeginNanoTime()));
        for (EmbeddedServer.LoggedAttribute logged : attributes) {
            Object value = request.getAttribute(logged.attribute());
            line.put(logged.label(), value == null ? null : value.toString());
        }
        try {
            writer.write(MAPPER.writeValueAsString(line));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an access-log line could not be written", e);
        } catch (IOException e) {
            throw new IllegalStateException("the access log could not be written", e);
        }
    }
}
