package org.openhumanitec.events.jackson;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * {@code created_at} as the spec writes it, {@code 2020-06-22T09:37:23.523Z} (UTC, milliseconds, {@code Z}),
 * read and written digit by digit: every webhook carries one, and {@link DateTimeFormatter} costs more than the
 * rest of the webhook. Any other ISO-8601 instant is still read, through {@link Instant#parse}.
 */
final class Timestamps {

    private static final DateTimeFormatter SPEC_FORMAT = DateTimeFormatter.ofPattern(
                    "uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final int SPEC_LENGTH = "2020-06-22T09:37:23.523Z".length();
    private static final long SECONDS_PER_DAY = 86_400;

    private Timestamps() {}

    /**
     * Reads an instant.
     *
     * @param text an ISO-8601 instant, usually in the spec's shape
     * @return the instant
     * @throws DateTimeParseException if the text is not an instant
     */
    static Instant parse(String text) {
        if (text.length() == SPEC_LENGTH
                && text.charAt(4) == '-'
                && text.charAt(7) == '-'
                && text.charAt(10) == 'T'
                && text.charAt(13) == ':'
                && text.charAt(16) == ':'
                && text.charAt(19) == '.'
                && text.charAt(23) == 'Z') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 2);
            int day = digits(text, 8, 2);
            int hour = digits(text, 11, 2);
            int minute = digits(text, 14, 2);
            int second = digits(text, 17, 2);
            int millis = digits(text, 20, 3);
            boolean allDigits = (year | month | day | hour | minute | second | millis) >= 0;
            if (allDigits
                    && month >= 1
                    && month <= 12
                    && day >= 1
                    && hour <= 23
                    && minute <= 59
                    && second <= 59
                    && day <= LocalDate.of(year, month, 1).lengthOfMonth()) {
                long epochDay = LocalDate.of(year, month, day).toEpochDay();
                long seconds = epochDay * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second;
                return Instant.ofEpochSecond(seconds, millis * 1_000_000L);
            }
        }
        return Instant.parse(text);
    }

    /**
     * Writes an instant in the spec's shape, truncated to milliseconds.
     *
     * @param instant the instant
     * @return for example {@code 2020-06-22T09:37:23.523Z}
     */
    static String format(Instant instant) {
        long seconds = instant.getEpochSecond();
        long epochDay = Math.floorDiv(seconds, SECONDS_PER_DAY);
        LocalDate date = LocalDate.ofEpochDay(epochDay);
        if (date.getYear() < 0 || date.getYear() > 9999) {
            return SPEC_FORMAT.format(instant);
        }
        int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
        char[] text = new char[SPEC_LENGTH];
        put(text, 0, date.getYear(), 4);
        text[4] = '-';
        put(text, 5, date.getMonthValue(), 2);
        text[7] = '-';
        put(text, 8, date.getDayOfMonth(), 2);
        text[10] = 'T';
        put(text, 11, secondOfDay / 3600, 2);
        text[13] = ':';
        put(text, 14, secondOfDay / 60 % 60, 2);
        text[16] = ':';
        put(text, 17, secondOfDay % 60, 2);
        text[19] = '.';
        put(text, 20, instant.getNano() / 1_000_000, 3);
        text[23] = 'Z';
        return new String(text);
    }

    /** The number written by {@code count} ASCII digits from {@code start}, or -1 if one is not a digit. */
    private static int digits(String text, int start, int count) {
        int value = 0;
        for (int i = start; i < start + count; i++) {
            int digit = text.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    private static void put(char[] text, int start, int value, int count) {
        for (int i = start + count - 1; i >= start; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
