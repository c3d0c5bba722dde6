package dev.mdj.status;

import dev.mdj.store.json.JobJson;
import dev.mdj.store.json.MdJson;
import dev.mdj.store.json.MdState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The status of one managed domain at one moment: everything md-status and
 * /.httpd/certificate-status show about it.
 *
 * @param md its md.json, with the state its live certificates give it now
 * @param keyNames the names of its configured key specs ({@code rsa}, {@code secp256r1}), in order
 * @param certificates the live certificates
 * @param renewAt when the first live certificate enters its renew window; now while a
 *     certificate is missing; empty when that cannot be told (state error)
 * @param watched whether a virtual host uses the domain, so the watchdog looks after it
 * @param renew whether a renewal is due or under way (mod_md's {@code renew}: due, or a staged job exists)
 * @param renewal the staged renewal job ({@code staging/<md>/job.json}), if there is one
 * @param stagedCertificates the certificates the staged renewal obtained so far
 * @param ocsp the OCSP stapling of the live certificates by key name, when the domain has MDStapling on
 * @param engine what mdj knows beyond mod_md
 */
public record MdStatus(MdJson md, List<String> keyNames, CertificateSet certificates, Optional<Instant> renewAt,
        boolean watched, boolean renew, Optional<JobJson> renewal, CertificateSet stagedCertificates,
        Map<String, OcspState> ocsp, EngineFacts engine) {

    public MdStatus {
        Objects.requireNonNull(md, "md");
        keyNames = List.copyOf(keyNames);
        Objects.requireNonNull(certificates, "certificates");
        Objects.requireNonNull(renewAt, "renewAt");
        Objects.requireNonNull(renewal, "renewal");
        Objects.requireNonNull(stagedCertificates, "stagedCertificates");
        ocsp = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(ocsp));
        Objects.requireNonNull(engine, "engine");
    }

    public String name() {
        return md.name();
    }

    public List<String> domains() {
        return md.domains();
    }

    /**
     * The state in mod_md's server-status words: {@code good}, {@code expired},
     * {@code incomplete: <description>}, {@code error}, {@code missing information},
     * {@code unknown}.
     */
    public String stateText(Instant now) {
        return switch (md.state()) {
            case INCOMPLETE -> md.stateDescr().map(d -> "incomplete: " + d).orElse("incomplete");
            case COMPLETE, EXPIRED -> certificates.valid().filter(v -> !v.until().isAfter(now)).isPresent()
                    ? "expired" : "good";
            case ERROR -> "error";
            case MISSING_INFORMATION -> "missing information";
            case UNKNOWN -> "unknown";
        };
    }

    /** Whether mod_md counts it among the renewing ones: complete or incomplete, and due or under way. */
    public boolean renewing() {
        return renew && (md.state() == MdState.COMPLETE || md.state() == MdState.INCOMPLETE);
    }

    /** Whether the staged renewal has failed runs or its last run failed. */
    public boolean renewalFailing() {
        return renewal.filter(job -> job.errors() > 0 || job.last().filter(r -> r.status() != 0).isPresent())
                .isPresent();
    }

    /**
     * Whether mod_md counts it as errored: a renewing domain whose renewal is failing, and every
     * domain in a state other than complete or incomplete.
     */
    public boolean errored() {
        return renewing() ? renewalFailing() : md.state() != MdState.COMPLETE && md.state() != MdState.INCOMPLETE;
    }

    /** Whether a renewal finished and its certificates wait in staging for activation. */
    public boolean ready() {
        return renewing() && !renewalFailing() && renewal.filter(JobJson::finished).isPresent();
    }
}
