package dev.mdj.md;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A slice at the end of a validity period, mod_md's "timeslice": either a percentage of the
 * lifetime ({@code 33%}) or an absolute length ({@code 21d}). Exactly one of {@link #percent()}
 * and {@link #length()} is present. Used for MDRenewWindow, MDWarnWindow, MDStaplingRenewWindow
 * and MDStaplingKeepResponse.
 *
 * @param percent the share of the lifetime, 0 to 99, if this window is relative
 * @param length the absolute length, not negative, if this window is absolute
 */
public record RenewWindow(OptionalInt percent, Optional<Duration> length) {

    private static final Pattern PERCENT = Pattern.compile("([+-]?[0-9]+)%");

    /**
     * Checks that exactly one of the two forms is present and within range.
     *
     * @throws IllegalArgumentException if both or neither are present, or the one present is out of range
     */
    public RenewWindow {
        Objects.requireNonNull(percent, "percent");
        Objects.requireNonNull(length, "length");
        if (percent.isPresent() == length.isPresent()) {
            throw new IllegalArgumentException("a renew window is either a percentage or a length");
        }
        percent.ifPresent(value -> requireValidPercent(value, value + "%"));
        length.ifPresent(value -> Durations.requireNonNegative(value, Durations.format(value)));
    }

    /**
     * Parses {@code N%} (an integer N from 0 to 99) or a duration whose default unit is days.
     *
     * @throws IllegalArgumentException if {@code text} is neither, or out of range
     */
    public static RenewWindow parse(String text) {
        Matcher matcher = PERCENT.matcher(text);
        if (matcher.matches()) {
            int percent = Decimals.toIntSaturated(matcher.group(1));
            requireValidPercent(percent, text);
            return ofPercent(percent);
        }
        return ofLength(Durations.parseNonNegative(text, ChronoUnit.DAYS));
    }

    /** A window of {@code percent} percent of the lifetime, 0 to 99. */
    public static RenewWindow ofPercent(int percent) {
        return new RenewWindow(OptionalInt.of(percent), Optional.empty());
    }

    /** A window of the absolute, non-negative {@code length}. */
    public static RenewWindow ofLength(Duration length) {
        return new RenewWindow(OptionalInt.empty(), Optional.of(length));
    }

    /** Whether this window is a percentage of the lifetime rather than an absolute length. */
    public boolean isPercent() {
        return percent.isPresent();
    }

    /**
     * The length of this window for a certificate (or OCSP response) valid from {@code validFrom}
     * until {@code validUntil}: the absolute length, or the percentage of the lifetime, which is
     * zero for a lifetime that is not positive.
     */
    public Duration lengthFor(Instant validFrom, Instant validUntil) {
        return length.orElseGet(() -> percentOf(Duration.between(validFrom, validUntil)));
    }

    /** The moment this window opens: {@code validUntil} minus {@link #lengthFor(Instant, Instant)}. */
    public Instant startIn(Instant validFrom, Instant validUntil) {
        return validUntil.minus(lengthFor(validFrom, validUntil));
    }

    /** The configuration form: {@code 33%}, or the length as {@link Durations#format(Duration)} writes it. */
    public String format() {
        return length.map(Durations::format).orElseGet(() -> percent.getAsInt() + "%");
    }

    @Override
    public String toString() {
        return format();
    }

    /**
     * As mod_md's {@code md_timeperiod_slice_before_end}: in whole seconds (rounded down) for
     * lifetimes over 100 s, so that renew-at falls on the same second as mod_md's.
     */
    private Duration percentOf(Duration lifetime) {
        if (!lifetime.isPositive()) {
            return Duration.ZERO;
        }
        if (lifetime.getSeconds() > 100) {
            return Duration.ofSeconds(lifetime.getSeconds() * percent.getAsInt() / 100);
        }
        return lifetime.multipliedBy(percent.getAsInt()).dividedBy(100);
    }

    private static void requireValidPercent(int percent, String text) {
        if (percent < 0) {
            throw new IllegalArgumentException("percent must not be negative: '" + text + "'");
        }
        if (percent >= 100) {
            throw new IllegalArgumentException("a length of 100% or more is not allowed.");
        }
    }
}
