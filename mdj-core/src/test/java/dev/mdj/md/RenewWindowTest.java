package dev.mdj.md;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RenewWindowTest {

    private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant UNTIL = FROM.plus(Duration.ofDays(90));

    @ParameterizedTest(name = "{0} is {1}%")
    @CsvSource({"33%, 33", "0%, 0", "99%, 99", "+5%, 5", "-0%, 0", "007%, 7"})
    void parsesPercentages(String text, int expected) {
        RenewWindow window = RenewWindow.parse(text);

        assertThat(window.isPercent()).isTrue();
        assertThat(window.percent()).hasValue(expected);
        assertThat(window.length()).isEmpty();
        assertThat(window).isEqualTo(RenewWindow.ofPercent(expected));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({"21d, P21D", "21, P21D", "12h, PT12H", "30mi, PT30M", "0, PT0S"})
    void parsesLengthsWithDaysAsDefaultUnit(String text, Duration expected) {
        RenewWindow window = RenewWindow.parse(text);

        assertThat(window.isPercent()).isFalse();
        assertThat(window.length()).contains(expected);
        assertThat(window.percent()).isEmpty();
        assertThat(window).isEqualTo(RenewWindow.ofLength(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-5%", "-1%", "-99999999999%"})
    void rejectsNegativePercentages(String text) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RenewWindow.parse(text))
                .withMessage("percent must not be negative: '" + text + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"100%", "250%", "99999999999999%"})
    void rejectsPercentagesOfHundredOrMore(String text) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RenewWindow.parse(text))
                .withMessage("a length of 100% or more is not allowed.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1d", "-1", "-5h"})
    void rejectsNegativeLengths(String text) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RenewWindow.parse(text))
                .withMessage("'" + text + "' must not be negative");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "%", "5.5%", "5%%", "x%", "1y", "1 d"})
    void rejectsUnrecognizedFormats(String text) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RenewWindow.parse(text))
                .withMessage("'" + text + "' has unrecognized format");
    }

    @Test
    void factoriesValidateLikeParse() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RenewWindow.ofPercent(100))
                .withMessage("a length of 100% or more is not allowed.");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RenewWindow.ofPercent(-1))
                .withMessage("percent must not be negative: '-1%'");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RenewWindow.ofLength(Duration.ofDays(-1)))
                .withMessage("'-1d' must not be negative");
    }

    @Test
    void requiresExactlyOneForm() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RenewWindow(OptionalInt.empty(), Optional.empty()))
                .withMessage("a renew window is either a percentage or a length");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RenewWindow(OptionalInt.of(33), Optional.of(Duration.ofDays(1))))
                .withMessage("a renew window is either a percentage or a length");
    }

    @Test
    void percentageLengthIsTheShareOfTheLifetime() {
        RenewWindow window = RenewWindow.ofPercent(33);

        assertThat(window.lengthFor(FROM, UNTIL)).isEqualTo(Duration.ofHours(712).plusMinutes(48));
        assertThat(window.startIn(FROM, UNTIL)).isEqualTo(UNTIL.minus(Duration.ofHours(712).plusMinutes(48)));
    }

    @Test
    void percentageOfALifetimeOverHundredSecondsIsWholeSecondsAsModMd() {
        // a-basic's certificate: 89d 23:59:59; 33% is 2566079.67 s, mod_md takes 2566079 s
        Instant until = FROM.plus(Duration.ofDays(90)).minusSeconds(1);

        assertThat(RenewWindow.ofPercent(33).lengthFor(FROM, until)).isEqualTo(Duration.ofSeconds(2_566_079));
    }

    @Test
    void percentageOfASubSecondLifetimeKeepsMilliseconds() {
        Instant until = FROM.plusMillis(1000);

        assertThat(RenewWindow.ofPercent(50).lengthFor(FROM, until)).isEqualTo(Duration.ofMillis(500));
    }

    @ParameterizedTest(name = "lifetime {0}")
    @ValueSource(strings = {"PT0S", "-P1D"})
    void percentageOfANonPositiveLifetimeIsZero(Duration lifetime) {
        RenewWindow window = RenewWindow.ofPercent(33);
        Instant until = FROM.plus(lifetime);

        assertThat(window.lengthFor(FROM, until)).isZero();
        assertThat(window.startIn(FROM, until)).isEqualTo(until);
    }

    @Test
    void zeroPercentOpensAtTheEnd() {
        assertThat(RenewWindow.ofPercent(0).startIn(FROM, UNTIL)).isEqualTo(UNTIL);
    }

    @Test
    void absoluteLengthIgnoresTheLifetime() {
        RenewWindow window = RenewWindow.ofLength(Duration.ofDays(21));

        assertThat(window.lengthFor(FROM, UNTIL)).isEqualTo(Duration.ofDays(21));
        assertThat(window.lengthFor(FROM, FROM)).isEqualTo(Duration.ofDays(21));
        assertThat(window.startIn(FROM, UNTIL)).isEqualTo(Instant.parse("2026-03-11T00:00:00Z"));
    }

    @ParameterizedTest(name = "{0} is formatted as {1}")
    @CsvSource({"33%, 33%", "+5%, 5%", "21, 21d", "504h, 21d", "36h, 36h", "0, 0"})
    void formatsTheConfigurationForm(String text, String expected) {
        RenewWindow window = RenewWindow.parse(text);

        assertThat(window.format()).isEqualTo(expected);
        assertThat(window).hasToString(expected);
    }
}
