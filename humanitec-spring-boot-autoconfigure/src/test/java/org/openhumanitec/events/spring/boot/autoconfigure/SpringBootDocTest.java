package org.openhumanitec.events.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The properties table of {@code docs/spring-boot.md} names every property of the metadata that
 * spring-boot-configuration-processor generated, with the same default, and no other.
 */
class SpringBootDocTest {

    private static final Path METADATA = Path.of("target/classes/META-INF/spring-configuration-metadata.json");
    private static final Path DOC = Path.of("../docs/spring-boot.md");
    private static final Pattern ROW = Pattern.compile("(?m)^\\| `(humanitec\\.[a-z.-]+)` \\| ([^|]+) \\|");

    @Test
    void propertiesTable_matchesTheGeneratedMetadata() throws IOException {
        Map<String, String> generated = new LinkedHashMap<>();
        for (JsonNode property : new ObjectMapper().readTree(METADATA.toFile()).path("properties")) {
            JsonNode defaultValue = property.path("defaultValue");
            generated.put(
                    property.path("name").asText(),
                    defaultValue.isMissingNode() ? "—" : "`" + defaultValue.asText() + "`");
        }
        Map<String, String> documented = new LinkedHashMap<>();
        Matcher row = ROW.matcher(Files.readString(DOC));
        while (row.find()) {
            documented.put(row.group(1), row.group(2).strip());
        }

        assertThat(generated).as("the generated metadata").isNotEmpty();
        assertThat(documented).containsExactlyInAnyOrderEntriesOf(generated);
    }
}
