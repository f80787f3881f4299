package org.openhumanitec.events.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every Java code block of the REST adapter's documents is a snippet that {@link MountExample} or
 * {@link MountExampleTest} compiles and runs, character for character once indentation is removed.
 */
class DocsSnippetsTest {

    private static final Path SOURCES = Path.of("src/test/java/org/openhumanitec/events/rest");
    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern SNIPPET = Pattern.compile("// BEGIN [^\\n]*\\n(.*?)\\n\\s*// END", Pattern.DOTALL);

    @ParameterizedTest
    @ValueSource(strings = {"README.md", "../docs/rest-adapter.md"})
    void everyJavaBlockIsACompiledSnippet(String document) throws IOException {
        List<String> snippets = new ArrayList<>();
        snippets.addAll(blocks(SNIPPET, Files.readString(SOURCES.resolve("MountExample.java"))));
        snippets.addAll(blocks(SNIPPET, Files.readString(SOURCES.resolve("MountExampleTest.java"))));
        List<String> blocks = blocks(JAVA_BLOCK, Files.readString(Path.of(document)));

        assertThat(blocks).as("Java blocks in " + document).isNotEmpty();
        assertThat(snippets).containsAll(blocks);
    }

    private static List<String> blocks(Pattern pattern, String text) {
        List<String> blocks = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            blocks.add(matcher.group(1).stripIndent().strip());
        }
        return blocks;
    }
}
