package org.openhumanitec.events.feign.internal;

import feign.MethodMetadata;
import feign.Request;
import feign.Response;
import feign.micrometer.FeignContext;
import feign.micrometer.FeignObservationConvention;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.binder.http.Outcome;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The client's convention for one HTTP exchange, named {@value ClientObservation#REQUESTS} as feign-micrometer's
 * default convention names it, with the tags an operator of this client filters by:
 *
 * <ul>
 *   <li>{@value #OPERATION}: the operation id ({@code listWebhooks}, …), the name of the {@link HumanitecResource}
 *       method; never an id of an organization, application or webhook, never a token;
 *   <li>{@value #STATUS}: the status, {@code CLIENT_ERROR} when no response came (feign-micrometer's
 *       name and value);
 *   <li>{@value #OUTCOME}: Micrometer's HTTP outcome of the status ({@code SUCCESS}, {@code CLIENT_ERROR},
 *       {@code SERVER_ERROR}, …), {@code UNKNOWN} when no response came;
 *   <li>{@value #TRANSPORT}: the builder's name of the transport ({@code okHttp}, {@code jdkHttpClient},
 *       {@code apacheHttpClient5}, {@code custom}).
 * </ul>
 *
 * <p>The method and path template ({@value #METHOD}, {@value #URL}) are high-cardinality key values: a span
 * carries them, a timer does not, for the operation already names both (one series per operation, not three
 * labels that say the same). feign-micrometer's {@code clientName}, the name of an internal interface, is left
 * out. The span is named by the method and path template, for example {@code GET /orgs/{orgId}/events}.
 *
 * <p>Every key value but the status and outcome is fixed by the operation, and those two by the status: so the key
 * values of an operation and status, and an operation's name, are made once and kept, not made anew at the start
 * and the stop of every exchange (an observation asks the convention at both).
 */
final class HumanitecObservationConvention implements FeignObservationConvention {

    /** The tag naming the operation. */
    static final String OPERATION = "operation";

    /** The tag naming the outcome of the exchange. */
    static final String OUTCOME = "outcome";

    /** The tag naming the transport. */
    static final String TRANSPORT = "transport";

    /** The tag naming the status, by feign-micrometer's name. */
    static final String STATUS = "http.status_code";

    /** The span's key value naming the HTTP method, by feign-micrometer's name. */
    static final String METHOD = "http.method";

    /** The span's key value naming the path template, by feign-micrometer's name. */
    static final String URL = "http.url";

    /** The status tag's value when no response came, as feign-micrometer's default convention has it. */
    private static final String NO_RESPONSE = "CLIENT_ERROR";

    /** The statuses whose tags are kept: 0 stands for no response, 100 to 599 for themselves. */
    private static final int KEPT_STATUSES = 600;

    private final KeyValue transport;

    /** Per operation (a Feign method's metadata, the same object on every call of that method). */
    private final Map<MethodMetadata, OperationTags> operations = new ConcurrentHashMap<>();

    /**
     * The convention of one client.
     *
     * @param transport the transport's tag value
     */
    HumanitecObservationConvention(String transport) {
        this.transport = KeyValue.of(TRANSPORT, transport);
    }

    @Override
    public String getName() {
        return ClientObservation.REQUESTS;
    }

    @Override
    public String getContextualName(FeignContext context) {
        return operation(context).name;
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(FeignContext context) {
        Response response = context.getResponse();
        int status = response == null ? 0 : response.status();
        OperationTags operation = operation(context);
        if (status < 0 || status >= KEPT_STATUSES) {
            return operation.tags(response, transport);
        }
        KeyValues kept = operation.byStatus.get(status);
        if (kept == null) {
            // Two exchanges may both make them: the same values, so either may be kept.
            kept = operation.tags(response, transport);
            operation.byStatus.set(status, kept);
        }
        return kept;
    }

    @Override
    public KeyValues getHighCardinalityKeyValues(FeignContext context) {
        return operation(context).request;
    }

    private OperationTags operation(FeignContext context) {
        MethodMetadata metadata = context.getCarrier().requestTemplate().methodMetadata();
        OperationTags operation = operations.get(metadata);
        return operation != null
                ? operation
                : operations.computeIfAbsent(metadata, ignored -> new OperationTags(context.getCarrier()));
    }

    /** What is kept of one operation: its name, its method and template, and its tags by status. */
    private static final class OperationTags {
        private final String name;
        private final KeyValue operation;
        private final KeyValues request;
        private final AtomicReferenceArray<KeyValues> byStatus = new AtomicReferenceArray<>(KEPT_STATUSES);

        OperationTags(Request request) {
            MethodMetadata metadata = request.requestTemplate().methodMetadata();
            String method = request.httpMethod().name();
            String template = metadata.template().url();
            this.name = method + " " + template;
            this.operation = KeyValue.of(OPERATION, metadata.method().getName());
            this.request = KeyValues.of(METHOD, method, URL, template);
        }

        /** The tags of an exchange of this operation that got the response (or none). */
        KeyValues tags(Response response, KeyValue transport) {
            return KeyValues.of(
                    operation,
                    KeyValue.of(STATUS, response == null ? NO_RESPONSE : String.valueOf(response.status())),
                    KeyValue.of(
                            OUTCOME,
                            (response == null ? Outcome.UNKNOWN : Outcome.forStatus(response.status())).name()),
                    transport);
        }
    }
}
