package org.openhumanitec.events.feign.internal;

import feign.MethodMetadata;
import feign.Request;
import feign.Response;
import feign.micrometer.DefaultFeignObservationConvention;
import feign.micrometer.FeignContext;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.binder.http.Outcome;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * feign-micrometer's convention for one HTTP exchange, with the three tags an operator of this client filters by.
 * On top of the default tags ({@code http.method}, {@code http.url} as the path template, {@code http.status_code},
 * {@code clientName}) it adds:
 *
 * <ul>
 *   <li>{@value #OPERATION}: the operation id ({@code listWebhooks}, …), the name of the {@link HumanitecResource}
 *       method; never an id of an organization, application or webhook, never a token;
 *   <li>{@value #OUTCOME}: Micrometer's HTTP outcome of the status ({@code SUCCESS}, {@code CLIENT_ERROR},
 *       {@code SERVER_ERROR}, …), {@code UNKNOWN} when no response came;
 *   <li>{@value #TRANSPORT}: the builder's name of the transport ({@code okHttp}, {@code jdkHttpClient},
 *       {@code apacheHttpClient5}, {@code custom}).
 * </ul>
 *
 * <p>The span is named by the method and path template, for example {@code GET /orgs/{orgId}/events}.
 *
 * <p>Every tag but the status and outcome is fixed by the operation (its method, template and target), and those two
 * by the status: so the tags of an operation and status, and an operation's name, are made once and kept, not
 * made anew at the start and the stop of every exchange (an observation asks the convention at both).
 */
final class HumanitecObservationConvention extends DefaultFeignObservationConvention {

    /** The tag naming the operation. */
    static final String OPERATION = "operation";

    /** The tag naming the outcome of the exchange. */
    static final String OUTCOME = "outcome";

    /** The tag naming the transport. */
    static final String TRANSPORT = "transport";

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
    public String getContextualName(FeignContext context) {
        return operation(context).name;
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(FeignContext context) {
        Response response = context.getResponse();
        int status = response == null ? 0 : response.status();
        if (status < 0 || status >= KEPT_STATUSES) {
            return lowCardinalityKeyValues(context);
        }
        OperationTags operation = operation(context);
        KeyValues kept = operation.byStatus.get(status);
        if (kept == null) {
            // Two exchanges may both make them: the same values, so either may be kept.
            kept = lowCardinalityKeyValues(context);
            operation.byStatus.set(status, kept);
        }
        return kept;
    }

    /** The tags of one exchange, made from feign-micrometer's own and the three of this client. */
    private KeyValues lowCardinalityKeyValues(FeignContext context) {
        Response response = context.getResponse();
        Outcome outcome = response == null ? Outcome.UNKNOWN : Outcome.forStatus(response.status());
        return super.getLowCardinalityKeyValues(context)
                .and(
                        KeyValue.of(
                                OPERATION,
                                context.getCarrier()
                                        .requestTemplate()
                                        .methodMetadata()
                                        .method()
                                        .getName()),
                        KeyValue.of(OUTCOME, outcome.name()),
                        transport);
    }

    private OperationTags operation(FeignContext context) {
        MethodMetadata metadata = context.getCarrier().requestTemplate().methodMetadata();
        OperationTags operation = operations.get(metadata);
        return operation != null
                ? operation
                : operations.computeIfAbsent(metadata, ignored -> new OperationTags(context.getCarrier()));
    }

    /** What is kept of one operation: its name, and its tags by status, made when first needed. */
    private static final class OperationTags {
        private final String name;
        private final AtomicReferenceArray<KeyValues> byStatus = new AtomicReferenceArray<>(KEPT_STATUSES);

        OperationTags(Request request) {
            this.name = request.httpMethod().name() + " "
                    + request.requestTemplate().methodMetadata().template().url();
        }
    }
}
