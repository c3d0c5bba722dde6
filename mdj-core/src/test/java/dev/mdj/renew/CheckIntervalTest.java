package dev.mdj.renew;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CheckIntervalTest {

    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
    private static final Duration TWELVE_HOURS = Duration.ofHours(12);

    @Test
    void twelveHoursBecomeSixToEighteen() {
        assertThat(CheckInterval.nextCheck(NOW, TWELVE_HOURS, FixedByte.LOWEST)).isEqualTo(NOW.plus(Duration.ofHours(6)));
        assertThat(CheckInterval.nextCheck(NOW, TWELVE_HOURS, FixedByte.MIDDLE)).isEqualTo(NOW.plus(TWELVE_HOURS));
        assertThat(CheckInterval.nextCheck(NOW, TWELVE_HOURS, FixedByte.HIGHEST))
                .isEqualTo(NOW.plus(Duration.ofHours(18)).minus(TWELVE_HOURS.dividedBy(256)));
    }

    @Test
    void keepsSubSecondPrecision() {
        assertThat(CheckInterval.nextCheck(NOW, Duration.ofSeconds(1), new FixedByte(129)))
                .isEqualTo(NOW.plus(Duration.ofSeconds(1)).plus(Duration.ofNanos(3_906_250)));
    }
}
