package dev.mdj.md;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MemberModeTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({"auto, AUTO", "Auto, AUTO", "manual, MANUAL", "MANUAL, MANUAL"})
    void parsesValues(String text, MemberMode expected) {
        assertThat(MemberMode.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "automatic", "stick", "on"})
    void rejectsOtherValues(String text) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> MemberMode.parse(text))
                .withMessage("'" + text + "' must be 'auto' or 'manual'");
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({"AUTO, 1", "MANUAL, 0"})
    void hasModMdsTransitiveValues(MemberMode mode, int transitive) {
        assertThat(mode.transitive()).isEqualTo(transitive);
    }
}
