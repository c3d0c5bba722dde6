package dev.mdj.renew;

import dev.mdj.md.ManagedDomain;
import dev.mdj.md.MdSetting;
import dev.mdj.renew.DriveRun.Reachability;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which ACME challenge types a managed domain offers to answer, in order of preference (mod_md's
 * driver init). MDCAChallenges, when given, is used as written: the admin knows best, and nothing
 * is filtered. Otherwise mdj prefers {@code tls-alpn-01}, then {@code http-01}, then
 * {@code dns-01}, keeping only those that can work: http-01 needs public port 80 to reach a
 * listener, tls-alpn-01 needs port 443 and a TLS virtual host of the domain that allows the
 * {@code acme-tls/1} protocol, dns-01 needs an MDChallengeDns01 command. For each authorization
 * the driver then takes the first of these types that the CA offers.
 */
public final class ChallengeSelection {

    public static final String TLS_ALPN_01 = "tls-alpn-01";
    public static final String HTTP_01 = "http-01";
    public static final String DNS_01 = "dns-01";

    /** mod_md's APR_EGENERAL, the status it reports when no challenge type is usable. */
    private static final int STATUS_GENERAL_ERROR = 20014;

    private static final String NONE_SUITABLE =
            "None of the ACME challenge methods configured for this domain are suitable.";
    private static final String NO_PORT_80 = "The http: challenge 'http-01' is disabled because the"
            + " server seems not reachable on public port 80.";
    private static final String NO_PORT_443 = "The https: challenge 'tls-alpn-01' is disabled because the"
            + " server seems not reachable on public port 443.";
    private static final String NO_ACME_TLS = "The https: challenge 'tls-alpn-01' is disabled because the"
            + " Protocols configuration does not include the 'acme-tls/1' protocol.";
    private static final String NO_DNS_COMMAND = "The DNS challenge 'dns-01' is disabled because the"
            + " directive 'MDChallengeDns01' is not configured.";

    private ChallengeSelection() {
    }

    /**
     * The challenge types to try, the preferred one first.
     *
     * @throws DriveException when none is usable, with mod_md's text naming why each is not
     */
    public static List<String> candidates(ManagedDomain md, Reachability reach) throws DriveException {
        List<String> candidates = configured(md).orElseGet(() -> usable(md, reach));
        if (candidates.isEmpty()) {
            throw new DriveException(STATUS_GENERAL_ERROR, joined(NONE_SUITABLE, disabled(md, reach)));
        }
        return candidates;
    }

    /**
     * For {@code mdj plan}: the types that will be tried, and why the others cannot be used.
     * For example {@code http-01 (tried in this order: http-01). The https: challenge
     * 'tls-alpn-01' is disabled because ...}.
     */
    public static String explain(ManagedDomain md, Reachability reach) {
        Optional<List<String>> configured = configured(md);
        if (configured.isPresent()) {
            return String.join(" ", configured.get()) + " (as configured by MDCAChallenges, in this order)";
        }
        List<String> usable = usable(md, reach);
        List<String> disabled = disabled(md, reach);
        if (usable.isEmpty()) {
            return joined(NONE_SUITABLE, disabled);
        }
        return joined(String.join(" ", usable) + " (in this order).", disabled);
    }

    private static Optional<List<String>> configured(ManagedDomain md) {
        return md.settings().find(MdSetting.CA_CHALLENGES);
    }

    private static List<String> usable(ManagedDomain md, Reachability reach) {
        List<String> usable = new ArrayList<>();
        if (tlsAlpnUsable(reach)) {
            usable.add(TLS_ALPN_01);
        }
        if (reach.httpReachable()) {
            usable.add(HTTP_01);
        }
        if (hasDnsCommand(md)) {
            usable.add(DNS_01);
        }
        return usable;
    }

    /** Why each type that the automatic choice drops is dropped, in mod_md's words and order. */
    private static List<String> disabled(ManagedDomain md, Reachability reach) {
        List<String> reasons = new ArrayList<>();
        if (!reach.httpReachable()) {
            reasons.add(NO_PORT_80);
        }
        if (!reach.httpsReachable()) {
            reasons.add(NO_PORT_443);
        } else if (reach.acmeTlsNames().isEmpty()) {
            reasons.add(NO_ACME_TLS);
        }
        if (!hasDnsCommand(md)) {
            reasons.add(NO_DNS_COMMAND);
        }
        return reasons;
    }

    private static boolean tlsAlpnUsable(Reachability reach) {
        return reach.httpsReachable() && !reach.acmeTlsNames().isEmpty();
    }

    private static boolean hasDnsCommand(ManagedDomain md) {
        return md.settings().find(MdSetting.DNS01_COMMAND).isPresent();
    }

    private static String joined(String first, List<String> reasons) {
        StringBuilder text = new StringBuilder(first);
        reasons.forEach(reason -> text.append(' ').append(reason));
        return text.toString();
    }
}
