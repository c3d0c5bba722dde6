package dev.mdj.server.log;

import dev.mdj.server.http.Transaction;
import dev.mdj.server.site.Site;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A mod_log_config format string, compiled once: literal text and {@code %} directives, each
 * with its optional {@code {argument}} and status condition ({@code %400,501{User-agent}i},
 * {@code %!200b}). Directives mdj does not know are logged as {@code -}, with a warning when the
 * format is compiled.
 */
public final class LogFormat {

    /** httpd's Common Log Format, its default. */
    public static final String COMMON = "%h %l %u %t \"%r\" %>s %b";
    /** The NCSA extended format of httpd's default configuration. */
    public static final String COMBINED = COMMON + " \"%{Referer}i\" \"%{User-Agent}i\"";
    /** The {@code %{VAR}e} variables mdj sets: mod_ssl's, for TLS requests. */
    private static final Set<String> ENVIRONMENT = Set.of("HTTPS", "SSL_PROTOCOL", "SSL_CIPHER", "SSL_TLS_SNI");

    private final List<Item> items;

    /** One piece of the line. */
    @FunctionalInterface
    private interface Item {
        void append(StringBuilder line, Transaction transaction);
    }

    private LogFormat(List<Item> items) {
        this.items = List.copyOf(items);
    }

    /**
     * Compiles {@code format}; what mdj cannot log is reported to {@code warnings} (once per
     * directive) and logged as {@code -}.
     */
    public static LogFormat parse(String format, Consumer<String> warnings) {
        List<Item> items = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        Set<String> warned = new HashSet<>();
        int i = 0;
        while (i < format.length()) {
            char c = format.charAt(i++);
            if (c == '\\' && i < format.length()) {
                char next = format.charAt(i++);
                literal.append(next == 'n' ? '\n' : next == 't' ? '\t' : next);
                continue;
            }
            if (c != '%') {
                literal.append(c);
                continue;
            }
            List<Integer> statuses = new ArrayList<>();
            boolean negated = false;
            String argument = null;
            char letter = 0;
            while (i < format.length() && letter == 0) {
                char m = format.charAt(i++);
                if (m == '!') {
                    negated = true;
                } else if (m == '<' || m == '>' || m == ',') {
                    // original or final status: mdj has only the final one
                } else if (Character.isDigit(m)) {
                    int end = i;
                    while (end < format.length() && Character.isDigit(format.charAt(end))) {
                        end++;
                    }
                    statuses.add(Integer.parseInt(format.substring(i - 1, end)));
                    i = end;
                } else if (m == '{') {
                    int close = format.indexOf('}', i);
                    if (close < 0) {
                        warnings.accept("log format '" + format + "': '{' without '}'");
                        i = format.length();
                        break;
                    }
                    argument = format.substring(i, close);
                    i = close + 1;
                } else {
                    letter = m;
                }
            }
            if (letter == '%') {
                literal.append('%');
                continue;
            }
            if (!literal.isEmpty()) {
                String text = literal.toString();
                items.add((line, t) -> line.append(text));
                literal.setLength(0);
            }
            Item item = directive(letter, argument);
            if (item == null) {
                String shown = "%" + (argument == null ? "" : "{" + argument + "}") + (letter == 0 ? "" : letter);
                if (warned.add(shown)) {
                    warnings.accept("log format '" + format + "': " + shown + " is not supported by mdj; logged as '-'");
                }
                item = (line, t) -> line.append('-');
            } else if (letter == 'e' && !ENVIRONMENT.contains(argument) && warned.add(argument)) {
                warnings.accept("log format '" + format + "': mdj sets no variable " + argument
                        + " (only " + String.join(", ", ENVIRONMENT.stream().sorted().toList()) + "); logged as '-'");
            }
            items.add(statuses.isEmpty() ? item : conditional(item, statuses, negated));
        }
        if (!literal.isEmpty()) {
            String text = literal.toString();
            items.add((line, t) -> line.append(text));
        }
        return new LogFormat(items);
    }

    /** The log line for {@code transaction}, without line end. */
    public String format(Transaction transaction) {
        StringBuilder line = new StringBuilder(128);
        for (Item item : items) {
            item.append(line, transaction);
        }
        return line.toString();
    }

    /** The item for {@code %{argument}letter}, or null when mdj does not know it. */
    private static Item directive(char letter, String argument) {
        return switch (letter) {
            case 'h', 'a' -> plain(t -> t.connection().remote().getAddress().getHostAddress());
            case 'A' -> plain(t -> t.connection().local().getAddress().getHostAddress());
            case 'l', 'u' -> (line, t) -> line.append('-');
            case 't' -> new LogTime(argument)::append;
            case 'r' -> escaped(Transaction::requestLine);
            case 's' -> (line, t) -> line.append(t.status());
            case 'b' -> (line, t) -> {
                if (t.bytes() == 0) {
                    line.append('-');
                } else {
                    line.append(t.bytes());
                }
            };
            case 'B' -> (line, t) -> line.append(t.bytes());
            case 'D' -> (line, t) -> line.append(TimeUnit.NANOSECONDS.toMicros(t.elapsedNanos()));
            case 'T' -> elapsed(argument);
            case 'U' -> escaped(Transaction::path);
            case 'q' -> escaped(t -> t.query().isEmpty() ? "" : "?" + t.query());
            case 'm' -> escaped(t -> t.request().method().name());
            case 'H' -> escaped(Transaction::protocol);
            case 'v' -> escaped(LogFormat::serverName);
            case 'V' -> escaped(t -> t.host().isEmpty() ? serverName(t) : t.host());
            case 'p' -> port(argument);
            case 'P' -> (line, t) -> line.append(ProcessHandle.current().pid());
            case 'i' -> argument == null ? null : header(t -> t.request().headers(), argument);
            case 'o' -> argument == null ? null
                    : header(t -> t.responseHeaders().orElse(HttpHeaders.EMPTY_HEADERS), argument);
            case 'e' -> argument == null ? null : escaped(t -> environment(t, argument));
            default -> null;
        };
    }

    private static Item plain(Function<Transaction, String> value) {
        return (line, t) -> line.append(value.apply(t));
    }

    private static Item escaped(Function<Transaction, String> value) {
        return (line, t) -> LogEscapes.append(line, value.apply(t));
    }

    private static Item conditional(Item item, List<Integer> statuses, boolean negated) {
        return (line, t) -> {
            if (statuses.contains(t.status()) != negated) {
                item.append(line, t);
            } else {
                line.append('-');
            }
        };
    }

    private static Item header(Function<Transaction, HttpHeaders> headers, String name) {
        return (line, t) -> {
            List<String> values = headers.apply(t).getAll(name);
            if (values.isEmpty()) {
                line.append('-');
            } else {
                LogEscapes.append(line, String.join(", ", values));
            }
        };
    }

    private static Item elapsed(String unit) {
        TimeUnit in = switch (unit == null ? "s" : unit) {
            case "ms" -> TimeUnit.MILLISECONDS;
            case "us" -> TimeUnit.MICROSECONDS;
            case "s" -> TimeUnit.SECONDS;
            default -> null;
        };
        return in == null ? null : (line, t) -> line.append(in.convert(t.elapsedNanos(), TimeUnit.NANOSECONDS));
    }

    private static Item port(String kind) {
        return switch (kind == null ? "canonical" : kind) {
            case "canonical", "local" -> (line, t) -> line.append(t.connection().local().getPort());
            case "remote" -> (line, t) -> line.append(t.connection().remote().getPort());
            default -> null;
        };
    }

    /** %v: the ServerName of the site that answered. */
    private static String serverName(Transaction t) {
        return t.site().flatMap(s -> s.host().serverName()).or(() -> t.site().map(Site::names)
                .filter(n -> !n.isEmpty()).map(n -> n.get(0))).orElse("-");
    }

    /** The few variables mod_ssl would set that mdj knows; others are {@code -}. */
    private static String environment(Transaction t, String name) {
        if (t.tls().isEmpty()) {
            return "-";
        }
        return switch (name) {
            case "HTTPS" -> "on";
            case "SSL_PROTOCOL" -> t.tls().get().getProtocol();
            case "SSL_CIPHER" -> t.tls().get().getCipherSuite();
            case "SSL_TLS_SNI" -> t.connection().serverName().isEmpty() ? "-" : t.connection().serverName();
            default -> "-";
        };
    }

    /**
     * The format a CustomLog names: a LogFormat nickname, else httpd's usual {@code common} and
     * {@code combined} (built in here; httpd has them from its default configuration), else the
     * argument itself as an inline format.
     */
    public static String resolve(String formatOrNickname, Map<String, String> nicknames) {
        String named = nicknames.get(formatOrNickname);
        if (named != null) {
            return named;
        }
        return switch (formatOrNickname) {
            case "common" -> COMMON;
            case "combined" -> COMBINED;
            default -> formatOrNickname;
        };
    }
}
