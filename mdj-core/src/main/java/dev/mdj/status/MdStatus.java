package dev.mdj.status;

import dev.mdj.store.json.JobJson;
import dev.mdj.store.json.MdJson;
import java.time.Instant;
import java.util.List;
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
 * @param engine what mdj knows beyond mod_md
 */
public record MdStatus(MdJson md, List<String> keyNames, CertificateSet certificates, Optional<Instant> renewAt,
        boolean watched, boolean renew, Optional<JobJson> renewal, CertificateSet stagedCertificates,
        EngineFacts engine) {

    public MdStatus {
        Objects.requireNonNull(md, "md");
        keyNames = List.copyOf(keyNames);
        Objects.requireNonNull(certificates, "certificates");
        Objects.requireNonNull(renewAt, "renewAt");
        Objects.requireNonNull(renewal, "renewal");
        Objects.requireNonNull(stagedCertificates, "stagedCertificates");
        Objects.requireNonNull(engine, "engine");
    }

    public String name() {
        return md.name();
    }

    public List<String> domains() {
        return md.domains();
    }
}
