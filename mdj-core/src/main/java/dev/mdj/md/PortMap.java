package dev.mdj.md;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The local ports that the public ports 80 and 443 reach this server on (MDPortMap), which decide
 * the ACME challenges it can answer. Port 0, written {@code -}, means the public port does not
 * reach this server.
 *
 * @param http the local port public port 80 is mapped to, or 0
 * @param https the local port public port 443 is mapped to, or 0
 */
public record PortMap(int http, int https) {

    /** No mapping: 80 is 80 and 443 is 443. */
    public static final PortMap DEFAULT = new PortMap(80, 443);

    private static final int MAX_PORT = 65535;
    private static final String NOT_REACHABLE = "-";
    private static final Pattern MAPPING = Pattern.compile("([^:]+):([^:]+)");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    /**
     * Checks that both ports are 0 or a port number.
     *
     * @throws IllegalArgumentException if a port is negative or above 65535
     */
    public PortMap {
        requirePortOrZero(http);
        requirePortOrZero(https);
    }

    /**
     * Parses one or two mappings such as {@code http:8080}, {@code 443:8443} or {@code https:-};
     * a public port not mentioned keeps its default mapping.
     *
     * @throws IllegalArgumentException if an argument is no mapping, or a public port is mapped twice
     */
    public static PortMap parse(List<String> args) {
        if (args.isEmpty() || args.size() > 2) {
            throw new IllegalArgumentException("takes one or two port mappings like 'http:8080' or '443:8443'");
        }
        Map<PublicPort, Integer> mapped = new EnumMap<>(PublicPort.class);
        for (String arg : args) {
            Matcher mapping = MAPPING.matcher(arg);
            if (!mapping.matches()) {
                throw new IllegalArgumentException("'" + arg + "' is not a port mapping like 'http:8080' or '443:8443'");
            }
            PublicPort port = PublicPort.parse(mapping.group(1));
            if (mapped.put(port, parseLocalPort(mapping.group(2))) != null) {
                throw new IllegalArgumentException("public port " + port.number + " is mapped more than once");
            }
        }
        return new PortMap(mapped.getOrDefault(PublicPort.HTTP, DEFAULT.http),
                mapped.getOrDefault(PublicPort.HTTPS, DEFAULT.https));
    }

    /** Whether public port 80 reaches this server. */
    public boolean httpReachable() {
        return http != 0;
    }

    /** Whether public port 443 reaches this server. */
    public boolean httpsReachable() {
        return https != 0;
    }

    /** The configuration form, e.g. {@code http:8080 https:-}. */
    public String format() {
        return "http:" + formatPort(http) + " https:" + formatPort(https);
    }

    private static int parseLocalPort(String text) {
        if (text.equals(NOT_REACHABLE)) {
            return 0;
        }
        // anything but digits gets 0, which the range check rejects
        int port = DIGITS.matcher(text).matches() ? Decimals.toIntSaturated(text) : 0;
        if (port < 1 || port > MAX_PORT) {
            throw new IllegalArgumentException("invalid port number '" + text + "', must be between 1 and 65535");
        }
        return port;
    }

    private static String formatPort(int port) {
        return port == 0 ? NOT_REACHABLE : Integer.toString(port);
    }

    private static void requirePortOrZero(int port) {
        if (port < 0 || port > MAX_PORT) {
            throw new IllegalArgumentException("'" + port + "' is neither 0 (not reachable) nor a port from 1 to 65535");
        }
    }

    /** The public ports that can be mapped, by number or scheme. */
    private enum PublicPort {
        HTTP(80, "http"),
        HTTPS(443, "https");

        private final int number;
        private final String scheme;

        PublicPort(int number, String scheme) {
            this.number = number;
            this.scheme = scheme;
        }

        static PublicPort parse(String text) {
            return Keywords.match(text, values(), port -> List.of(Integer.toString(port.number), port.scheme))
                    .orElseThrow(() -> new IllegalArgumentException("mapped port number must be 80 or 443"));
        }
    }
}
