package dev.mdj.server.log;

import dev.mdj.server.http.Transaction;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * {@code %t} and {@code %{format}t}: the request's start (or with {@code end:} its end) in local
 * time, as {@code [10/Oct/2000:13:55:36 -0700]}, as {@code sec}, {@code msec}, {@code usec},
 * {@code msec_frac}, {@code usec_frac}, or in a strftime format.
 */
final class LogTime {

    private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("Z", Locale.ENGLISH);
    private static final DateTimeFormatter COMMON = DateTimeFormatter.ofPattern("'['dd/MMM/yyyy:HH:mm:ss Z']'", Locale.ENGLISH);

    private final boolean end;
    private final String format;

    LogTime(String argument) {
        String spec = argument;
        boolean atEnd = false;
        if (spec != null && spec.startsWith("begin:")) {
            spec = spec.substring("begin:".length());
        } else if (spec != null && spec.startsWith("end:")) {
            spec = spec.substring("end:".length());
            atEnd = true;
        }
        this.end = atEnd;
        this.format = spec;
    }

    void append(StringBuilder line, Transaction transaction) {
        Instant instant = end ? transaction.start().plusNanos(transaction.elapsedNanos()) : transaction.start();
        if (format == null) {
            line.append(COMMON.format(instant.atZone(ZoneId.systemDefault())));
            return;
        }
        long micros = TimeUnit.SECONDS.toMicros(instant.getEpochSecond()) + instant.getNano() / 1000;
        switch (format) {
            case "sec" -> line.append(instant.getEpochSecond());
            case "msec" -> line.append(micros / 1000);
            case "usec" -> line.append(micros);
            case "msec_frac" -> padded(line, micros / 1000 % 1000, 3);
            case "usec_frac" -> padded(line, micros % 1_000_000, 6);
            default -> strftime(line, format, instant.atZone(ZoneId.systemDefault()));
        }
    }

    /** The strftime conversions in common use; others are copied as written. */
    static void strftime(StringBuilder line, String format, ZonedDateTime time) {
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%' || i + 1 == format.length()) {
                line.append(c);
                continue;
            }
            char conversion = format.charAt(++i);
            switch (conversion) {
                case 'Y' -> line.append(time.getYear());
                case 'y' -> two(line, time.getYear() % 100);
                case 'm' -> two(line, time.getMonthValue());
                case 'd' -> two(line, time.getDayOfMonth());
                case 'e' -> line.append(time.getDayOfMonth() < 10 ? " " : "").append(time.getDayOfMonth());
                case 'H' -> two(line, time.getHour());
                case 'I' -> two(line, (time.getHour() + 11) % 12 + 1);
                case 'M' -> two(line, time.getMinute());
                case 'S' -> two(line, time.getSecond());
                case 'p' -> line.append(time.getHour() < 12 ? "AM" : "PM");
                case 'j' -> padded(line, time.getDayOfYear(), 3);
                case 'b', 'h' -> line.append(time.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
                case 'B' -> line.append(time.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
                case 'a' -> line.append(time.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
                case 'A' -> line.append(time.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
                case 'u' -> line.append(time.get(ChronoField.DAY_OF_WEEK));
                case 'z' -> line.append(OFFSET.format(time));
                case 'Z' -> line.append(time.getZone().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
                case 's' -> line.append(time.toEpochSecond());
                case 'T' -> strftime(line, "%H:%M:%S", time);
                case 'R' -> strftime(line, "%H:%M", time);
                case 'D' -> strftime(line, "%m/%d/%y", time);
                case 'F' -> strftime(line, "%Y-%m-%d", time);
                case 'n' -> line.append('\n');
                case 't' -> line.append('\t');
                case '%' -> line.append('%');
                default -> line.append('%').append(conversion);
            }
        }
    }

    private static void two(StringBuilder line, int value) {
        padded(line, value, 2);
    }

    /** {@code value} (not negative) with leading zeros to {@code digits} digits, without String.format per log line. */
    private static void padded(StringBuilder line, long value, int digits) {
        String text = Long.toString(value);
        for (int i = text.length(); i < digits; i++) {
            line.append('0');
        }
        line.append(text);
    }
}
