package dev.mdj.renew;

import dev.mdj.md.ManagedDomain;
import dev.mdj.md.MdSetting;
import dev.mdj.md.RenewMode;
import dev.mdj.renew.RenewDecision.Reason;
import dev.mdj.store.json.StoreTime;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides whether and when a managed domain is renewed (mod_md's {@code md_will_renew_cert},
 * the watchdog's {@code watched} flag and {@code md_reg_should_renew}, plus the ARI check). The
 * rules, first match wins:
 * <ol>
 *   <li>MDRenewMode manual: never;
 *   <li>certificates from MDCertificateFile: only with MDRenewMode always;
 *   <li>no virtual host uses the domain and MDRenewMode is auto: never;
 *   <li>incomplete (a certificate missing, not covering all names, must-staple mismatch): now;
 *   <li>MDStapling on and OCSP reports a certificate revoked: now;
 *   <li>the first certificate's renew window has opened: now;
 *   <li>the CA's ARI pick counts ({@link RenewalTiming#ariCounts}): at that time;
 *   <li>else when the renew window opens.
 * </ol>
 * A decision for a time in the future is re-made at every check; a domain is driven at its
 * {@link RenewDecision#at()} or at the next regular check, whichever comes first.
 */
public final class RenewPolicy {

    private RenewPolicy() {
    }

    /**
     * The decision for {@code md} at {@code now}.
     *
     * @param used whether a virtual host uses the domain
     * @param assessment the domain's state and certificates ({@link MdStateEvaluator})
     * @param revoked whether OCSP reports any of its certificates revoked
     * @param ariPick the earliest {@link RenewalTiming#ariPick} over its certificates, when
     *     MDRenewViaARI is on and the CA offers renewal information
     * @param now the current time
     */
    public static RenewDecision decide(ManagedDomain md, boolean used, MdAssessment assessment, boolean revoked,
            Optional<Instant> ariPick, Instant now) {
        Objects.requireNonNull(md, "md");
        Objects.requireNonNull(assessment, "assessment");
        Objects.requireNonNull(ariPick, "ariPick");
        Objects.requireNonNull(now, "now");
        RenewMode mode = md.get(MdSetting.RENEW_MODE);
        if (mode == RenewMode.MANUAL) {
            return never(Reason.MANUAL_MODE, "MDRenewMode manual");
        }
        if (md.hasStaticCertificates() && mode != RenewMode.ALWAYS) {
            return never(Reason.STATIC_FILES, "certificates from MDCertificateFile, MDRenewMode is not 'always'");
        }
        if (!used && mode == RenewMode.AUTO) {
            return never(Reason.UNUSED, "no virtual host uses it and MDRenewMode is auto");
        }
        if (!assessment.isComplete()) {
            return new RenewDecision(Reason.INCOMPLETE, Optional.of(now),
                    assessment.description().orElseThrow());
        }
        if (revoked && md.get(MdSetting.STAPLING)) {
            return new RenewDecision(Reason.REVOKED, Optional.of(now), "OCSP reports a certificate revoked");
        }
        RenewalTiming timing = RenewalTiming.of(md, assessment.certificates());
        Instant renewAt = timing.renewAt().orElse(now);
        String window = "renewal window (" + timing.renewWindow().format() + ")";
        if (!renewAt.isAfter(now)) {
            return new RenewDecision(Reason.WINDOW_OPEN, Optional.of(now),
                    window + " opened " + StoreTime.format(renewAt));
        }
        Optional<Instant> ari = ariPick.flatMap(pick -> timing.ariCounts(pick, now));
        if (ari.isPresent()) {
            Instant at = ari.get().isAfter(now) ? ari.get() : now;
            return new RenewDecision(Reason.ARI, Optional.of(at),
                    "the CA suggests renewal (ARI) at " + StoreTime.format(ari.get()));
        }
        return new RenewDecision(Reason.WINDOW_PENDING, Optional.of(renewAt),
                window + " opens " + StoreTime.format(renewAt));
    }

    private static RenewDecision never(Reason reason, String description) {
        return new RenewDecision(reason, Optional.empty(), description);
    }
}
