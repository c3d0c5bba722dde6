package dev.mdj.md;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RequireHttpsTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({"off, OFF", "OFF, OFF", "temporary, TEMPORARY", "Temporary, TEMPORARY", "permanent, PERMANENT",
        "PERMANENT, PERMANENT"})
    void parsesValues(String text, RequireHttps expected) {
        assertThat(RequireHttps.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "on", "temp", "301", "permanently"})
    void rejectsOtherValues(String text) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RequireHttps.parse(text))
                .withMessage("unknown '" + text + "', supported parameter values are 'temporary' and 'permanent'");
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({"OFF, off", "TEMPORARY, temporary", "PERMANENT, permanent"})
    void hasModMdsJsonValues(RequireHttps mode, String json) {
        assertThat(mode.jsonValue()).isEqualTo(json);
    }
}
