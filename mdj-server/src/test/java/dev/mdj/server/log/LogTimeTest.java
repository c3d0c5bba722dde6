package dev.mdj.server.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** mod_log_config's %{format}t as strftime writes it. */
class LogTimeTest {

    private static String strftime(String format, ZonedDateTime time) {
        StringBuilder line = new StringBuilder();
        LogTime.strftime(line, format, time);
        return line.toString();
    }

    @Test
    void numbersArePaddedAsStrftimePadsThem() {
        ZonedDateTime time = ZonedDateTime.of(2026, 1, 5, 7, 3, 9, 0, ZoneOffset.ofHours(1));
        assertThat(strftime("%j|%y|%m|%d|%e|%H:%M:%S|%I %p|%z|%%", time))
                .isEqualTo("005|26|01|05| 5|07:03:09|07 AM|+0100|%");
        assertThat(strftime("%j %z", time.withDayOfYear(300).withZoneSameLocal(ZoneOffset.ofHoursMinutes(-5, -30))))
                .isEqualTo("300 -0530");
    }
}
