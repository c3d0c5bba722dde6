package dev.mdj.renew;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * When the watchdog looks at the managed domains again when none of them asked for an earlier
 * time: MDCheckInterval from now, moved by up to ±50 % (see {@link Jitter}), so the default of
 * 12 hours becomes anything from 6 to about 18 hours. mod_md draws a new point on every run.
 */
public final class CheckInterval {

    private CheckInterval() {
    }

    /**
     * The next regular check: {@code now + interval·(1 + (b−128)/256)}.
     *
     * @param now the current time
     * @param interval MDCheckInterval
     * @param random the source of the jitter
     */
    public static Instant nextCheck(Instant now, Duration interval, RandomGenerator random) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(random, "random");
        return now.plus(interval).plus(Jitter.share(interval, Jitter.offset(random)));
    }
}
