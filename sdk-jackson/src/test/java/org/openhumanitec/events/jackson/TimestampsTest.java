package org.openhumanitec.events.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.openhumanitec.events.api.model.Webhook;

/** {@code created_at} is written in the spec's shape and read as {@link Instant#parse} reads it. */
class TimestampsTest {

    private static final DateTimeFormatter SPEC = DateTimeFormatter.ofPattern(
                    "uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final ObjectMapper json = HumanitecJson.newMapper();

    @Test
    void randomInstants_areWrittenInTheSpecShape_andReadBackToTheMillisecond() throws Exception {
        SplittableRandom random = new SplittableRandom(42);
        long min = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 1_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(min, max + 1), random.nextInt(1_000_000_000));
            String text = writtenCreatedAt(instant);

            assertThat(text).isEqualTo(SPEC.format(instant)).hasSize("2020-06-22T09:37:23.523Z".length());
            assertThat(readCreatedAt(text)).isEqualTo(instant.truncatedTo(ChronoUnit.MILLIS));
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
                "2020-06-22T24:00:00.000Z",
                "2016-12-31T23:59:60Z",
                "2020-06-22t09:37:23.523z",
                "+12345-01-01T00:00:00Z",
                "-0001-12-31T23:59:59.5Z",
                "0000-01-01T00:00:00Z",
                "2020-06-22T09:37:23.Z",
                "9999-12-31T23:59:59.999999999Z",
                "2020-06-22T09:37:23.523-00:30:15"
            })
    void readsWhatInstantParseReads(String text) throws Exception {
        assertThat(readCreatedAt(text)).isEqualTo(Instant.parse(text));
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
                "2020-06-22T09:37Z",
                "2020-06-22T09:37:23.5234567891Z",
                "2020-06-22T09:37:23.523",
                "2020-06-22T09:37:23.52xZ",
                "2020-06-22T09:37:23,523Z",
                "2020-06-22T09:37:23.523ZZ",
                "2020-06-22T09:37:2xZ",
                "2020-0x-22T09:37:23Z",
                "2020-06-22T09:37:23ZZ",
                "2020-06-31T00:00:00Z",
                "yesterday",
                ""
            })
    void rejectsWhatInstantParseRejects(String text) {
        assertThatThrownBy(() -> Instant.parse(text)).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> readCreatedAt(text))
                .isInstanceOf(WireFormatException.class)
                .hasMessage("'created_at' must be a date-time such as 2020-06-22T09:37:23.523Z");
    }

    @Test
    void aTimestampThatIsNotAString_isRejected() {
        assertThatThrownBy(() -> json.readValue("{\"id\":\"h\",\"created_at\":1592818643}", Webhook.class))
                .isInstanceOf(WireFormatException.class)
                .hasMessageStartingWith("'created_at' must be a date-time");
    }

    @Test
    void yearsBeyondFourDigits_areWrittenAsTheFormatterWritesThem() throws Exception {
        Instant far = Instant.parse("+12345-01-01T00:00:00Z");

        assertThat(writtenCreatedAt(far)).isEqualTo(SPEC.format(far));
    }

    @Test
    void randomTimestampsInEveryShape_areReadAsInstantParseReadsThem() {
        SplittableRandom random = new SplittableRandom(7);
        String[] offsets = {"Z", "+02:00", "-11:30", "+14:00", "z"};
        for (int i = 0; i < 1_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-62_000_000_000L, 253_000_000_000L));
            String nanos = String.format(Locale.ROOT, "%09d", random.nextInt(1_000_000_000));
            String fraction = "." + nanos.substring(0, random.nextInt(1, 10));
            String text = DateTimeFormatter.ISO_LOCAL_DATE_TIME
                            .withZone(ZoneOffset.UTC)
                            .format(instant)
                            .substring(0, 19)
                    + (random.nextBoolean() ? fraction : "")
                    + offsets[random.nextInt(offsets.length)];

            assertThat(Timestamps.parse(text)).as(text).isEqualTo(Instant.parse(text));
        }
    }

    private String writtenCreatedAt(Instant instant) throws Exception {
        Webhook hook = Webhook.builder().id("h").createdAt(instant).build();
        JsonNode written = json.readTree(json.writeValueAsString(hook));
        return written.path("created_at").asText();
    }

    private Instant readCreatedAt(String text) throws Exception {
        String body = "{\"id\":\"h\",\"created_at\":" + json.writeValueAsString(text) + "}";
        return json.readValue(body, Webhook.class).createdAt();
    }
}
