package dev.mdj.server.http;

import dev.mdj.md.GlobalSetting;
import dev.mdj.md.ManagedDomain;
import dev.mdj.server.Generation;
import dev.mdj.status.StatusJson;
import dev.mdj.status.StatusReader;
import java.util.Optional;

/**
 * mod_md's {@code /.httpd/certificate-status} (MDCertificateStatus, on by default): for a Host
 * that belongs to a managed domain, on http and https, the live certificates and a staged
 * renewal's. mod_md answers it before mod_ssl, so it is also answered while the domain has no
 * certificate yet and everything else gets 503.
 */
final class CertificateStatusAnswers {

    static final String PATH = "/.httpd/certificate-status";

    private CertificateStatusAnswers() {
    }

    /** Whether {@code exchange} is such a request; it is answered then. */
    static boolean answer(Exchange exchange, Generation generation) {
        if (!exchange.target().path().equals(PATH)
                || !generation.config().server().global().get(GlobalSetting.CERTIFICATE_STATUS)) {
            return false;
        }
        StatusReader reader = generation.status();
        Optional<ManagedDomain> md = reader.managedDomainFor(exchange.host());
        if (md.isEmpty()) {
            return false;
        }
        StatusAnswers.send(exchange, () -> StatusJson.certificateStatus(reader.read(md.get())));
        return true;
    }
}
