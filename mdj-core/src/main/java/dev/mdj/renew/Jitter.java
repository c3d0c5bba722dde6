package dev.mdj.renew;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * mod_md's way of spreading out times: draw one random byte {@code b} (0 to 255) and move a
 * duration {@code d} by {@code d·(b−128)/256}, that is by −50 % up to +49.6 %. Many servers
 * restarted at the same hour would otherwise all knock on the CA at the same moment.
 */
final class Jitter {

    private static final int BYTE_VALUES = 256;
    private static final int MIDDLE = 128;

    private Jitter() {
    }

    /** A random byte minus 128: from −128 to 127. */
    static int offset(RandomGenerator random) {
        return random.nextInt(BYTE_VALUES) - MIDDLE;
    }

    /** {@code duration·offset/256}, rounded toward zero. */
    static Duration share(Duration duration, int offset) {
        return duration.multipliedBy(offset).dividedBy(BYTE_VALUES);
    }

    /** {@code seconds·offset/256} in whole seconds, rounded toward zero, as mod_md's retry delay. */
    static Duration shareInSeconds(Duration duration, int offset) {
        return Duration.ofSeconds(duration.getSeconds() * offset / BYTE_VALUES);
    }
}
