package dev.mdj.md;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses and formats durations in mod_md's syntax: {@code 14d}, {@code 6h}, {@code 30mi},
 * {@code 30s}, {@code 500ms}. As in mod_md, the unit is decided by the first letters after the
 * number and the rest is ignored ({@code 14days} is 14 days), and a lone {@code m} is rejected
 * because it could mean minutes or milliseconds.
 */
public final class Durations {

    private static final Pattern SYNTAX = Pattern.compile("([+-]?[0-9]+)(.*)", Pattern.DOTALL);

    private Durations() {
    }

    /**
     * Parses {@code text} as a duration, using {@code defaultUnit} when no unit follows the number.
     * Negative durations are returned; callers that cannot use them reject them.
     *
     * @param defaultUnit one of DAYS, HOURS, MINUTES, SECONDS and MILLIS
     * @throws IllegalArgumentException if {@code text} is not a duration, or out of range
     */
    public static Duration parse(String text, ChronoUnit defaultUnit) {
        Unit fallback = Unit.of(defaultUnit);
        Matcher matcher = SYNTAX.matcher(text);
        if (!matcher.matches()) {
            throw unrecognized(text);
        }
        String suffix = matcher.group(2);
        Unit unit = suffix.isEmpty() ? fallback : Unit.leading(suffix).orElseThrow(() -> unrecognized(text));
        try {
            return Duration.of(Long.parseLong(matcher.group(1)), unit.chronoUnit);
        } catch (NumberFormatException | ArithmeticException overflow) {
            throw unrecognized(text);
        }
    }

    /**
     * Parses {@code text} like {@link #parse(String, ChronoUnit)} and rejects negative durations.
     *
     * @throws IllegalArgumentException if {@code text} is not a duration, or is negative
     */
    public static Duration parseNonNegative(String text, ChronoUnit defaultUnit) {
        return requireNonNegative(parse(text, defaultUnit), text);
    }

    /**
     * Formats {@code duration} in the largest unit that divides it exactly, as mod_md does:
     * {@code 14d}, {@code 6h}, {@code 30mi}, {@code 30s} or {@code 500ms}; zero is {@code 0}.
     * Like mod_md, this counts no finer than milliseconds and drops any smaller remainder.
     */
    public static String format(Duration duration) {
        Duration millis = duration.truncatedTo(ChronoUnit.MILLIS);
        if (millis.isZero()) {
            return "0";
        }
        Unit unit = Arrays.stream(Unit.values())
                .filter(candidate -> candidate.divides(millis))
                .findFirst()
                .orElse(Unit.MILLIS);
        return millis.dividedBy(unit.size()) + unit.symbol;
    }

    /** Returns {@code duration}, or throws {@code '<text>' must not be negative}. */
    static Duration requireNonNegative(Duration duration, String text) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("'" + text + "' must not be negative");
        }
        return duration;
    }

    private static IllegalArgumentException unrecognized(String text) {
        return new IllegalArgumentException("'" + text + "' has unrecognized format");
    }

    /** The units of mod_md's syntax, largest first. */
    private enum Unit {
        DAYS("d", ChronoUnit.DAYS),
        HOURS("h", ChronoUnit.HOURS),
        MINUTES("mi", ChronoUnit.MINUTES),
        SECONDS("s", ChronoUnit.SECONDS),
        MILLIS("ms", ChronoUnit.MILLIS);

        private final String symbol;
        private final ChronoUnit chronoUnit;

        Unit(String symbol, ChronoUnit chronoUnit) {
            this.symbol = symbol;
            this.chronoUnit = chronoUnit;
        }

        Duration size() {
            return chronoUnit.getDuration();
        }

        boolean divides(Duration duration) {
            return size().multipliedBy(duration.dividedBy(size())).equals(duration);
        }

        /** The unit whose symbol {@code suffix} starts with, ignoring case. */
        static Optional<Unit> leading(String suffix) {
            return Arrays.stream(values())
                    .filter(unit -> suffix.regionMatches(true, 0, unit.symbol, 0, unit.symbol.length()))
                    .findFirst();
        }

        static Unit of(ChronoUnit chronoUnit) {
            Objects.requireNonNull(chronoUnit, "defaultUnit");
            return Arrays.stream(values())
                    .filter(unit -> unit.chronoUnit == chronoUnit)
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(
                            "mod_md durations have no unit " + chronoUnit));
        }
    }
}
