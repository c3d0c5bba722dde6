package dev.mdj.md;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RenewModeTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({"auto, AUTO", "AUTO, AUTO", "automatic, AUTO", "Automatic, AUTO", "always, ALWAYS",
        "ALWAYS, ALWAYS", "manual, MANUAL", "Manual, MANUAL", "stick, MANUAL", "STICK, MANUAL"})
    void parsesModesAndTheirOldNames(String text, RenewMode expected) {
        assertThat(RenewMode.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "on", "never", "autom", "auto "})
    void rejectsOtherValues(String text) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RenewMode.parse(text))
                .withMessage("unknown MDDriveMode '" + text + "'; supported are 'auto', 'always' and 'manual'");
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({"MANUAL, 0", "AUTO, 1", "ALWAYS, 2"})
    void hasModMdsJsonValues(RenewMode mode, int json) {
        assertThat(mode.jsonValue()).isEqualTo(json);
    }
}
