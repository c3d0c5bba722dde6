package dev.mdj.renew;

import dev.mdj.md.ManagedDomain;
import dev.mdj.md.MdSetting;
import dev.mdj.md.RenewWindow;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When the certificates of a managed domain are due for renewal, by their own dates: each
 * certificate's renew window is the last stretch of its lifetime (MDRenewWindow, {@code 33%} of
 * notBefore→notAfter or a fixed length such as {@code 21d}); the domain is due when the first of
 * its certificates enters its window. The warn window (MDWarnWindow) works the same way for the
 * {@code expiring} event.
 *
 * <p>A CA may also suggest a renewal window of its own through ACME Renewal Information (ARI,
 * RFC 9773); {@link #ariPick} and {@link #ariCounts} apply it as mod_md does.
 *
 * @param certificates the leaf certificates the domain has now, one per key spec (or file)
 * @param renewWindow MDRenewWindow
 * @param warnWindow MDWarnWindow
 */
public record RenewalTiming(List<X509Certificate> certificates, RenewWindow renewWindow,
        RenewWindow warnWindow) {

    /** An ARI suggestion further away than this is ignored; the next check draws a new one. */
    public static final Duration ARI_HORIZON = Duration.ofDays(1);

    public RenewalTiming {
        certificates = List.copyOf(certificates);
        Objects.requireNonNull(renewWindow, "renewWindow");
        Objects.requireNonNull(warnWindow, "warnWindow");
    }

    /** The timing of {@code certificates} with the windows {@code md} is configured with. */
    public static RenewalTiming of(ManagedDomain md, List<X509Certificate> certificates) {
        return new RenewalTiming(certificates, md.get(MdSetting.RENEW_WINDOW), md.get(MdSetting.WARN_WINDOW));
    }

    /**
     * When the first certificate enters its renew window: the earliest {@code notAfter − window}.
     * Empty when there is no certificate (then a renewal is due at once anyway).
     */
    public Optional<Instant> renewAt() {
        return certificates.stream().map(cert -> windowStart(cert, renewWindow)).min(Instant::compareTo);
    }

    /**
     * Whether any certificate is inside its warn window at {@code now}. mod_md warns only for
     * complete domains; the caller checks that.
     */
    public boolean inWarnWindow(Instant now) {
        Objects.requireNonNull(now, "now");
        return certificates.stream().anyMatch(cert -> !windowStart(cert, warnWindow).isAfter(now));
    }

    /**
     * The moment mod_md picks in a CA's suggested window: {@code start + (end−start)·(b−128)/256}
     * for a random byte {@code b}. This lands anywhere from half a window <em>before</em> start
     * to the middle of the window. RFC 9773 asks for a point inside the window; mdj keeps
     * mod_md's choice (renewing a little early is harmless, and both then behave alike).
     */
    public static Instant ariPick(Instant windowStart, Instant windowEnd, RandomGenerator random) {
        Objects.requireNonNull(windowStart, "windowStart");
        Objects.requireNonNull(windowEnd, "windowEnd");
        Objects.requireNonNull(random, "random");
        return windowStart.plus(Jitter.share(Duration.between(windowStart, windowEnd), Jitter.offset(random)));
    }

    /**
     * Whether an ARI pick (the earliest over the certificates) counts, as mod_md decides: only if
     * it is not later than {@link #renewAt()} and less than {@link #ARI_HORIZON} away. A pick at
     * or before {@code now} means renew now; a later one is when to look again.
     *
     * @return the pick, if it counts
     */
    public Optional<Instant> ariCounts(Instant pick, Instant now) {
        Objects.requireNonNull(pick, "pick");
        Objects.requireNonNull(now, "now");
        boolean notLater = renewAt().map(at -> !pick.isAfter(at)).orElse(true);
        boolean soon = pick.isBefore(now.plus(ARI_HORIZON));
        return notLater && soon ? Optional.of(pick) : Optional.empty();
    }

    private static Instant windowStart(X509Certificate cert, RenewWindow window) {
        return window.startIn(cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant());
    }
}
