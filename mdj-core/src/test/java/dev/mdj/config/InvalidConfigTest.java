package dev.mdj.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus of invalid configurations under {@code config/invalid/}: each file holds one
 * mistake and says in its first line where and what the error is
 * ({@code # expect: LINE: substring}). The corpus directory is the ServerRoot, so files it
 * references live in {@code config/invalid/files/}.
 */
class InvalidConfigTest {

    private static final Pattern EXPECT = Pattern.compile("^# expect: (\\d+): (.+)$");

    static Path corpus() {
        try {
            return Path.of(InvalidConfigTest.class.getResource("/config/invalid").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<Path> files() throws IOException {
        try (Stream<Path> list = Files.list(corpus())) {
            return list.filter(p -> p.getFileName().toString().endsWith(".conf"))
                    .sorted().toList().stream();
        }
    }

    @Test
    void corpusIsLargeEnough() throws IOException {
        assertThat(files().count()).isGreaterThanOrEqualTo(45);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void exactlyOneErrorWhereTheFileSays(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Matcher expect = EXPECT.matcher(lines.get(0));
        assertThat(expect.matches()).as("first line of %s is '# expect: LINE: text'", file).isTrue();
        int line = Integer.parseInt(expect.group(1));
        String text = expect.group(2).strip();

        ParseOptions options = ParseOptions.defaults().withServerRoot(corpus())
                .withEnvironment(Map.of());
        ConfigException e;
        try {
            ConfigReader.read(file, options);
            fail(file.getFileName() + " was accepted; expected an error at line " + line + ": " + text);
            return;
        } catch (ConfigException thrown) {
            e = thrown;
        }
        String all = e.getMessage();
        assertThat(e.errors()).as("errors of %s:%n%s", file.getFileName(), all).hasSize(1);
        ConfigError error = e.errors().get(0);
        assertThat(error.location().file()).as(all).isEqualTo(file.toAbsolutePath().normalize());
        assertThat(error.location().line()).as(all).isEqualTo(line);
        assertThat(error.message()).as(all).contains(text);
    }
}
