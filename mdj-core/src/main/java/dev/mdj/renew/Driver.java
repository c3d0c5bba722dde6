package dev.mdj.renew;

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
    java.time.Instant drive(DriveRun run) throws DriveException;
}
