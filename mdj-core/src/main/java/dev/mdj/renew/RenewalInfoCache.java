package dev.mdj.renew;

import dev.mdj.md.ManagedDomain;
import dev.mdj.md.MdSetting;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CA's renewal windows (ARI, RFC 9773) of each managed domain's live certificates, as the
 * watchdog last fetched them through the {@link Driver}. A window is fetched again at a check
 * only once the CA's Retry-After has passed (without one, at every check, as mod_md); while it is
 * not, the kept window is used. A CA without renewal information, or an MD with MDRenewViaARI
 * off, gets no pick: MDRenewWindow alone decides. Errors are logged and ignored, as mod_md does
 * (a warning for the first of a CA's domains in an hour, the rest at debug level); a window
 * fetched before is kept meanwhile.
 *
 * <p>The moment in a window ({@link RenewalTiming#ariPick}) is drawn once per suggested window,
 * not at every check as mod_md does: a check scheduled for that moment then finds it due instead
 * of drawing a new, possibly later, one. A window the CA moves gets a new draw.
 */
public final class RenewalInfoCache {

    private static final Logger LOG = LoggerFactory.getLogger(RenewalInfoCache.class);

    private final Driver driver;
    private final RandomGenerator random;
    /** Per MD: its live certificates with their last fetched window and the moment drawn in it. */
    private final Map<String, Map<X509Certificate, Fetched>> fetched = new ConcurrentHashMap<>();
    /** By the MD's CAs (MDCertificateAuthority). */
    private final HourlyWarnings<List<URI>> warnings = new HourlyWarnings<>();

    private record Fetched(AriWindow window, Instant pick) {
    }

    public RenewalInfoCache(Driver driver, RandomGenerator random) {
        this.driver = Objects.requireNonNull(driver, "driver");
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * The earliest ARI pick over {@code certificates}, fetching windows whose Retry-After has
     * passed. Only one check of an MD runs at a time (the watchdog's per-MD guard).
     *
     * @return empty when MDRenewViaARI is off, the CA offers no renewal information or none
     *     could be fetched
     */
    public Optional<Instant> pick(ManagedDomain md, List<X509Certificate> certificates, Instant now) {
        if (!md.get(MdSetting.RENEW_VIA_ARI) || certificates.isEmpty()) {
            fetched.remove(md.name());
            return Optional.empty();
        }
        Map<X509Certificate, Fetched> before = fetched.getOrDefault(md.name(), Map.of());
        Map<X509Certificate, Fetched> current = new LinkedHashMap<>();
        for (X509Certificate certificate : certificates) {
            Fetched kept = before.get(certificate);
            if (kept != null && kept.window().freshAt(now)) {
                current.put(certificate, kept);
                continue;
            }
            try {
                Optional<AriWindow> window = driver.renewalInfo(md, certificate);
                if (window.isEmpty()) {
                    LOG.debug("{}: the CA offers no renewal information (ARI); MDRenewWindow decides", md.name());
                    fetched.remove(md.name());
                    return Optional.empty();
                }
                current.put(certificate, new Fetched(window.get(), kept != null && kept.window().sameWindow(window.get())
                        ? kept.pick() : RenewalTiming.ariPick(window.get().start(), window.get().end(), random)));
            } catch (DriveException e) {
                if (warnings.warnNow(md.get(MdSetting.CA_URLS), now)) {
                    LOG.warn("{}: cannot get the CA's renewal information (ARI), ignored: {} (the same for other"
                            + " domains of this CA is logged at debug level for an hour)", md.name(), e.detail());
                } else {
                    LOG.debug("{}: cannot get the CA's renewal information (ARI), ignored: {}", md.name(), e.detail());
                }
                if (kept != null) {
                    current.put(certificate, kept);
                }
            }
        }
        fetched.put(md.name(), Collections.unmodifiableMap(current));
        return earliestPick(current);
    }

    /**
     * The earliest time {@link #pick} chose inside the windows last fetched for {@code md},
     * without asking the CA; for md-status.
     */
    public Optional<Instant> lastPick(String md) {
        return earliestPick(fetched.getOrDefault(md, Map.of()));
    }

    private static Optional<Instant> earliestPick(Map<X509Certificate, Fetched> byCertificate) {
        return byCertificate.values().stream().map(Fetched::pick).min(Instant::compareTo);
    }

    /**
     * The windows last fetched for the live certificates of {@code md}, by certificate in their
     * order; for md-status and metrics.
     */
    public Map<X509Certificate, AriWindow> windows(String md) {
        Map<X509Certificate, AriWindow> windows = new LinkedHashMap<>();
        fetched.getOrDefault(md, Map.of()).forEach((certificate, f) -> windows.put(certificate, f.window()));
        return Collections.unmodifiableMap(windows);
    }
}
