package dev.mdj.status;

import dev.mdj.ocsp.OcspStatus;
import java.util.List;

/**
 * One stapled certificate of a managed domain, as server-status lists them ("Managed
 * Staplings"): by domain name, then key order.
 *
 * @param domain the managed domain
 * @param key the key name of the certificate ({@code rsa}, {@code secp256r1}, {@code 0} …)
 * @param state its OCSP stapling
 */
public record Stapled(String domain, String key, OcspState state) {

    /** The stapled certificates of {@code domains} (sorted by name, as given). */
    public static List<Stapled> of(List<MdStatus> domains) {
        return domains.stream().flatMap(d -> d.ocsp().entrySet().stream()
                .map(e -> new Stapled(d.name(), e.getKey(), e.getValue()))).toList();
    }

    /** How many say {@code status}. */
    public static long count(List<Stapled> staplings, OcspStatus status) {
        return staplings.stream().filter(s -> s.state().status() == status).count();
    }
}
