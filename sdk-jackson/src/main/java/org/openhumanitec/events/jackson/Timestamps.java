package org.openhumanitec.events.jackson;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;

/**
 * {@code created_at} as the spec writes it, {@code 2020-06-22T09:37:23.523Z}: written in UTC with milliseconds,
 * read as any ISO-8601 instant ({@link DateTimeFormatter#ISO_INSTANT}, as {@link Instant#parse} reads it).
 *
 * <p>{@code ISO_INSTANT} builds a new formatter inside every parse (JDK 17's {@code InstantPrinterParser}), a
 * quarter of what reading a list of webhooks allocated. So the same grammar, built once, reads the timestamps
 * Humanitec sends, and {@code ISO_INSTANT} only the two forms that grammar resolves strictly and it accepts
 * ({@code 24:00:00} and a leap second).
 */
final class Timestamps {

    static final String EXAMPLE = "2020-06-22T09:37:23.523Z";

    private static final DateTimeFormatter SPEC_FORMAT = DateTimeFormatter.ofPattern(
                    "uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** {@code ISO_INSTANT}'s grammar: a date, {@code T}, hours, minutes, seconds, 0 to 9 digits of fraction, an offset. */
    private static final DateTimeFormatter INSTANT_GRAMMAR = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral('T')
            .appendValue(ChronoField.HOUR_OF_DAY, 2)
            .appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .appendLiteral(':')
            .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .appendOffsetId()
            .toFormatter(Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT)
            .withChronology(IsoChronology.INSTANCE);

    private Timestamps() {}

    /** Reads an ISO-8601 instant as {@link Instant#parse} does. */
    static Instant parse(String text) {
        try {
            return INSTANT_GRAMMAR.parse(text, Instant::from);
        } catch (DateTimeParseException e) {
            return DateTimeFormatter.ISO_INSTANT.parse(text, Instant::from);
        }
    }

    /** Writes an instant in the spec's shape, truncated to milliseconds. */
    static final class Writer extends StdScalarSerializer<Instant> {
        private static final long serialVersionUID = 1L;

        Writer() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant instant, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(SPEC_FORMAT.format(instant));
        }
    }

    /** Reads a JSON string holding an ISO-8601 instant. */
    static final class Reader extends StdScalarDeserializer<Instant> {
        private static final long serialVersionUID = 1L;

        Reader() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
            }
            String text = p.getText();
            try {
                return parse(text);
            } catch (DateTimeParseException e) {
                return (Instant) ctxt.handleWeirdStringValue(Instant.class, text, "not an ISO-8601 instant");
            }
        }
    }
}
