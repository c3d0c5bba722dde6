package dev.mdj.md;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StoreLocksTest {

    @Test
    void defaultIsOffWithAFiveSecondWait() {
        assertThat(StoreLocks.DEFAULT).isEqualTo(new StoreLocks(false, Duration.ofSeconds(5)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"on", "ON", "On"})
    void onUsesTheDefaultWait(String text) {
        assertThat(StoreLocks.parse(text)).isEqualTo(new StoreLocks(true, Duration.ofSeconds(5)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"off", "OFF", "0", "0s", "-0"})
    void offAndZeroAreTheDefault(String text) {
        assertThat(StoreLocks.parse(text)).isEqualTo(StoreLocks.DEFAULT);
    }

    @ParameterizedTest(name = "{0} waits {1}")
    @CsvSource({"10, PT10S", "10s, PT10S", "2mi, PT2M", "500ms, PT0.5S", "1h, PT1H"})
    void aPositiveWaitSwitchesLocksOn(String text, Duration wait) {
        assertThat(StoreLocks.parse(text)).isEqualTo(new StoreLocks(true, wait));
    }

    @Test
    void rejectsNegativeWaits() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> StoreLocks.parse("-1"))
                .withMessage("'-1' must not be negative");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yes", "5m", "1.5s"})
    void rejectsUnrecognizedValues(String text) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> StoreLocks.parse(text))
                .withMessage("'" + text + "' has unrecognized format");
    }

    @ParameterizedTest
    @CsvSource({"PT0S, 0", "PT-1S, -1s"})
    void constructorRejectsWaitsThatAreNotPositive(Duration wait, String shown) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new StoreLocks(true, wait))
                .withMessage("the wait for store locks must be positive, not '" + shown + "'");
    }
}
