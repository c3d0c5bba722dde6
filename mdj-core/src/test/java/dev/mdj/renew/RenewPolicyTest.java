package dev.mdj.renew;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdj.md.ManagedDomain;
import dev.mdj.md.MdSetting;
import dev.mdj.md.RenewMode;
import dev.mdj.md.Settings;
import dev.mdj.renew.RenewDecision.Reason;
import dev.mdj.store.json.MdState;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RenewPolicyTest {

    private static final Instant FROM = Instant.parse("2026-11-23T09:17:01Z");
    private static final Instant UNTIL = FROM.plus(Duration.ofDays(90));
    /** 33% of 90 days before the end. */
    private static final Instant RENEW_AT = Instant.parse("2027-01-22T16:29:01Z");
    private static final X509Certificate CERT = TestLeafs.leaf(FROM, UNTIL, "example.org");
    private static final MdAssessment COMPLETE = new MdAssessment(MdState.COMPLETE, Optional.empty(), List.of(CERT));
    private static final MdAssessment MISSING = new MdAssessment(MdState.INCOMPLETE,
            Optional.of("certificate(rsa) is missing"), List.of());
    private static final ManagedDomain AUTO = Mds.md("example.org");
    private static final Instant BEFORE_WINDOW = FROM.plus(Duration.ofDays(10));

    @Test
    void manualModeNeverRenews() {
        RenewDecision decision = decide(withMode(RenewMode.MANUAL), true, MISSING, BEFORE_WINDOW);

        assertThat(decision.reason()).isEqualTo(Reason.MANUAL_MODE);
        assertThat(decision.renews()).isFalse();
        assertThat(decision.isDue(BEFORE_WINDOW)).isFalse();
        assertThat(decision.description()).isEqualTo("MDRenewMode manual");
    }

    @Test
    void staticFilesRenewOnlyWithAlways() {
        Settings files = Settings.empty().with(MdSetting.CERTIFICATE_FILES, List.of(Path.of("/etc/ssl/a.pem")));
        ManagedDomain auto = Mds.md(files, "example.org");
        ManagedDomain always = Mds.md(files.with(MdSetting.RENEW_MODE, RenewMode.ALWAYS), "example.org");

        assertThat(decide(auto, true, MISSING, BEFORE_WINDOW).reason()).isEqualTo(Reason.STATIC_FILES);
        assertThat(decide(auto, true, MISSING, BEFORE_WINDOW).renews()).isFalse();
        assertThat(decide(always, true, MISSING, BEFORE_WINDOW).reason()).isEqualTo(Reason.INCOMPLETE);
    }

    @Test
    void anUnusedDomainRenewsOnlyWithAlways() {
        assertThat(decide(AUTO, false, MISSING, BEFORE_WINDOW).reason()).isEqualTo(Reason.UNUSED);
        assertThat(decide(AUTO, false, MISSING, BEFORE_WINDOW).renews()).isFalse();
        assertThat(decide(withMode(RenewMode.ALWAYS), false, MISSING, BEFORE_WINDOW).isDue(BEFORE_WINDOW)).isTrue();
    }

    @Test
    void incompleteIsDueNowWithTheStateDescription() {
        RenewDecision decision = decide(AUTO, true, MISSING, BEFORE_WINDOW);

        assertThat(decision.reason()).isEqualTo(Reason.INCOMPLETE);
        assertThat(decision.at()).contains(BEFORE_WINDOW);
        assertThat(decision.isDue(BEFORE_WINDOW)).isTrue();
        assertThat(decision.description()).isEqualTo("certificate(rsa) is missing");
    }

    @Test
    void revokedIsDueNowOnlyWithStapling() {
        ManagedDomain stapling = Mds.md(Settings.empty().with(MdSetting.STAPLING, true), "example.org");

        RenewDecision decision = RenewPolicy.decide(stapling, true, COMPLETE, true, Optional.empty(), BEFORE_WINDOW);

        assertThat(decision.reason()).isEqualTo(Reason.REVOKED);
        assertThat(decision.isDue(BEFORE_WINDOW)).isTrue();
        assertThat(RenewPolicy.decide(AUTO, true, COMPLETE, true, Optional.empty(), BEFORE_WINDOW).reason())
                .isEqualTo(Reason.WINDOW_PENDING);
    }

    @Test
    void beforeTheWindowItIsDueWhenTheWindowOpens() {
        RenewDecision decision = decide(AUTO, true, COMPLETE, BEFORE_WINDOW);

        assertThat(decision.reason()).isEqualTo(Reason.WINDOW_PENDING);
        assertThat(decision.at()).contains(RENEW_AT);
        assertThat(decision.isDue(BEFORE_WINDOW)).isFalse();
        assertThat(decision.isDue(RENEW_AT)).isTrue();
        assertThat(decision.description()).isEqualTo("renewal window (33%) opens Fri, 22 Jan 2027 16:29:01 GMT");
    }

    @Test
    void inTheWindowItIsDueNow() {
        Instant now = RENEW_AT.plusSeconds(1);

        RenewDecision decision = decide(AUTO, true, COMPLETE, now);

        assertThat(decision.reason()).isEqualTo(Reason.WINDOW_OPEN);
        assertThat(decision.at()).contains(now);
        assertThat(decision.description()).isEqualTo("renewal window (33%) opened Fri, 22 Jan 2027 16:29:01 GMT");
    }

    @Test
    void anAriPickInThePastRenewsNow() {
        RenewDecision decision = RenewPolicy.decide(AUTO, true, COMPLETE, false,
                Optional.of(BEFORE_WINDOW.minusSeconds(60)), BEFORE_WINDOW);

        assertThat(decision.reason()).isEqualTo(Reason.ARI);
        assertThat(decision.at()).contains(BEFORE_WINDOW);
        assertThat(decision.description()).isEqualTo("the CA suggests renewal (ARI) at Thu, 03 Dec 2026 09:16:01 GMT");
    }

    @Test
    void anAriPickWithinADayIsWhenToRun() {
        Instant pick = BEFORE_WINDOW.plus(Duration.ofHours(5));

        RenewDecision decision = RenewPolicy.decide(AUTO, true, COMPLETE, false, Optional.of(pick), BEFORE_WINDOW);

        assertThat(decision.reason()).isEqualTo(Reason.ARI);
        assertThat(decision.at()).contains(pick);
        assertThat(decision.isDue(BEFORE_WINDOW)).isFalse();
    }

    @Test
    void anAriPickFurtherAwayOrAfterTheWindowIsIgnored() {
        Instant farAway = BEFORE_WINDOW.plus(Duration.ofDays(2));
        Instant justBefore = RENEW_AT.minus(Duration.ofHours(1));

        assertThat(RenewPolicy.decide(AUTO, true, COMPLETE, false, Optional.of(farAway), BEFORE_WINDOW).reason())
                .isEqualTo(Reason.WINDOW_PENDING);
        assertThat(RenewPolicy.decide(AUTO, true, COMPLETE, false, Optional.of(RENEW_AT.plusSeconds(1)), justBefore)
                .at()).contains(RENEW_AT);
    }

    private static RenewDecision decide(ManagedDomain md, boolean used, MdAssessment assessment, Instant now) {
        return RenewPolicy.decide(md, used, assessment, false, Optional.empty(), now);
    }

    private static ManagedDomain withMode(RenewMode mode) {
        return Mds.md(Settings.empty().with(MdSetting.RENEW_MODE, mode), "example.org");
    }
}
