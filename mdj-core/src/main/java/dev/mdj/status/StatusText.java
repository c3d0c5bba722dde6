package dev.mdj.status;

import dev.mdj.ocsp.OcspStatus;
import dev.mdj.md.CertificateAuthorities;
import dev.mdj.md.CertificateCheck;
import dev.mdj.md.RenewMode;
import dev.mdj.renew.StatusCodes;
import dev.mdj.store.json.JobJson;
import dev.mdj.store.json.JobResult;
import dev.mdj.store.json.MdJson;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * What mod_md adds to {@code server-status?auto}: the {@code ManagedCertificates*} counts, one
 * block of {@code ManagedDomain[i]…} lines per managed domain (sorted by name) and the
 * {@code ManagedStaplings*} counts, with mod_md 2.6's keys, order and value formats.
 *
 * <p>Two of mod_md's slips are not copied: its {@code …Activity: Pending} and
 * {@code …Activity: Manual renew} lines end without a newline (running into the next key), and
 * mdj ends them; its {@code …Retries} line never appears (it reads the error count from the wrong
 * object), and mdj leaves it out too.
 */
public final class StatusText {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private StatusText() {
    }

    /**
     * The lines mod_md writes for {@code domains} at {@code now}. Of mod_md's stapling counts,
     * {@code Renew} counts revoked responses and {@code Errored} certificates without a response
     * (mod_md's own, odd, mapping).
     */
    public static String managedCertificates(List<MdStatus> domains, CertificateCheck check, Instant now) {
        StringBuilder out = new StringBuilder();
        StatusCounts counts = StatusCounts.of(domains);
        line(out, "ManagedCertificatesTotal", counts.total());
        line(out, "ManagedCertificatesOK", counts.ok());
        line(out, "ManagedCertificatesRenew", counts.renew());
        line(out, "ManagedCertificatesErrored", counts.errored());
        line(out, "ManagedCertificatesReady", counts.ready());
        for (int i = 0; i < domains.size(); i++) {
            domain(out, "ManagedDomain[" + i + "]", domains.get(i), check, now);
        }
        List<Stapled> staplings = Stapled.of(domains);
        line(out, "ManagedStaplingsTotal", staplings.size());
        line(out, "ManagedStaplingsOK", Stapled.count(staplings, OcspStatus.GOOD));
        line(out, "ManagedStaplingsRenew", Stapled.count(staplings, OcspStatus.REVOKED));
        line(out, "ManagedStaplingsErrored", Stapled.count(staplings, OcspStatus.UNKNOWN));
        for (int i = 0; i < staplings.size(); i++) {
            stapling(out, "ManagedStapling[" + i + "]", staplings.get(i), now);
        }
        return out.toString();
    }

    private static void stapling(StringBuilder out, String prefix, Stapled stapled, Instant now) {
        OcspState state = stapled.state();
        line(out, prefix + "Domain", stapled.domain());
        line(out, prefix + "CertificateID", state.certificateId());
        line(out, prefix + "OCSPStatus", state.status().word());
        state.valid().ifPresent(valid -> {
            if (valid.from().isAfter(now)) {
                line(out, prefix + "StaplingValidFrom", DAY.format(valid.from()));
            }
            line(out, prefix + "StaplingValidUntil", DAY.format(valid.until()));
        });
        state.responder().ifPresent(url -> {
            line(out, prefix + "ResponderName", url.getHost());
            line(out, prefix + "ResponderURL", url);
        });
        state.renewal().ifPresent(job -> {
            JobResult last = job.last().orElse(JobResult.ok());
            if (last.status() != 0) {
                line(out, prefix + "ActivityLastStatus", StatusCodes.describe(last.status()));
                last.detail().ifPresent(detail -> line(out, prefix + "ActivityLastDetail", detail));
            }
            job.nextRun().filter(now::isBefore).ifPresent(at -> line(out, prefix + "ActivityRefresh", seconds(now, at)));
        });
    }

    private static void domain(StringBuilder out, String prefix, MdStatus status, CertificateCheck check, Instant now) {
        MdJson md = status.md();
        line(out, prefix + "Domain", md.name());
        for (int j = 0; j < md.domains().size(); j++) {
            line(out, prefix + "Names[" + j + "]", md.domains().get(j));
        }
        line(out, prefix + "Status", status.stateText(now));
        status.certificates().valid().ifPresent(valid -> {
            if (valid.from().isAfter(now)) {
                line(out, prefix + "ValidFrom", DAY.format(valid.from()));
            }
            line(out, prefix + "ValidUntil", DAY.format(valid.until()));
        });
        certificateAuthority(out, prefix + "CA", md);
        if (md.stapling()) {
            line(out, prefix + "Stapling", "on");
        }
        status.certificates().byKey().forEach((key, info) -> {
            line(out, prefix + "CheckAtType", key);
            line(out, prefix + "CheckAtName", check.name());
            line(out, prefix + "CheckAtURL", check.urlPrefix() + info.sha256Fingerprint());
            line(out, prefix + "CheckAtFingerprint", info.sha256Fingerprint());
        });
        activity(out, prefix + "Activity", status, now);
    }

    /** The CA in use, else every configured one ({@code CAName}, {@code CAName1}, …). */
    private static void certificateAuthority(StringBuilder out, String prefix, MdJson md) {
        List<String> urls = md.caUrl().map(List::of).orElse(md.caUrls());
        for (int i = 0; i < urls.size(); i++) {
            String suffix = i == 0 ? "" : Integer.toString(i);
            line(out, prefix + "Name" + suffix, caName(md, urls.get(i)));
            line(out, prefix + "URL" + suffix, urls.get(i));
        }
    }

    /** mod_md's short name of a CA: the known name, else the host of its URL. */
    public static String caName(MdJson md, String url) {
        if (md.caProto().filter("tailscale"::equals).isPresent()) {
            return "tailscale";
        }
        try {
            return CertificateAuthorities.displayName(URI.create(url));
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    private static void activity(StringBuilder out, String prefix, MdStatus status, Instant now) {
        Optional<JobJson> renewal = status.renewal();
        if (renewal.isPresent()) {
            JobJson job = renewal.get();
            JobResult last = job.last().orElse(JobResult.ok());
            if (last.status() != 0) {
                line(out, prefix + "LastStatus", StatusCodes.describe(last.status()));
                line(out, prefix + "LastProblem", last.problem().orElse("(null)"));
            }
            line(out, prefix + "Finished", job.finished() ? "yes" : "no");
            if (job.finished()) {
                line(out, prefix + "NewStaged", status.stagedCertificates().byKey().size());
            } else {
                last.detail().ifPresent(detail -> line(out, prefix + "LastDetail", detail));
            }
            job.nextRun().filter(at -> at.isAfter(now) && !job.finished())
                    .ifPresent(at -> line(out, prefix + "NextRun", seconds(now, at)));
            return;
        }
        Optional<Instant> renewAt = status.renewAt();
        if (renewAt.isPresent() && renewAt.get().isAfter(now)) {
            line(out, prefix + "Renew", seconds(now, renewAt.get()));
        } else if (renewAt.isPresent()) {
            line(out, prefix, "Pending");
        } else if (status.md().renewMode() == RenewMode.MANUAL) {
            line(out, prefix, "Manual renew");
        }
    }

    private static long seconds(Instant now, Instant at) {
        return Duration.between(now, at).toSeconds();
    }

    private static void line(StringBuilder out, String key, Object value) {
        out.append(key).append(": ").append(value).append('\n');
    }
}
