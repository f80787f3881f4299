package org.openhumanitec.events.jackson;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.openhumanitec.events.api.model.CreateWebhookRequest;
import org.openhumanitec.events.api.model.EventScope;
import org.openhumanitec.events.api.model.EventType;
import org.openhumanitec.events.api.model.Trigger;
import org.openhumanitec.events.api.model.UpdateWebhookRequest;

/**
 * The Jackson annotations of the {@code sdk-api} types, which carry none themselves. A record mix-in repeats its
 * target's components, so that its annotations land on the target's fields, accessors and canonical constructor.
 * A component marked {@code required} must be present and not {@code null} ({@link RequiredProperties}).
 */
final class WireMixIns {

    private WireMixIns() {}

    /** {@code WebhookResponse}: tolerant, only {@code id} is required; writes the timestamp and creator if known. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonAutoDetect(isGetterVisibility = Visibility.NONE)
    record WebhookMixIn(
            @JsonProperty(required = true) String id,
            String url,
            Boolean disabled,
            Map<String, Object> headers,
            Map<String, Object> payload,
            @JsonSetter(contentNulls = Nulls.FAIL) List<Trigger> triggers,

            @JsonInclude(Include.NON_NULL)
            @JsonSerialize(using = Timestamps.Writer.class)
            @JsonDeserialize(using = Timestamps.Reader.class)
            Instant createdAt,

            @JsonInclude(Include.NON_NULL) String createdBy) {}

    /** {@code WebhookUpdateResponse}: every field written, {@code triggers} may be {@code null}. */
    @JsonAutoDetect(isGetterVisibility = Visibility.NONE)
    record UpdatedWebhookMixIn(
            String url,
            Boolean disabled,
            Map<String, Object> headers,
            Map<String, Object> payload,
            @JsonSetter(contentNulls = Nulls.FAIL) List<Trigger> triggers) {}

    /** {@code WebhookRequest} for create: read through the builder, written without the fields not set. */
    @JsonDeserialize(builder = CreateWebhookRequest.Builder.class)
    @JsonInclude(Include.NON_NULL)
    abstract static class CreateRequestMixIn {}

    /**
     * {@code WebhookRequest} for update: read through the builder, so an absent field stays
     * {@linkplain org.openhumanitec.events.api.model.FieldUpdate#unchanged() unchanged} and an explicit
     * {@code null} is set; written without the unchanged fields ({@link FieldUpdates} calls them empty).
     */
    @JsonDeserialize(builder = UpdateWebhookRequest.Builder.class)
    @JsonInclude(Include.NON_EMPTY)
    @JsonAutoDetect(isGetterVisibility = Visibility.NONE)
    abstract static class UpdateRequestMixIn {}

    /**
     * The builders of both requests: one property per method. {@code url} and {@code disabled} are nullable in the
     * schema and keep an explicit {@code null}; {@code headers} and {@code payload} read {@code null} as not given,
     * as Humanitec does (its Terraform provider sends {@code "payload": null} when no payload is configured), so the
     * writer never sends it on; {@code null} is rejected for the rest.
     */
    @JsonPOJOBuilder(withPrefix = "")
    abstract static class RequestBuilderMixIn {
        @JsonSetter(nulls = Nulls.FAIL)
        abstract Object id(String id);

        @JsonSetter(nulls = Nulls.SKIP)
        abstract Object headers(Map<String, ?> headers);

        @JsonSetter(nulls = Nulls.SKIP)
        abstract Object payload(Map<String, ?> payload);

        @JsonSetter(nulls = Nulls.FAIL, contentNulls = Nulls.FAIL)
        abstract Object triggers(List<Trigger> triggers);

        /** Adds one trigger: not a field of the schema. */
        @JsonIgnore
        abstract Object trigger(Trigger trigger);
    }

    /** {@code EventBaseRequest}/{@code EventBaseResponse}: read through {@link Trigger#of}, to share constants. */
    abstract static class TriggerMixIn {
        @JsonCreator
        static Trigger of(
                @JsonProperty(value = "scope", required = true) String scope,
                @JsonProperty(value = "type", required = true) String type) {
            return Trigger.of(scope, type);
        }
    }

    /** {@code EventResponse}: scope and type are required. */
    record EventMixIn(
            @JsonProperty(required = true) EventScope scope,
            @JsonProperty(required = true) EventType type,
            @JsonSetter(contentNulls = Nulls.FAIL) List<String> properties) {}

    /** An open scope travels as its plain string, read through {@link EventScope#of}. */
    abstract static class EventScopeMixIn {
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static EventScope of(String value) {
            return EventScope.of(value);
        }

        @JsonValue
        abstract String value();
    }

    /** An open type travels as its plain string, read through {@link EventType#of}. */
    abstract static class EventTypeMixIn {
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static EventType of(String value) {
            return EventType.of(value);
        }

        @JsonValue
        abstract String value();
    }

    /** {@code HumanitecErrorResponse}: {@code details} written only when there are some. */
    record ErrorMixIn(
            String error,
            String message,
            @JsonInclude(Include.NON_EMPTY) Map<String, Object> details) {}
}
