package org.openhumanitec.events.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The BOM names every published module of the build, at the build's version, and nothing else. */
class BomTest {

    private static final Path ROOT = Path.of("..");

    /** Modules users do not depend on: the BOM itself, the samples, the benchmarks. */
    private static final Set<String> UNPUBLISHED =
            Set.of("sdk-bom", "samples", "samples/spring-boot-deploy-notifier", "benchmarks");

    @Test
    void bom_listsEveryPublishedModuleAtTheBuildsVersion() throws IOException {
        String root = Files.readString(ROOT.resolve("pom.xml"));
        String bom = Files.readString(ROOT.resolve("sdk-bom/pom.xml"));

        List<String> published = all(Pattern.compile("<module>([^<]+)</module>"), root).stream()
                .filter(module -> !UNPUBLISHED.contains(module))
                .toList();
        String managedSection = bom.substring(bom.indexOf("<dependencyManagement>"));
        List<String> managed = all(Pattern.compile("<artifactId>([^<]+)</artifactId>"), managedSection);

        assertThat(managed).containsExactlyInAnyOrderElementsOf(published);
        assertThat(first(Pattern.compile("</artifactId>\\s*<version>([^<]+)</version>"), bom))
                .as("the BOM's own version")
                .isEqualTo(first(
                        Pattern.compile("<artifactId>humanitec-events-parent</artifactId>\\s*<version>([^<]+)"), root));
    }

    private static List<String> all(Pattern pattern, String text) {
        return pattern.matcher(text).results().map(match -> match.group(1)).toList();
    }

    private static String first(Pattern pattern, String text) {
        return all(pattern, text).get(0);
    }
}
