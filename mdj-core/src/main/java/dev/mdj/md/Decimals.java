package dev.mdj.md;

import java.math.BigInteger;

/**
 * Converts decimal numbers of any length to {@code int}, saturating at the {@code int} range, so that
 * a range check can reject a huge value with its ordinary message instead of an overflow error.
 */
final class Decimals {

    private static final BigInteger INT_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
    private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);

    private Decimals() {
    }

    /**
     * Returns the value of {@code decimal}, clamped to the {@code int} range.
     *
     * @param decimal an optional sign followed by ASCII digits; callers check this form first
     */
    static int toIntSaturated(String decimal) {
        return new BigInteger(decimal).max(INT_MIN).min(INT_MAX).intValueExact();
    }
}
