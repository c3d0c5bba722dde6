package dev.mdj.renew;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class HourlyWarningsTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void theFirstOfEachKindInAnHourIsWarnedAbout() {
        HourlyWarnings<String> warnings = new HourlyWarnings<>();
        assertThat(warnings.warnNow("ca-1", T0)).isTrue();
        assertThat(warnings.warnNow("ca-1", T0.plusSeconds(1))).isFalse();
        assertThat(warnings.warnNow("ca-2", T0.plusSeconds(2))).as("another kind").isTrue();
        assertThat(warnings.warnNow("ca-1", T0.plus(HourlyWarnings.EVERY).minusSeconds(1))).isFalse();
        assertThat(warnings.warnNow("ca-1", T0.plus(HourlyWarnings.EVERY))).isTrue();
        assertThat(warnings.warnNow("ca-1", T0.plus(HourlyWarnings.EVERY).plusSeconds(1))).isFalse();
    }
}
