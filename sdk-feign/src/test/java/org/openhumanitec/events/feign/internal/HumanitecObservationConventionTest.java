package org.openhumanitec.events.feign.internal;

import static org.assertj.core.api.Assertions.assertThat;

import feign.Contract;
import feign.MethodMetadata;
import feign.Request;
import feign.RequestTemplate;
import feign.Response;
import feign.Target;
import feign.micrometer.FeignContext;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The convention's tags are the operation, status, outcome and transport; the method and path template are span-only
 * key values; all are made once per operation and status rather than at the start and stop of every exchange.
 */
class HumanitecObservationConventionTest {

    private static final List<MethodMetadata> OPERATIONS =
            new Contract.Default().parseAndValidateMetadata(HumanitecResource.class);

    private final HumanitecObservationConvention convention = new HumanitecObservationConvention("okHttp");

    private static FeignContext exchange(String operation, Integer status) {
        MethodMetadata metadata = OPERATIONS.stream()
                .filter(candidate -> candidate.method().getName().equals(operation))
                .findFirst()
                .orElseThrow();
        RequestTemplate template = new RequestTemplate();
        template.methodMetadata(metadata);
        template.feignTarget(new Target.HardCodedTarget<>(HumanitecResource.class, "http://127.0.0.1"));
        Request request = Request.create(
                metadata.template().method().equals("GET") ? Request.HttpMethod.GET : Request.HttpMethod.POST,
                "http://127.0.0.1/orgs/o/events",
                Map.of(),
                null,
                StandardCharsets.UTF_8,
                template);
        FeignContext context = new FeignContext(request);
        if (status != null) {
            context.setResponse(
                    Response.builder().status(status).request(request).build());
        }
        return context;
    }

    @Test
    void theTagsOfAnOperationAndStatus_areMadeOnceAndKept() {
        KeyValues first = convention.getLowCardinalityKeyValues(exchange("listEvents", 200));
        KeyValues again = convention.getLowCardinalityKeyValues(exchange("listEvents", 200));

        assertThat(again).isSameAs(first);
        assertThat(convention.getHighCardinalityKeyValues(exchange("listEvents", 200)))
                .isSameAs(convention.getHighCardinalityKeyValues(exchange("listEvents", 404)));
        assertThat(convention.getContextualName(exchange("listEvents", 200)))
                .isSameAs(convention.getContextualName(exchange("listEvents", null)))
                .isEqualTo("GET /orgs/{orgId}/events");
    }

    @Test
    void theTags_areTheOperationStatusOutcomeAndTransport_perStatus() {
        assertThat(convention.getName()).isEqualTo("http.client.requests");
        assertThat(convention.getLowCardinalityKeyValues(exchange("listEvents", 200)))
                .containsExactlyInAnyOrder(
                        KeyValue.of("operation", "listEvents"),
                        KeyValue.of("http.status_code", "200"),
                        KeyValue.of("outcome", "SUCCESS"),
                        KeyValue.of("transport", "okHttp"));
        assertThat(convention.getLowCardinalityKeyValues(exchange("listEvents", 404)))
                .contains(KeyValue.of("http.status_code", "404"), KeyValue.of("outcome", "CLIENT_ERROR"));
        assertThat(convention.getLowCardinalityKeyValues(exchange("listEvents", null)))
                .contains(KeyValue.of("http.status_code", "CLIENT_ERROR"), KeyValue.of("outcome", "UNKNOWN"));
        assertThat(convention.getLowCardinalityKeyValues(exchange("listWebhooks", 200)))
                .contains(KeyValue.of("operation", "listWebhooks"));
    }

    @Test
    void aStatusBeyondTheKeptOnes_isTaggedAsItCame() {
        assertThat(convention.getLowCardinalityKeyValues(exchange("listEvents", 799)))
                .contains(KeyValue.of("http.status_code", "799"), KeyValue.of("outcome", "UNKNOWN"));
    }

    @Test
    void theMethodAndPathTemplate_areSpanOnlyKeyValues() {
        assertThat(convention.getHighCardinalityKeyValues(exchange("listEvents", 200)))
                .containsExactlyInAnyOrder(
                        KeyValue.of("http.method", "GET"), KeyValue.of("http.url", "/orgs/{orgId}/events"));
        assertThat(convention.getHighCardinalityKeyValues(exchange("listWebhooks", null)))
                .containsExactlyInAnyOrder(
                        KeyValue.of("http.method", "GET"),
                        KeyValue.of("http.url", "/orgs/{orgId}/apps/{appId}/webhooks"));
    }
}
