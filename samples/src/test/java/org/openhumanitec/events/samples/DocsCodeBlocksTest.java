package org.openhumanitec.events.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every Java code block of the README files and of {@code docs/} is a snippet of compiled code: the text between a
 * {@code // BEGIN <name>} line and the next {@code // END} line of some {@code .java} file of the repository,
 * character for character once the common indentation is removed. Samples and tests compile and run in CI, so
 * the documentation cannot show code that no longer builds.
 */
class DocsCodeBlocksTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern SNIPPET = Pattern.compile("// BEGIN [^\\n]*\\n(.*?)\\n[ \\t]*// END", Pattern.DOTALL);

    @Test
    void everyJavaBlockOfTheDocsIsACompiledSnippet() throws IOException {
        Set<String> snippets = new HashSet<>();
        for (Path source : files(".java")) {
            snippets.addAll(matches(SNIPPET, Files.readString(source)));
        }
        List<Path> documents = files(".md");
        int blocks = 0;
        for (Path document : documents) {
            for (String block : matches(JAVA_BLOCK, Files.readString(document))) {
                blocks++;
                assertThat(snippets)
                        .as(
                                "a Java block of %s is not a // BEGIN ... // END snippet of any source:%n%s",
                                ROOT.relativize(document), block)
                        .contains(block);
            }
        }
        assertThat(blocks).as("Java blocks found in %s", documents).isPositive();
    }

    private static List<Path> files(String suffix) throws IOException {
        try (Stream<Path> walk = Files.walk(ROOT)) {
            return walk.filter(path -> path.toString().endsWith(suffix))
                    .filter(path -> {
                        String relative = ROOT.relativize(path).toString();
                        return !relative.contains("target/")
                                && !relative.contains("node_modules/")
                                && !relative.startsWith(".")
                                && !relative.contains("/.");
                    })
                    .sorted()
                    .toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static List<String> matches(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1).stripIndent().strip());
        }
        return found;
    }
}
