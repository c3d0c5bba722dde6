package dev.mdj.renew;

import java.util.random.RandomGenerator;

/** A random generator whose every "random byte" is {@code value}: jitter made predictable. */
record FixedByte(int value) implements RandomGenerator {

    static final FixedByte LOWEST = new FixedByte(0);
    static final FixedByte MIDDLE = new FixedByte(128);
    static final FixedByte HIGHEST = new FixedByte(255);

    @Override
    public int nextInt(int bound) {
        if (bound != 256) {
            throw new UnsupportedOperationException("only random bytes are expected, not nextInt(" + bound + ")");
        }
        return value;
    }

    @Override
    public long nextLong() {
        throw new UnsupportedOperationException("only random bytes are expected");
    }
}
