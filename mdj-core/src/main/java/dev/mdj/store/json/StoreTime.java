package dev.mdj.store.json;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Timestamps as mod_md writes them into its JSON files: {@code apr_rfc822_date}, for example
 * {@code "Mon, 03 Nov 2026 09:17:01 GMT"} — English names, the day of month always two digits,
 * always GMT, whole seconds.
 */
public final class StoreTime {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("EEE, dd MMM uuuu HH:mm:ss 'GMT'", Locale.ENGLISH)
                    .withZone(ZoneOffset.UTC);
    private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
        "Nov", "Dec"};

    private StoreTime() {
    }

    /**
     * {@code instant} as mod_md writes it, truncated to whole seconds. Written by hand for the
     * years 0 to 9999 (md-status of thousands of MDs has tens of thousands of dates; the
     * pattern formatter took a tenth of its time); others, as {@link #FORMAT} does.
     */
    public static String format(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        if (t.getYear() < 0 || t.getYear() > 9999) {
            return FORMAT.format(instant.truncatedTo(ChronoUnit.SECONDS));
        }
        StringBuilder out = new StringBuilder(29).append(DAYS[t.getDayOfWeek().ordinal()]).append(", ");
        digits(out, t.getDayOfMonth(), 2).append(' ').append(MONTHS[t.getMonthValue() - 1]).append(' ');
        digits(out, t.getYear(), 4).append(' ');
        digits(out, t.getHour(), 2).append(':');
        digits(out, t.getMinute(), 2).append(':');
        return digits(out, t.getSecond(), 2).append(" GMT").toString();
    }

    /** {@code value} (not negative) with leading zeros to {@code width} digits. */
    private static StringBuilder digits(StringBuilder out, int value, int width) {
        String text = Integer.toString(value);
        for (int i = text.length(); i < width; i++) {
            out.append('0');
        }
        return out.append(text);
    }

    /**
     * Parses an RFC 1123 date as mod_md writes it; also accepts a one-digit day of month and a
     * numeric offset such as {@code +0000} instead of {@code GMT}.
     *
     * @throws IllegalArgumentException if {@code text} is not such a date
     */
    public static Instant parse(String text) {
        Objects.requireNonNull(text, "text");
        try {
            return DateTimeFormatter.RFC_1123_DATE_TIME.parse(text.strip(), Instant::from);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("not an RFC 1123 date: '" + text + "'", e);
        }
    }

    /**
     * A validity period, written as {@code {"from": ts, "until": ts}}.
     *
     * @param from the first moment of the period
     * @param until the last moment of the period
     */
    public record Period(Instant from, Instant until) {

        public Period {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(until, "until");
        }

        /**
         * Reads {@code {"from": ts, "until": ts}}.
         *
         * @throws IllegalArgumentException if {@code node} is not such an object
         */
        public static Period parse(JsonNode node) {
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("a period must be an object with 'from' and 'until'");
            }
            JsonNode from = node.get("from");
            JsonNode until = node.get("until");
            if (from == null || !from.isString() || until == null || !until.isString()) {
                throw new IllegalArgumentException("a period needs the strings 'from' and 'until'");
            }
            return new Period(StoreTime.parse(from.asString()), StoreTime.parse(until.asString()));
        }

        /** {@code {"from": ts, "until": ts}}. */
        public ObjectNode toJson() {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            node.put("from", format(from));
            node.put("until", format(until));
            return node;
        }
    }
}
