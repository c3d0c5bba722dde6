package dev.mdj.events;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An event mod_md tells the admin's MDMessageCmd about, with how a failing command counts and
 * how often the event may go out per job (mod_md.c {@code notify_rates}).
 *
 * <p>A <em>raised</em> event ({@code renewing}, {@code renewed}, {@code expiring},
 * {@code challenge-setup:<type>:<dns>}) fails when its command fails, and for {@code renewing}
 * and {@code challenge-setup} that stops what was about to happen. A <em>hollered</em> event
 * ({@code errored}, {@code installed}, {@code ocsp-renewed}, {@code ocsp-errored}) is told
 * and its failure ignored. The rate limit is the least time since the job log's latest
 * {@code message-<event>} entry; {@code challenge-setup} is never limited.
 */
public final class MdEvent {

    /** How a failing command counts. */
    public enum Kind {
        /** The failure is the event's failure: the caller may stop (a veto). */
        RAISED,
        /** The failure is logged and recorded, and otherwise ignored. */
        HOLLERED
    }

    private static final String CHALLENGE_SETUP = "challenge-setup:";

    /** Before each renewal attempt; a failing command skips the attempt. */
    public static final MdEvent RENEWING = new MdEvent("renewing", Kind.RAISED, Duration.ofHours(1));
    /** A new certificate is ready in staging; runs MDNotifyCmd first. */
    public static final MdEvent RENEWED = new MdEvent("renewed", Kind.RAISED, Duration.ofDays(1));
    /** The active certificate is inside MDWarnWindow. */
    public static final MdEvent EXPIRING = new MdEvent("expiring", Kind.RAISED, Duration.ofDays(1));
    /** A renewal run failed. */
    public static final MdEvent ERRORED = new MdEvent("errored", Kind.HOLLERED, Duration.ofHours(1));
    /** A staged certificate went live. */
    public static final MdEvent INSTALLED = new MdEvent("installed", Kind.HOLLERED, Duration.ofDays(1));
    /** A new OCSP response was fetched. */
    public static final MdEvent OCSP_RENEWED =
            new MdEvent("ocsp-renewed", Kind.HOLLERED, Duration.ofDays(1));
    /** Fetching an OCSP response failed. */
    public static final MdEvent OCSP_ERRORED =
            new MdEvent("ocsp-errored", Kind.HOLLERED, Duration.ofHours(1));

    private static final Map<String, MdEvent> FIXED = Stream.of(RENEWING, RENEWED, EXPIRING,
            ERRORED, INSTALLED, OCSP_RENEWED, OCSP_ERRORED)
            .collect(Collectors.toUnmodifiableMap(MdEvent::name, Function.identity()));

    private final String name;
    private final Kind kind;
    private final Duration rateLimit;

    private MdEvent(String name, Kind kind, Duration rateLimit) {
        this.name = name;
        this.kind = kind;
        this.rateLimit = rateLimit;
    }

    /**
     * The event raised once a challenge's answer is in place and before the CA is told.
     *
     * @param type the challenge type ({@code http-01}, {@code tls-alpn-01}, {@code dns-01})
     * @param dns the name it answers for, without a wildcard's {@code *.}
     */
    public static MdEvent challengeSetup(String type, String dns) {
        requireWord(type, "type");
        requireWord(dns, "dns");
        return new MdEvent(CHALLENGE_SETUP + type + ":" + dns, Kind.RAISED, Duration.ZERO);
    }

    /**
     * The event called {@code name}, as mod_md names it.
     *
     * @throws IllegalArgumentException if mod_md knows no such event
     */
    public static MdEvent of(String name) {
        Objects.requireNonNull(name, "name");
        MdEvent fixed = FIXED.get(name);
        if (fixed != null) {
            return fixed;
        }
        if (name.startsWith(CHALLENGE_SETUP)) {
            String rest = name.substring(CHALLENGE_SETUP.length());
            int colon = rest.indexOf(':');
            if (colon > 0) {
                return challengeSetup(rest.substring(0, colon), rest.substring(colon + 1));
            }
        }
        throw new IllegalArgumentException("unknown event '" + name + "'");
    }

    private static void requireWord(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isEmpty() || value.indexOf(':') >= 0 || value.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("challenge-setup " + what + " '" + value
                    + "' must be non-empty, without ':' or white space");
        }
    }

    /** The name the command gets as its argument ({@code renewed}, {@code challenge-setup:dns-01:example.org}). */
    public String name() {
        return name;
    }

    public Kind kind() {
        return kind;
    }

    /** Whether a failing command makes the event fail. */
    public boolean raised() {
        return kind == Kind.RAISED;
    }

    /** The least time between two of these events for one job; zero for no limit. */
    public Duration rateLimit() {
        return rateLimit;
    }

    /** The job log entry type that records this event went out: {@code message-<name>}. */
    public String logType() {
        return "message-" + name;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MdEvent other && name.equals(other.name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
