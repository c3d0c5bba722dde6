package dev.mdj.renew;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdj.md.MdSetting;
import dev.mdj.md.RenewWindow;
import dev.mdj.md.Settings;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RenewalTimingTest {

    private static final Instant FROM = Instant.parse("2026-11-23T09:17:01Z");
    private static final Instant UNTIL = FROM.plus(Duration.ofDays(90));
    private static final X509Certificate CERT = TestLeafs.leaf(FROM, UNTIL, "example.org");
    private static final RenewWindow PERCENT_33 = RenewWindow.ofPercent(33);
    private static final RenewWindow PERCENT_10 = RenewWindow.ofPercent(10);

    @Test
    void renewAtIsNotAfterMinusTheWindow() {
        RenewalTiming timing = new RenewalTiming(List.of(CERT), PERCENT_33, PERCENT_10);

        // 33% of 90 days is 29.7 days
        assertThat(timing.renewAt()).contains(UNTIL.minus(Duration.ofHours(29 * 24 + 16).plusMinutes(48)));
    }

    @Test
    void anAbsoluteWindowIsTakenAsIs() {
        RenewalTiming timing = new RenewalTiming(List.of(CERT), RenewWindow.ofLength(Duration.ofDays(21)), PERCENT_10);

        assertThat(timing.renewAt()).contains(UNTIL.minus(Duration.ofDays(21)));
    }

    @Test
    void theEarliestCertificateDecides() {
        X509Certificate shortLived = TestLeafs.leaf(FROM, FROM.plus(Duration.ofDays(6)), "example.org");
        RenewalTiming timing = new RenewalTiming(List.of(CERT, shortLived), PERCENT_33, PERCENT_10);

        // 6 days − 33% = 4.02 days
        assertThat(timing.renewAt()).contains(FROM.plus(Duration.ofSeconds(347_328)));
    }

    @Test
    void noCertificateNoRenewAt() {
        assertThat(new RenewalTiming(List.of(), PERCENT_33, PERCENT_10).renewAt()).isEmpty();
    }

    @Test
    void takesTheWindowsFromTheDomain() {
        var md = Mds.md(Settings.empty().with(MdSetting.RENEW_WINDOW, RenewWindow.ofLength(Duration.ofDays(30))),
                "example.org");

        RenewalTiming timing = RenewalTiming.of(md, List.of(CERT));

        assertThat(timing.renewAt()).contains(UNTIL.minus(Duration.ofDays(30)));
        assertThat(timing.warnWindow()).isEqualTo(PERCENT_10);
    }

    @Test
    void warnWindowOpensAtItsStart() {
        RenewalTiming timing = new RenewalTiming(List.of(CERT), PERCENT_33, PERCENT_10);
        Instant warnStart = UNTIL.minus(Duration.ofDays(9));

        assertThat(timing.inWarnWindow(warnStart.minusSeconds(1))).isFalse();
        assertThat(timing.inWarnWindow(warnStart)).isTrue();
        assertThat(timing.inWarnWindow(UNTIL.plusSeconds(1))).isTrue();
        assertThat(new RenewalTiming(List.of(), PERCENT_33, PERCENT_10).inWarnWindow(UNTIL)).isFalse();
    }

    @Test
    void ariPickRunsFromHalfAWindowBeforeStartToItsMiddle() {
        Instant start = Instant.parse("2027-01-10T00:00:00Z");
        Instant end = start.plus(Duration.ofDays(2));

        assertThat(RenewalTiming.ariPick(start, end, FixedByte.LOWEST)).isEqualTo(start.minus(Duration.ofDays(1)));
        assertThat(RenewalTiming.ariPick(start, end, FixedByte.MIDDLE)).isEqualTo(start);
        assertThat(RenewalTiming.ariPick(start, end, FixedByte.HIGHEST))
                .isEqualTo(start.plus(Duration.ofDays(1)).minus(Duration.ofDays(2).dividedBy(256)));
    }

    @Test
    void ariCountsOnlyIfNotLaterThanRenewAtAndWithinADay() {
        RenewalTiming timing = new RenewalTiming(List.of(CERT), RenewWindow.ofLength(Duration.ofDays(30)), PERCENT_10);
        Instant renewAt = UNTIL.minus(Duration.ofDays(30));
        Instant now = renewAt.minus(Duration.ofDays(10));

        assertThat(timing.ariCounts(now.minusSeconds(5), now)).contains(now.minusSeconds(5));
        assertThat(timing.ariCounts(now.plus(Duration.ofHours(23)), now)).contains(now.plus(Duration.ofHours(23)));
        assertThat(timing.ariCounts(now.plus(Duration.ofDays(1)), now)).isEmpty();
        // later than renew-at: the own window is earlier, ARI does not count
        Instant lateNow = renewAt.minus(Duration.ofHours(2));
        assertThat(timing.ariCounts(renewAt.plusSeconds(1), lateNow)).isEmpty();
        assertThat(timing.ariCounts(renewAt, lateNow)).contains(renewAt);
    }
}
