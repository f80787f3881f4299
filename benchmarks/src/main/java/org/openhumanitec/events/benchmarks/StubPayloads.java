package org.openhumanitec.events.benchmarks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openhumanitec.events.api.model.CreateWebhookRequest;
import org.openhumanitec.events.api.model.Trigger;
import org.openhumanitec.events.api.model.Webhook;
import org.openhumanitec.events.jackson.HumanitecJson;

/**
 * The bodies every benchmark exchanges: realistic webhooks (URL, a secret header, a payload template, one to three
 * triggers, creation time and user), written by the shared Humanitec mapper so they are exactly the wire format.
 */
public final class StubPayloads {

    /** How many webhooks the list answer holds. */
    public static final int LIST_SIZE = 20;

    /** The organization every benchmark addresses. */
    public static final String ORG = "acme-corp";

    /** The application every benchmark addresses. */
    public static final String APP = "billing-api";

    /** The id of the webhook that get-webhook asks for. */
    public static final String WEBHOOK_ID = "deploy-notifier-07";

    private static final List<List<Trigger>> TRIGGER_SETS = List.of(
            List.of(Trigger.DEPLOYMENT_FINISHED),
            List.of(Trigger.DEPLOYMENT_STARTED, Trigger.DEPLOYMENT_FINISHED),
            List.of(Trigger.ENVIRONMENT_CREATED, Trigger.ENVIRONMENT_DELETED, Trigger.DEPLOYMENT_FINISHED));

    private StubPayloads() {}

    /**
     * Prints the bodies {@code benchmarks/run.sh} seeds the sandbox faces with: one create-webhook request per line,
     * {@value #LIST_SIZE} lines.
     *
     * @param args none
     */
    public static void main(String[] args) {
        ObjectMapper mapper = HumanitecJson.newMapper();
        for (int i = 0; i < LIST_SIZE; i++) {
            try {
                System.out.println(mapper.writeValueAsString(createRequest(i)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("the canned bodies cannot be written", e);
            }
        }
    }

    /**
     * The {@code i}-th webhook of the list.
     *
     * @param i from 0
     * @return the webhook
     */
    public static Webhook webhook(int i) {
        String id = String.format("deploy-notifier-%02d", i);
        return new Webhook(
                id,
                "https://hooks.example.com/humanitec/" + id,
                i % 5 == 4,
                ordered("X-Hook-Token", "hook-secret-b7d1e0" + i, "X-Team", "platform"),
                ordered("event", "${event}", "app_id", "${app_id}", "env_id", "${env_id}", "deploy_id", "${deploy_id}"),
                TRIGGER_SETS.get(i % TRIGGER_SETS.size()),
                Instant.parse("2026-06-22T09:37:23.523Z").plusSeconds(3600L * i),
                "a1b2c3d4-0000-4000-8000-1234567890" + String.format("%02d", i));
    }

    /**
     * The request that create-webhook sends: the same fields a created webhook answers with.
     *
     * @param i from 0
     * @return the request
     */
    public static CreateWebhookRequest createRequest(int i) {
        Webhook hook = webhook(i);
        return CreateWebhookRequest.builder()
                .id(hook.id())
                .url(hook.url())
                .disabled(hook.disabled())
                .headers(hook.headers())
                .payload(hook.payload())
                .triggers(hook.triggers())
                .build();
    }

    /**
     * The list answer's body.
     *
     * @return a JSON array of {@value #LIST_SIZE} webhooks
     */
    public static byte[] listBody() {
        List<Webhook> hooks = new ArrayList<>();
        for (int i = 0; i < LIST_SIZE; i++) {
            hooks.add(webhook(i));
        }
        return write(hooks);
    }

    /**
     * The body of get-webhook and of create-webhook's answer.
     *
     * @return one webhook as JSON
     */
    public static byte[] oneBody() {
        return write(webhook(7));
    }

    /**
     * The body create-webhook sends.
     *
     * @return the request as JSON
     */
    public static byte[] createBody() {
        return write(createRequest(7));
    }

    /** A JSON object whose fields keep the given order, so every run sends the same bytes. */
    private static Map<String, Object> ordered(String... namesAndValues) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            object.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return object;
    }

    private static byte[] write(Object value) {
        ObjectMapper mapper = HumanitecJson.newMapper();
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the canned bodies cannot be written", e);
        }
    }
}
