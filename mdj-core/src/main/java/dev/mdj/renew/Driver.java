package dev.mdj.renew;

import dev.mdj.md.ManagedDomain;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Optional;

/**
 * Gets new credentials for one managed domain into the store's {@code staging/<md>} (mod_md's
 * {@code md_proto_driver_t}). The ACME driver is the one implementation in production; registry
 * and watchdog tests use fakes. A driver never touches {@code domains/}: activation is the
 * watchdog's job, after the driver reports the set complete.
 *
 * <p>A run may be interrupted at any point (process killed); the next run must pick up what the
 * previous one left in staging (an order in progress continues by its URL, keys are reused).
 */
public interface Driver {

    /**
     * Cheap checks before the first run, without contacting the CA (mod_md's "test init"):
     * is a usable challenge type available, is there a contact and an agreement for a new
     * account.
     *
     * @throws DriveException describing what the admin must change
     */
    void preflight(DriveRun run) throws DriveException;

    /**
     * Obtains certificates for every key spec of the managed domain into staging, reporting
     * progress through {@link DriveRun#progress}.
     *
     * @return when the new set may be used (the latest notBefore of the new certificates)
     * @throws DriveException when the attempt failed; the watchdog retries with back-off
     */
    Instant drive(DriveRun run) throws DriveException;

    /**
     * Asks the first CA of the managed domain (MDCertificateAuthority) for its renewal window of
     * {@code certificate} (ACME Renewal Information, RFC 9773), unauthenticated, as mod_md does.
     * Called only with MDRenewViaARI on.
     *
     * @return the CA's window; empty when the CA offers no renewal information (its directory has
     *     no {@code renewalInfo}), so the renew window alone decides
     * @throws DriveException when the CA could not be asked or answered with an error
     */
    Optional<AriWindow> renewalInfo(ManagedDomain md, X509Certificate certificate) throws DriveException;
}
