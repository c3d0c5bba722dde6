package dev.mdj.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CommandLineSplitterTest {

    static List<Arguments> lines() {
        return List.of(
                Arguments.of("/usr/bin/msg", List.of("/usr/bin/msg")),
                Arguments.of("  /usr/bin/msg \t a  b ", List.of("/usr/bin/msg", "a", "b")),
                Arguments.of("", List.of()),
                Arguments.of("/bin/x \"quoted arg\" 'single arg'", List.of("/bin/x", "quoted arg", "single arg")),
                Arguments.of("a\\ b c", List.of("a b", "c")),
                Arguments.of("\"say \\\"hi\\\"\"", List.of("say \"hi\"")),
                Arguments.of("'it\\'s'", List.of("it's")),
                Arguments.of("a\\\\b", List.of("a\\b")),
                Arguments.of("\"\" x", List.of("", "x")),
                // a quote closes the argument; one inside an unquoted argument is a plain character
                Arguments.of("\"a b\"c", List.of("a b", "c")),
                Arguments.of("foo\"bar baz\"", List.of("foo\"bar", "baz\"")),
                // no shell
                Arguments.of("/bin/x a;b $HOME * `id` |", List.of("/bin/x", "a;b", "$HOME", "*", "`id`", "|")));
    }

    @ParameterizedTest
    @MethodSource("lines")
    void splitsLikeApr(String line, List<String> expected) {
        assertThat(CommandLineSplitter.split(line)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/bin/x \"open", "/bin/x 'open", "\"/bin/x", "/bin/x \"a\\\""})
    void rejectsAnUnterminatedQuote(String line) {
        assertThatThrownBy(() -> CommandLineSplitter.split(line))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unterminated");
    }
}
