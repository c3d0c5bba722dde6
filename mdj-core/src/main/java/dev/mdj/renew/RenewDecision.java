package dev.mdj.renew;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether and when the watchdog drives a renewal of one managed domain, and why, in words for
 * {@code mdj plan}.
 *
 * @param reason the rule that decided
 * @param at when a renewal is due (at or before the time of the decision means now); empty when
 *     the domain is not renewed by mdj at all
 * @param description the reason in words: {@code certificate(rsa) is missing},
 *     {@code renewal window (33%) opens Tue, 21 Jan 2027 09:17:01 GMT}, {@code MDRenewMode manual}
 */
public record RenewDecision(Reason reason, Optional<Instant> at, String description) {

    /** The rules of {@link RenewPolicy}, in the order they are applied. */
    public enum Reason {
        /** MDRenewMode manual: never renewed. */
        MANUAL_MODE,
        /** Certificates come from MDCertificateFile and MDRenewMode is not {@code always}. */
        STATIC_FILES,
        /** No virtual host uses the domain and MDRenewMode is {@code auto}. */
        UNUSED,
        /** A certificate is missing or does not fit the configuration: due now. */
        INCOMPLETE,
        /** OCSP says a certificate was revoked (with MDStapling on): due now. */
        REVOKED,
        /** The renew window of a certificate has opened: due now. */
        WINDOW_OPEN,
        /** The CA's ARI window says renew, now or within a day. */
        ARI,
        /** Nothing to do until the renew window opens. */
        WINDOW_PENDING
    }

    public RenewDecision {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(description, "description");
    }

    /** Whether mdj renews this domain at all. */
    public boolean renews() {
        return at.isPresent();
    }

    /** Whether the renewal is due at {@code now}. */
    public boolean isDue(Instant now) {
        return at.filter(time -> !time.isAfter(now)).isPresent();
    }
}
