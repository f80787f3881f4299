package org.openhumanitec.events.feign.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PathSegmentsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "my-app      | my-app",
                "a/b         | a%2Fb",
                "%2F         | %252F",
                "x?y=1       | x%3Fy%3D1",
                "é           | %C3%A9",
                "😀          | %F0%9F%98%80",
                "a+b         | a%2Bb",
                "'a b'       | a%20b",
                "A~z_0.9-    | A~z_0.9-",
                "'{x}'       | %7Bx%7D",
                // the unreserved ranges end where they should: a-z, A-Z, 0-9
                "aAz0Z9      | aAz0Z9",
                "`@[/:       | %60%40%5B%2F%3A"
            })
    void encode_passesUnreservedCharactersAndPercentEncodesEveryOtherUtf8Byte(String raw, String encoded) {
        assertThat(PathSegments.encode(raw)).isEqualTo(encoded);
    }

    @ParameterizedTest
    @CsvSource({"plain", "with-dash_and.dot~"})
    void encode_returnsTheSameStringWhenNothingNeedsEncoding(String raw) {
        assertThat(PathSegments.encode(raw)).isSameAs(raw);
    }
}
