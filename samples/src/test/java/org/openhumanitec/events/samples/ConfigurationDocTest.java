package org.openhumanitec.events.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openhumanitec.events.launcher.LaunchOption;
import org.openhumanitec.events.launcher.Launcher;
import org.openhumanitec.events.mcp.server.McpFace;
import org.openhumanitec.events.rest.server.RestFace;

/** {@code docs/configuration.md} lists every option of both faces and the demo, with its variable and default. */
class ConfigurationDocTest {

    private static final Path DOC = Path.of("..", "docs", "configuration.md");

    static Stream<Arguments> options() {
        return Stream.of(
                        Arguments.of("REST", new RestFace()),
                        Arguments.of("MCP", new McpFace()),
                        Arguments.of("demo", new Demo()))
                .flatMap(face -> ((Launcher.Face) face.get()[1])
                        .options().stream().map(option -> Arguments.of(face.get()[0], option.name(), option)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("options")
    void everyOptionHasARow_withItsVariableAndDefault(String component, String name, LaunchOption option)
            throws IOException {
        List<String> rows = Files.readAllLines(DOC).stream()
                .filter(line -> line.startsWith("| " + component + " | `" + name + "`")
                        || line.startsWith("| " + component + " | `" + name + " "))
                .toList();

        assertThat(rows).as("a row for %s %s in %s", component, name, DOC).hasSize(1);
        String[] cells = rows.get(0).split(" \\| ");
        assertThat(cells[2]).isEqualTo("`" + option.environmentVariable() + "`");
        if (option.defaultValue() != null) {
            assertThat(cells[3]).isEqualTo("`" + option.defaultValue() + "`");
        } else if (option.flag()) {
            assertThat(cells[3]).isEqualTo("off");
        } else { // "none", or what having none means, such as "all 7 tools"; never a literal value
            assertThat(cells[3]).isNotBlank().doesNotStartWith("`");
        }
    }
}
