package dev.mdj.cli;

import dev.mdj.store.StoredDomain;
import dev.mdj.store.json.JobJson;
import dev.mdj.store.json.MdJson;
import dev.mdj.store.json.StoreTime;
import dev.mdj.store.pem.Certificates;
import java.io.PrintWriter;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The ways {@code mdj store} shows managed domains: a table for people, JSON for scripts. The
 * JSON uses mod_md's date format and key names where md-status has them; secrets (the EAB hmac
 * in md.json) are never shown.
 */
final class StoreViews {

    /** How tables show a moment. */
    static final DateTimeFormatter TABLE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private StoreViews() {
    }

    /** One line's worth: name, state, domains, certificates, staged. */
    static Map<String, Object> summary(StoredDomain domain) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", domain.name());
        json.put("state", state(domain));
        json.put("domains", domain.domains());
        json.put("cert", certificates(domain.certificates()));
        json.put("staged", domain.staged().isPresent());
        return json;
    }

    /** The summary plus CA, account and the staged renewal. */
    static Map<String, Object> detail(StoredDomain domain) {
        Map<String, Object> json = summary(domain);
        Optional<MdJson> md = domain.md().or(domain::staged);
        md.ifPresent(m -> {
            Map<String, Object> ca = new LinkedHashMap<>();
            m.caUrl().ifPresent(url -> ca.put("url", url));
            ca.put("urls", m.caUrls());
            m.caAccount().ifPresent(account -> ca.put("account", account));
            json.put("ca", ca);
            json.put("contacts", m.contacts());
        });
        domain.staged().ifPresent(staged -> {
            Map<String, Object> renewal = new LinkedHashMap<>();
            domain.stagedJob().ifPresent(job -> renewal.putAll(job(job)));
            renewal.put("cert", certificates(domain.stagedCertificates()));
            json.put("renewal", renewal);
        });
        return json;
    }

    private static Map<String, Object> job(JobJson job) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("finished", job.finished());
        json.put("errors", job.errors());
        job.nextRun().ifPresent(t -> json.put("next-run", StoreTime.format(t)));
        job.last().flatMap(last -> last.detail()).ifPresent(d -> json.put("last-detail", d));
        return json;
    }

    private static Map<String, Object> certificates(Map<String, X509Certificate> certs) {
        Map<String, Object> json = new LinkedHashMap<>();
        certs.forEach((key, cert) -> {
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("valid", new StoreTime.Period(cert.getNotBefore().toInstant(),
                    cert.getNotAfter().toInstant()).toJson());
            info.put("serial", Certificates.serialHex(cert));
            info.put("sha256-fingerprint", Certificates.sha256Fingerprint(cert));
            info.put("names", Certificates.dnsNames(cert));
            json.put(key, info);
        });
        return json;
    }

    static String state(StoredDomain domain) {
        return domain.md().map(md -> md.state().name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .orElse("staged only");
    }

    /** The earliest expiry of the live certificates. */
    private static Optional<Instant> validUntil(StoredDomain domain) {
        return domain.certificates().values().stream().map(c -> c.getNotAfter().toInstant())
                .min(Comparator.naturalOrder());
    }

    static void table(List<StoredDomain> domains, PrintWriter out) {
        if (domains.isEmpty()) {
            out.println("no managed domains in the store");
            return;
        }
        int width = Math.max(2, domains.stream().mapToInt(d -> d.name().length()).max().orElse(2));
        String format = "%-" + width + "s  %-12s  %-20s  %-6s  %s%n";
        out.printf(format, "MD", "STATE", "VALID UNTIL", "STAGED", "NAMES");
        for (StoredDomain domain : domains) {
            out.printf(format, domain.name(), state(domain),
                    validUntil(domain).map(TABLE_TIME::format).orElse("-"),
                    domain.staged().isPresent() ? "yes" : "no", String.join(" ", domain.domains()));
        }
    }

    static void describe(StoredDomain domain, PrintWriter out) {
        out.println(domain.name());
        out.println("  state:    " + state(domain));
        out.println("  names:    " + String.join(", ", domain.domains()));
        domain.md().or(domain::staged).ifPresent(md -> {
            out.println("  CA:       " + md.caUrl().orElse(String.join(", ", md.caUrls()))
                    + md.caAccount().map(a -> " (account " + a + ")").orElse(""));
            if (!md.contacts().isEmpty()) {
                out.println("  contacts: " + String.join(", ", md.contacts()));
            }
        });
        describeCertificates("certificate", domain.certificates(), out);
        if (domain.staged().isPresent()) {
            out.println("  staged renewal:" + domain.stagedJob()
                    .map(job -> (job.finished() ? " finished" : " in progress") + ", "
                            + job.errors() + " errors"
                            + job.last().flatMap(last -> last.detail()).map(d -> "; " + d).orElse(""))
                    .orElse(" (no job.json)"));
            describeCertificates("staged certificate", domain.stagedCertificates(), out);
        } else {
            out.println("  staged renewal: none");
        }
    }

    private static void describeCertificates(String label, Map<String, X509Certificate> certs, PrintWriter out) {
        if (certs.isEmpty() && label.equals("certificate")) {
            out.println("  certificate: none yet");
        }
        certs.forEach((key, cert) -> {
            out.println("  " + label + " " + key + ":");
            out.println("    valid:   " + TABLE_TIME.format(cert.getNotBefore().toInstant()) + " to "
                    + TABLE_TIME.format(cert.getNotAfter().toInstant()));
            out.println("    names:   " + String.join(", ", Certificates.dnsNames(cert)));
            out.println("    issuer:  " + cert.getIssuerX500Principal().getName());
            out.println("    serial:  " + Certificates.serialHex(cert));
            out.println("    sha256:  " + Certificates.sha256Fingerprint(cert));
        });
    }
}
