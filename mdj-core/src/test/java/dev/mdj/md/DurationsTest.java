package dev.mdj.md;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @ParameterizedTest(name = "{0} with default {1} is {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            14d       | SECONDS | PT336H
            14D       | SECONDS | PT336H
            14days    | SECONDS | PT336H
            6h        | DAYS    | PT6H
            6Hours    | DAYS    | PT6H
            30mi      | DAYS    | PT30M
            30MI      | DAYS    | PT30M
            30min     | DAYS    | PT30M
            5minutes  | DAYS    | PT5M
            30s       | DAYS    | PT30S
            30S       | DAYS    | PT30S
            30sec     | DAYS    | PT30S
            500ms     | DAYS    | PT0.5S
            500MS     | DAYS    | PT0.5S
            500msec   | DAYS    | PT0.5S
            7         | DAYS    | PT168H
            7         | HOURS   | PT7H
            7         | MINUTES | PT7M
            7         | SECONDS | PT7S
            7         | MILLIS  | PT0.007S
            007s      | DAYS    | PT7S
            0         | DAYS    | PT0S
            +2h       | DAYS    | PT2H
            -1d       | DAYS    | PT-24H
            -90       | SECONDS | PT-1M-30S
            """)
    void parsesNumberAndUnit(String text, ChronoUnit defaultUnit, Duration expected) {
        assertThat(Durations.parse(text, defaultUnit)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "''{0}'' is rejected")
    @ValueSource(strings = {"", "d", "-", "+", "x", "1y", "1w", "5m", "5M", "1.5d", " 1d", "1 d", "d1", "--1d",
        "99999999999999999999", "9223372036854775807d", "-9223372036854775808h"})
    void rejectsUnrecognizedFormats(String text) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Durations.parse(text, ChronoUnit.DAYS))
                .withMessage("'" + text + "' has unrecognized format");
    }

    @Test
    void acceptsTheLargestMillisecondCount() {
        assertThat(Durations.parse("9223372036854775807ms", ChronoUnit.DAYS))
                .isEqualTo(Duration.ofMillis(Long.MAX_VALUE));
    }

    @Test
    void rejectsDefaultUnitsModMdDoesNotHave() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Durations.parse("1", ChronoUnit.WEEKS))
                .withMessage("mod_md durations have no unit Weeks");
    }

    @ParameterizedTest
    @CsvSource({"0, PT0S", "-0, PT0S", "3h, PT3H"})
    void parseNonNegativeAcceptsZeroAndPositive(String text, Duration expected) {
        assertThat(Durations.parseNonNegative(text, ChronoUnit.DAYS)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "-1ms", "-3d"})
    void parseNonNegativeRejectsNegative(String text) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Durations.parseNonNegative(text, ChronoUnit.DAYS))
                .withMessage("'" + text + "' must not be negative");
    }

    @Test
    void parseNonNegativeStillRejectsUnrecognizedFormats() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Durations.parseNonNegative("-1y", ChronoUnit.DAYS))
                .withMessage("'-1y' has unrecognized format");
    }

    @ParameterizedTest(name = "{0} is formatted as {1}")
    @CsvSource(delimiter = '|', textBlock = """
            P14D         | 14d
            P400D        | 400d
            PT6H         | 6h
            PT25H        | 25h
            PT30M        | 30mi
            PT90M        | 90mi
            PT30S        | 30s
            PT90S        | 90s
            PT0.5S       | 500ms
            PT1.5S       | 1500ms
            PT0S         | 0
            -P1D         | -1d
            PT-6H        | -6h
            PT-0.25S     | -250ms
            PT0.0015S    | 1ms
            PT-0.0015S   | -1ms
            PT0.0005S    | 0
            """)
    void formatsInTheLargestExactUnit(Duration duration, String expected) {
        assertThat(Durations.format(duration)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"14d", "6h", "30mi", "30s", "500ms", "-1d", "0"})
    void formatIsTheInverseOfParseForCanonicalForms(String text) {
        assertThat(Durations.format(Durations.parse(text, ChronoUnit.DAYS))).isEqualTo(text);
    }
}
