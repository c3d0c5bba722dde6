package dev.mdj.store.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class StoreTimeTest {

    @Test
    void formatsLikeAprRfc822Date() {
        assertThat(StoreTime.format(Instant.parse("2026-11-23T09:17:01Z")))
                .isEqualTo("Mon, 23 Nov 2026 09:17:01 GMT");
    }

    @Test
    void dayOfMonthAlwaysHasTwoDigits() {
        assertThat(StoreTime.format(Instant.parse("2026-11-03T09:07:05Z")))
                .isEqualTo("Tue, 03 Nov 2026 09:07:05 GMT");
    }

    @Test
    void truncatesToSeconds() {
        assertThat(StoreTime.format(Instant.parse("2026-01-01T00:00:00.999Z")))
                .isEqualTo("Thu, 01 Jan 2026 00:00:00 GMT");
    }

    @Test
    void formatsAsThePatternFormatterForAnyYear() {
        DateTimeFormatter pattern = DateTimeFormatter.ofPattern("EEE, dd MMM uuuu HH:mm:ss 'GMT'", Locale.ENGLISH)
                .withZone(ZoneOffset.UTC);
        Random random = new Random(6);
        for (int i = 0; i < 10_000; i++) {
            Instant t = Instant.ofEpochSecond(random.nextLong(-70_000_000_000L, 300_000_000_000L), random.nextInt(1_000_000_000));
            assertThat(StoreTime.format(t)).as("%s", t).isEqualTo(pattern.format(t.truncatedTo(ChronoUnit.SECONDS)));
        }
        assertThat(StoreTime.format(Instant.parse("0001-01-01T00:00:00Z"))).isEqualTo("Mon, 01 Jan 0001 00:00:00 GMT");
        assertThat(StoreTime.format(Instant.parse("+10000-01-01T00:00:00Z"))).isEqualTo("Sat, 01 Jan +10000 00:00:00 GMT");
    }

    @Test
    void parsesWhatItFormats() {
        Instant t = Instant.parse("2026-02-09T23:59:58Z");
        assertThat(StoreTime.parse(StoreTime.format(t))).isEqualTo(t);
    }

    @Test
    void parsesSingleDigitDayAndNumericOffset() {
        Instant expected = Instant.parse("2026-11-03T09:17:01Z");
        assertThat(StoreTime.parse("Tue, 3 Nov 2026 09:17:01 GMT")).isEqualTo(expected);
        assertThat(StoreTime.parse("Tue, 03 Nov 2026 09:17:01 +0000")).isEqualTo(expected);
        assertThat(StoreTime.parse("Tue, 03 Nov 2026 10:17:01 +0100")).isEqualTo(expected);
    }

    @Test
    void refusesOtherFormatsClearly() {
        assertThatThrownBy(() -> StoreTime.parse("2026-11-03T09:17:01Z"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an RFC 1123 date: '2026-11-03T09:17:01Z'");
        assertThatThrownBy(() -> StoreTime.parse(""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void periodRoundTrip() {
        StoreTime.Period period = new StoreTime.Period(Instant.parse("2026-11-23T09:17:01Z"),
                Instant.parse("2027-02-21T09:17:00Z"));
        ObjectNode json = period.toJson();
        assertThat(JsonFiles.write(json)).isEqualTo("""
                {
                  "from": "Mon, 23 Nov 2026 09:17:01 GMT",
                  "until": "Sun, 21 Feb 2027 09:17:00 GMT"
                }""");
        assertThat(StoreTime.Period.parse(json)).isEqualTo(period);
    }

    @Test
    void periodNeedsBothEnds() {
        assertThatThrownBy(() -> StoreTime.Period.parse(JsonFiles.readObject("{\"from\": \"x\"}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'from' and 'until'");
    }
}
