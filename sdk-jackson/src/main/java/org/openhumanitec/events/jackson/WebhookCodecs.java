package org.openhumanitec.events.jackson;

import static org.openhumanitec.events.jackson.WireCodecs.bool;
import static org.openhumanitec.events.jackson.WireCodecs.instant;
import static org.openhumanitec.events.jackson.WireCodecs.notNull;
import static org.openhumanitec.events.jackson.WireCodecs.object;
import static org.openhumanitec.events.jackson.WireCodecs.required;
import static org.openhumanitec.events.jackson.WireCodecs.string;
import static org.openhumanitec.events.jackson.WireCodecs.triggers;
import static org.openhumanitec.events.jackson.WireCodecs.writeNullableBoolean;
import static org.openhumanitec.events.jackson.WireCodecs.writeObject;
import static org.openhumanitec.events.jackson.WireCodecs.writeTriggers;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.openhumanitec.events.api.model.CreateWebhookRequest;
import org.openhumanitec.events.api.model.FieldUpdate;
import org.openhumanitec.events.api.model.Trigger;
import org.openhumanitec.events.api.model.UpdateWebhookRequest;
import org.openhumanitec.events.api.model.UpdatedWebhook;
import org.openhumanitec.events.api.model.Webhook;

/**
 * The webhook schemas: {@code WebhookResponse} ({@link Webhook}), {@code WebhookRequest} for create
 * ({@link CreateWebhookRequest}) and update ({@link UpdateWebhookRequest}), and {@code WebhookUpdateResponse}
 * ({@link UpdatedWebhook}).
 */
final class WebhookCodecs {

    private WebhookCodecs() {}

    /** Tolerant: only {@code id} is required; absent collections read as empty. */
    static final class WebhookReader extends WireCodecs.Reader<Webhook> {
        private static final long serialVersionUID = 1L;

        WebhookReader() {
            super(Webhook.class);
        }

        @Override
        Webhook read(JsonParser p, DeserializationContext ctxt) throws IOException {
            String id = null;
            String url = null;
            Boolean disabled = null;
            Map<String, Object> headers = null;
            Map<String, Object> payload = null;
            List<Trigger> triggers = null;
            Instant createdAt = null;
            String createdBy = null;
            for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
                p.nextToken();
                switch (name) {
                    case "id" -> id = string(p, Webhook.class, name);
                    case "url" -> url = string(p, Webhook.class, name);
                    case "disabled" -> disabled = bool(p, Webhook.class, name);
                    case "headers" -> headers = object(p, ctxt, Webhook.class, name);
                    case "payload" -> payload = object(p, ctxt, Webhook.class, name);
                    case "triggers" -> triggers = triggers(p, Webhook.class, name);
                    case "created_at" -> createdAt = instant(p, Webhook.class, name);
                    case "created_by" -> createdBy = string(p, Webhook.class, name);
                    default -> p.skipChildren();
                }
            }
            return new Webhook(
                    required(id, p, Webhook.class, "id"),
                    url,
                    disabled,
                    headers,
                    payload,
                    triggers,
                    createdAt,
                    createdBy);
        }
    }

    /** Writes every field the schema requires, and {@code created_at}/{@code created_by} when known. */
    static final class WebhookWriter extends StdSerializer<Webhook> {
        private static final long serialVersionUID = 1L;

        WebhookWriter() {
            super(Webhook.class);
        }

        @Override
        public void serialize(Webhook hook, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartObject();
            gen.writeStringField("id", hook.id());
            gen.writeStringField("url", hook.url());
            writeNullableBoolean(gen, "disabled", hook.disabled());
            writeObject(gen, provider, "headers", hook.headers());
            writeObject(gen, provider, "payload", hook.payload());
            writeTriggers(gen, "triggers", hook.triggers());
            if (hook.createdAt() != null) {
                gen.writeStringField("created_at", Timestamps.format(hook.createdAt()));
            }
            if (hook.createdBy() != null) {
                gen.writeStringField("created_by", hook.createdBy());
            }
            gen.writeEndObject();
        }
    }

    /** Strict: a field sent as {@code null} must be nullable in the schema ({@code url}, {@code disabled}). */
    static final class CreateRequestReader extends WireCodecs.Reader<CreateWebhookRequest> {
        private static final long serialVersionUID = 1L;

        CreateRequestReader() {
            super(CreateWebhookRequest.class);
        }

        @Override
        CreateWebhookRequest read(JsonParser p, DeserializationContext ctxt) throws IOException {
            Class<?> type = CreateWebhookRequest.class;
            CreateWebhookRequest.Builder request = CreateWebhookRequest.builder();
            for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
                p.nextToken();
                switch (name) {
                    case "id" -> request.id(notNull(string(p, type, name), p, type, name));
                    case "url" -> request.url(string(p, type, name));
                    case "disabled" -> request.disabled(bool(p, type, name));
                    case "headers" -> request.headers(notNull(object(p, ctxt, type, name), p, type, name));
                    case "payload" -> request.payload(notNull(object(p, ctxt, type, name), p, type, name));
                    case "triggers" -> request.triggers(notNull(triggers(p, type, name), p, type, name));
                    default -> p.skipChildren();
                }
            }
            return request.build();
        }
    }

    /** Writes only the fields that are set. */
    static final class CreateRequestWriter extends StdSerializer<CreateWebhookRequest> {
        private static final long serialVersionUID = 1L;

        CreateRequestWriter() {
            super(CreateWebhookRequest.class);
        }

        @Override
        public void serialize(CreateWebhookRequest request, JsonGenerator gen, SerializerProvider provider)
                throws IOException {
            gen.writeStartObject();
            if (request.id() != null) {
                gen.writeStringField("id", request.id());
            }
            if (request.url() != null) {
                gen.writeStringField("url", request.url());
            }
            if (request.disabled() != null) {
                gen.writeBooleanField("disabled", request.disabled());
            }
            if (request.headers() != null) {
                writeObject(gen, provider, "headers", request.headers());
            }
            if (request.payload() != null) {
                writeObject(gen, provider, "payload", request.payload());
            }
            if (request.triggers() != null) {
                writeTriggers(gen, "triggers", request.triggers());
            }
            gen.writeEndObject();
        }
    }

    /** Keeps absent fields unchanged and explicit nulls as set; rejects null for fields that are not nullable. */
    static final class UpdateRequestReader extends WireCodecs.Reader<UpdateWebhookRequest> {
        private static final long serialVersionUID = 1L;

        UpdateRequestReader() {
            super(UpdateWebhookRequest.class);
        }

        @Override
        UpdateWebhookRequest read(JsonParser p, DeserializationContext ctxt) throws IOException {
            Class<?> type = UpdateWebhookRequest.class;
            UpdateWebhookRequest.Builder request = UpdateWebhookRequest.builder();
            for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
                p.nextToken();
                switch (name) {
                    case "id" -> request.id(notNull(string(p, type, name), p, type, name));
                    case "url" -> request.url(string(p, type, name));
                    case "disabled" -> request.disabled(bool(p, type, name));
                    case "headers" -> request.headers(notNull(object(p, ctxt, type, name), p, type, name));
                    case "payload" -> request.payload(notNull(object(p, ctxt, type, name), p, type, name));
                    case "triggers" -> request.triggers(notNull(triggers(p, type, name), p, type, name));
                    default -> p.skipChildren();
                }
            }
            return request.build();
        }
    }

    /** Writes only the fields that are set, an explicit {@code null} included. */
    static final class UpdateRequestWriter extends StdSerializer<UpdateWebhookRequest> {
        private static final long serialVersionUID = 1L;

        UpdateRequestWriter() {
            super(UpdateWebhookRequest.class);
        }

        @Override
        public void serialize(UpdateWebhookRequest request, JsonGenerator gen, SerializerProvider provider)
                throws IOException {
            gen.writeStartObject();
            if (request.id().isSet()) {
                gen.writeStringField("id", request.id().value());
            }
            if (request.url().isSet()) {
                gen.writeStringField("url", request.url().value());
            }
            if (request.disabled().isSet()) {
                writeNullableBoolean(gen, "disabled", request.disabled().value());
            }
            writeIfSet(gen, provider, "headers", request.headers());
            writeIfSet(gen, provider, "payload", request.payload());
            if (request.triggers().isSet()) {
                writeTriggers(gen, "triggers", request.triggers().value());
            }
            gen.writeEndObject();
        }

        private static void writeIfSet(
                JsonGenerator gen, SerializerProvider provider, String field, FieldUpdate<Map<String, Object>> value)
                throws IOException {
            if (value.isSet()) {
                writeObject(gen, provider, field, value.value());
            }
        }
    }

    /** Tolerant: absent headers and payload read as empty; absent or null triggers read as null. */
    static final class UpdatedWebhookReader extends WireCodecs.Reader<UpdatedWebhook> {
        private static final long serialVersionUID = 1L;

        UpdatedWebhookReader() {
            super(UpdatedWebhook.class);
        }

        @Override
        UpdatedWebhook read(JsonParser p, DeserializationContext ctxt) throws IOException {
            String url = null;
            Boolean disabled = null;
            Map<String, Object> headers = null;
            Map<String, Object> payload = null;
            List<Trigger> triggers = null;
            for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
                p.nextToken();
                switch (name) {
                    case "url" -> url = string(p, UpdatedWebhook.class, name);
                    case "disabled" -> disabled = bool(p, UpdatedWebhook.class, name);
                    case "headers" -> headers = object(p, ctxt, UpdatedWebhook.class, name);
                    case "payload" -> payload = object(p, ctxt, UpdatedWebhook.class, name);
                    case "triggers" -> triggers = triggers(p, UpdatedWebhook.class, name);
                    default -> p.skipChildren();
                }
            }
            return new UpdatedWebhook(url, disabled, headers, payload, triggers);
        }
    }

    /** Writes every field of the schema; {@code triggers} may be {@code null}. */
    static final class UpdatedWebhookWriter extends StdSerializer<UpdatedWebhook> {
        private static final long serialVersionUID = 1L;

        UpdatedWebhookWriter() {
            super(UpdatedWebhook.class);
        }

        @Override
        public void serialize(UpdatedWebhook hook, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartObject();
            gen.writeStringField("url", hook.url());
            writeNullableBoolean(gen, "disabled", hook.disabled());
            writeObject(gen, provider, "headers", hook.headers());
            writeObject(gen, provider, "payload", hook.payload());
            writeTriggers(gen, "triggers", hook.triggers());
            gen.writeEndObject();
        }
    }
}
