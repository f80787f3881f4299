package org.openhumanitec.events.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The digit-by-digit timestamps agree with {@link DateTimeFormatter} and {@link Instant#parse} everywhere. */
class TimestampsTest {

    private static final DateTimeFormatter SPEC = DateTimeFormatter.ofPattern(
                    "uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    @Test
    void randomInstants_roundTrip_asTheFormatterWritesAndReadsThem() {
        SplittableRandom random = new SplittableRandom(42);
        long min = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 100_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(min, max + 1), random.nextInt(1_000_000_000));
            String text = Timestamps.format(instant);

            assertThat(text).isEqualTo(SPEC.format(instant));
            assertThat(Timestamps.parse(text)).isEqualTo(instant.truncatedTo(ChronoUnit.MILLIS));
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2024-02-29T23:59:59.999Z",
                "1970-01-01T00:00:00.000Z",
                "1969-12-31T23:59:59.999Z",
                "2020-06-22T09:37:23Z",
                "2020-06-22T09:37:23.523456Z",
                "2020-06-22T11:37:23.523+02:00",
                "2020-06-22T24:00:00.000Z"
            })
    void readsWhatInstantParseReads(String text) {
        assertThat(Timestamps.parse(text)).isEqualTo(Instant.parse(text));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2023-02-29T00:00:00.000Z",
                "2020-13-01T00:00:00.000Z",
                "2020-06-22T09:60:00.000Z",
                "2020-06-22T09:37:-3.523Z",
                "2020-06-22 09:37:23.523Z",
                "20x0-06-22T09:37:23.523Z",
                "yesterday"
            })
    void rejectsWhatInstantParseRejects(String text) {
        assertThatThrownBy(() -> Instant.parse(text)).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> Timestamps.parse(text)).isInstanceOf(DateTimeParseException.class);
    }

    @Test
    void yearsBeyondFourDigits_areWrittenAsTheFormatterWritesThem() {
        Instant far = Instant.parse("+12345-01-01T00:00:00Z");

        assertThat(Timestamps.format(far)).isEqualTo(SPEC.format(far));
    }
}
