package dev.mdj.md;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MatchNamesTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({"all, ALL", "ALL, ALL", "servernames, SERVERNAMES", "ServerNames, SERVERNAMES"})
    void parsesValues(String text, MatchNames expected) {
        assertThat(MatchNames.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "servername", "aliases", "none"})
    void rejectsOtherValues(String text) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> MatchNames.parse(text))
                .withMessage("invalid argument, must be a 'all' or 'servernames'");
    }
}
