package dev.mdj.renew;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which failures deserve a warning: the first of each kind in an hour. A CA that cannot be
 * reached fails the same way for every one of its managed domains at every check; thousands of
 * identical warnings hide the one line an admin needs.
 *
 * @param <K> what makes failures the same kind
 */
final class HourlyWarnings<K> {

    static final Duration EVERY = Duration.ofHours(1);

    private final Map<K, Instant> lastWarned = new ConcurrentHashMap<>();

    /** Whether a failure of kind {@code key} at {@code now} is to be warned about (and is, from now). */
    boolean warnNow(K key, Instant now) {
        Objects.requireNonNull(now, "now");
        boolean[] warn = {false};
        lastWarned.compute(key, (k, last) -> {
            if (last == null || !now.isBefore(last.plus(EVERY))) {
                warn[0] = true;
                return now;
            }
            return last;
        });
        return warn[0];
    }
}
