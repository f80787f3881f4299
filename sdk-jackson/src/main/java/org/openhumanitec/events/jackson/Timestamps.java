package org.openhumanitec.events.jackson;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
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
 * <p>Every webhook and event carries one, so a list of 20 reads and writes 20. {@code ISO_INSTANT} builds a new
 * formatter inside every parse (JDK 17's {@code InstantPrinterParser}), and any {@link DateTimeFormatter} fills a map
 * of fields per parse and prints fractions through {@code BigDecimal}: together 15 % of what a proxied list
 * allocated. So the UTC shapes Humanitec sends ({@code uuuu-MM-ddTHH:mm:ss}, 0 to 9 digits of fraction, {@code Z})
 * are read digit by digit into {@link LocalDateTime#of}, which checks the ranges, and written the same way; anything
 * else (offsets, lower case, five-digit years, {@code 24:00:00}, a leap second, a value out of range) goes through
 * the formatters, the same grammar built once, and {@code ISO_INSTANT} for the two forms that grammar resolves
 * strictly and it accepts.
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
        Instant utc = parseUtc(text);
        if (utc != null) {
            return utc;
        }
        try {
            return INSTANT_GRAMMAR.parse(text, Instant::from);
        } catch (DateTimeParseException e) {
            return DateTimeFormatter.ISO_INSTANT.parse(text, Instant::from);
        }
    }

    /**
     * Reads {@code uuuu-MM-ddTHH:mm:ss}, an optional fraction of 1 to 9 digits, and {@code Z}.
     *
     * @return the instant, or null when the text has another shape or a field is out of range
     */
    private static Instant parseUtc(String text) {
        int length = text.length();
        if (length < 20
                || text.charAt(length - 1) != 'Z'
                || text.charAt(4) != '-'
                || text.charAt(7) != '-'
                || text.charAt(10) != 'T'
                || text.charAt(13) != ':'
                || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        int nano = 0;
        int fractionDigits = length - 21;
        if (fractionDigits >= 0) {
            if (text.charAt(19) != '.' || fractionDigits == 0 || fractionDigits > 9) {
                return null;
            }
            nano = digits(text, 20, fractionDigits);
            for (int i = fractionDigits; i < 9; i++) {
                nano *= 10;
            }
        } else if (length != 20) {
            return null;
        }
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0 || nano < 0) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, nano)
                    .toInstant(ZoneOffset.UTC);
        } catch (DateTimeException outOfRange) {
            return null;
        }
    }

    /** The decimal value of {@code count} ASCII digits from {@code start}, or -1 if one is not a digit. */
    private static int digits(String text, int start, int count) {
        int value = 0;
        for (int i = start; i < start + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /**
     * Writes an instant in the spec's shape, truncated to milliseconds: digit by digit for the years 0 to 9999,
     * through the formatter for the others (which it writes with a sign).
     */
    static char[] format(Instant instant) {
        LocalDateTime time = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
        if (time.getYear() < 0 || time.getYear() > 9999) {
            return SPEC_FORMAT.format(instant).toCharArray();
        }
        char[] text = EXAMPLE.toCharArray();
        put(text, 0, 4, time.getYear());
        put(text, 5, 2, time.getMonthValue());
        put(text, 8, 2, time.getDayOfMonth());
        put(text, 11, 2, time.getHour());
        put(text, 14, 2, time.getMinute());
        put(text, 17, 2, time.getSecond());
        put(text, 20, 3, time.getNano() / 1_000_000);
        return text;
    }

    /** Writes {@code value} as {@code count} decimal digits from {@code start}, over the example's digits. */
    private static void put(char[] text, int start, int count, int value) {
        for (int i = start + count - 1; i >= start; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
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
            char[] text = format(instant);
            gen.writeString(text, 0, text.length);
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
