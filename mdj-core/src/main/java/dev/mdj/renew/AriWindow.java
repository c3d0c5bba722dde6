package dev.mdj.renew;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A CA's renewal information for one certificate (ACME Renewal Information, RFC 9773): the
 * window in which the CA suggests renewing it, why (when the CA says), and when it may be asked
 * again (its Retry-After).
 *
 * @param start the start of the suggested window
 * @param end the end of the suggested window, not before {@code start}
 * @param explanation the CA's {@code explanationURL}, if it sent one
 * @param recheckAfter the CA's Retry-After: asking again earlier is pointless
 */
public record AriWindow(Instant start, Instant end, Optional<URI> explanation, Optional<Instant> recheckAfter) {

    public AriWindow {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(explanation, "explanation");
        Objects.requireNonNull(recheckAfter, "recheckAfter");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("the suggested window ends (" + end + ") before it starts (" + start + ")");
        }
    }

    /** Whether {@code other} suggests the same window (whatever else differs). */
    public boolean sameWindow(AriWindow other) {
        return start.equals(other.start) && end.equals(other.end);
    }

    /** Whether the CA's Retry-After forbids asking again at {@code now}. */
    public boolean freshAt(Instant now) {
        return recheckAfter.filter(now::isBefore).isPresent();
    }
}
