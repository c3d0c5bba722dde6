package dev.mdj.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps docs/directives.md and the directive table ({@link Directives#all()}) in step: every
 * directive has a {@code ### Name} section, every such section names a directive, and each
 * section states the default.
 */
class DirectiveReferenceTest {

    private static final String HEADING = "### ";

    /** Section heading text -> the section's body, in file order. */
    private static Map<String, String> sections;

    @BeforeAll
    static void readReference() throws IOException {
        Path file = Stream.of(Path.of("..", "docs", "directives.md"), Path.of("docs", "directives.md"))
                .filter(Files::isRegularFile)
                .findFirst()
                .orElseThrow(() -> new AssertionError("docs/directives.md not found from "
                        + Path.of("").toAbsolutePath()));
        sections = sections(Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    @Test
    void everyDirectiveIsDocumented() {
        List<String> names = Directives.all().stream().map(DirectiveSpec::displayName).toList();
        assertThat(sections.keySet()).containsAll(names);
    }

    @Test
    void documentsNoDirectiveThatDoesNotExist() {
        List<String> names = Directives.all().stream().map(DirectiveSpec::displayName).toList();
        assertThat(names).containsAll(sections.keySet());
    }

    @Test
    void documentsEachDirectiveOnce() {
        assertThat(sections).hasSameSizeAs(Directives.all());
    }

    @Test
    void everySectionStatesTheDefault() {
        sections.forEach((name, body) -> assertThat(body)
                .as("section %s of docs/directives.md", name)
                .contains("Default"));
    }

    /**
     * Splits the file at its {@code ### } headings; a section ends at the next heading of any
     * level (outside fenced code blocks). A heading that occurs twice is recorded with a marker so that the count test fails.
     */
    private static Map<String, String> sections(List<String> lines) {
        Map<String, String> result = new LinkedHashMap<>();
        String current = null;
        StringBuilder body = new StringBuilder();
        boolean inCode = false;
        for (String line : lines) {
            if (line.startsWith("```")) {
                inCode = !inCode;
            }
            if (!inCode && line.matches("#{1,6} .*")) {
                if (current != null) {
                    put(result, current, body.toString());
                }
                current = line.startsWith(HEADING) ? line.substring(HEADING.length()).strip() : null;
                body.setLength(0);
            } else if (current != null) {
                body.append(line).append('\n');
            }
        }
        if (current != null) {
            put(result, current, body.toString());
        }
        return result;
    }

    private static void put(Map<String, String> result, String heading, String body) {
        String key = heading;
        while (result.containsKey(key)) {
            key = key + " (again)";
        }
        result.put(key, body);
    }
}
