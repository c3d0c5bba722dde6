package dev.mdj.md;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Whether the store is locked while a server instance changes it, for stores shared between
 * servers (MDStoreLocks), and how long to wait for another instance's lock.
 *
 * @param enabled whether locks are taken
 * @param waitTime how long to wait for a lock, positive
 */
public record StoreLocks(boolean enabled, Duration waitTime) {

    private static final Duration DEFAULT_WAIT = Duration.ofSeconds(5);

    /** mod_md's default: no locks (with the default wait of 5 seconds, should they be switched on). */
    public static final StoreLocks DEFAULT = new StoreLocks(false, DEFAULT_WAIT);

    /**
     * Checks that the wait is positive.
     *
     * @throws IllegalArgumentException if {@code waitTime} is zero or negative
     */
    public StoreLocks {
        Objects.requireNonNull(waitTime, "waitTime");
        if (!waitTime.isPositive()) {
            throw new IllegalArgumentException("the wait for store locks must be positive, not '"
                    + Durations.format(waitTime) + "'");
        }
    }

    /**
     * Parses {@code on}, {@code off} or a wait (default unit seconds): a wait of 0 switches locks
     * off, a positive one switches them on.
     *
     * @throws IllegalArgumentException if {@code text} is none of these, or a negative duration
     */
    public static StoreLocks parse(String text) {
        if (text.equalsIgnoreCase("on")) {
            return new StoreLocks(true, DEFAULT_WAIT);
        }
        if (text.equalsIgnoreCase("off")) {
            return DEFAULT;
        }
        Duration wait = Durations.parseNonNegative(text, ChronoUnit.SECONDS);
        return wait.isZero() ? DEFAULT : new StoreLocks(true, wait);
    }
}
