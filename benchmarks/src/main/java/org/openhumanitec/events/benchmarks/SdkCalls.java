package org.openhumanitec.events.benchmarks;

import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.util.List;
import org.openhumanitec.events.api.WebhooksApi;
import org.openhumanitec.events.api.model.CreateWebhookRequest;
import org.openhumanitec.events.api.model.Webhook;
import org.openhumanitec.events.feign.HumanitecClient;
import org.openhumanitec.events.feign.Transport;

/** The SDK's {@link HumanitecClient} with its defaults (retries on, logging off) and the given transport. */
public final class SdkCalls implements WebhookCalls<Webhook> {

    private final HumanitecClient client;
    private final WebhooksApi webhooks;
    private final CreateWebhookRequest createRequest = StubPayloads.createRequest(7);

    /**
     * A client of the stub.
     *
     * @param baseUrl the stub
     * @param transport the transport under Feign
     */
    public SdkCalls(String baseUrl, Transport transport) {
        this(HumanitecClient.builder().baseUrl(baseUrl).transport(transport));
    }

    /**
     * A client of the stub that observes every exchange: an observation registry whose only handler is Micrometer's
     * {@link DefaultMeterObservationHandler} over a {@link SimpleMeterRegistry} (timers, no tracing), as a service
     * with metrics and no tracer has it.
     *
     * @param baseUrl the stub
     * @return the observed client's calls
     */
    public static SdkCalls observed(String baseUrl) {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ObservationRegistry observations = ObservationRegistry.create();
        observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
        return new SdkCalls(
                HumanitecClient.builder().baseUrl(baseUrl).meterRegistry(meters).observationRegistry(observations));
    }

    private SdkCalls(HumanitecClient.Builder builder) {
        this.client = builder.token(RawOkHttpCalls.TOKEN).build();
        this.webhooks = client.webhooks();
    }

    @Override
    public List<Webhook> list() {
        return webhooks.list(StubPayloads.ORG, StubPayloads.APP);
    }

    @Override
    public Webhook get() {
        return webhooks.get(StubPayloads.ORG, StubPayloads.APP, StubPayloads.WEBHOOK_ID);
    }

    @Override
    public Webhook create() {
        return webhooks.create(StubPayloads.ORG, StubPayloads.APP, createRequest);
    }

    @Override
    public String id(Webhook webhook) {
        return webhook.id();
    }

    @Override
    public void close() {
        client.close();
    }
}
