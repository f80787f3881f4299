package org.openhumanitec.events.feign.internal;

import feign.Request;
import feign.Response;
import feign.micrometer.DefaultFeignObservationConvention;
import feign.micrometer.FeignContext;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.binder.http.Outcome;

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
 */
final class HumanitecObservationConvention extends DefaultFeignObservationConvention {

    /** The tag naming the operation. */
    static final String OPERATION = "operation";

    /** The tag naming the outcome of the exchange. */
    static final String OUTCOME = "outcome";

    /** The tag naming the transport. */
    static final String TRANSPORT = "transport";

    private final KeyValue transport;

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
        Request request = context.getCarrier();
        return request.httpMethod().name() + " "
                + request.requestTemplate().methodMetadata().template().url();
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(FeignContext context) {
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
}
