package dev.mdj.config.host;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A {@code Require} line: {@code all granted}, {@code all denied}, {@code local} or
 * {@code ip ADDRESS...} (addresses with optional {@code /bits}), optionally negated with
 * {@code not}. Several Require lines in one section grant access when any of them does, as
 * httpd's implicit {@code <RequireAny>}; a negated line can only deny.
 *
 * @param kind which test
 * @param negated whether the line was {@code Require not ...}
 * @param networks for {@link Kind#IP}: the networks, in the form written
 */
public record AccessRule(Kind kind, boolean negated, List<Network> networks) {

    /** The tests mdj supports. */
    public enum Kind { ALL_GRANTED, ALL_DENIED, LOCAL, IP }

    /** An address with a prefix length: {@code 10.0.0.0/8}, {@code ::1/128}. */
    public record Network(InetAddress address, int prefixLength) {

        public Network {
            Objects.requireNonNull(address, "address");
        }

        static Network parse(String text) {
            int slash = text.indexOf('/');
            String host = slash >= 0 ? text.substring(0, slash) : text;
            if (host.isEmpty() || !host.chars().allMatch(c -> Character.digit(c, 16) >= 0
                    || c == '.' || c == ':')) {
                throw new IllegalArgumentException("'" + text + "' is not an IP address or network;"
                        + " host names are not supported by Require ip");
            }
            if (host.indexOf(':') < 0 && !isDottedDecimal(host)) {
                // InetAddress.getByName would take it for a host name and ask the DNS
                throw new IllegalArgumentException("'" + text + "' is not an IP address or network");
            }
            InetAddress address;
            int max;
            int implied;
            try {
                if (host.indexOf(':') < 0) {
                    // httpd reads a partial IPv4 address as a network: 10.1 is 10.1.0.0/16.
                    String[] octets = host.split("\\.");
                    byte[] bytes = new byte[4];
                    for (int i = 0; i < octets.length; i++) {
                        bytes[i] = (byte) Integer.parseInt(octets[i]);
                    }
                    address = InetAddress.getByAddress(bytes);
                    implied = 8 * octets.length;
                } else {
                    address = InetAddress.getByName(host);
                    implied = address.getAddress().length * 8;
                }
                max = address.getAddress().length * 8;
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("'" + text + "' is not an IP address or network");
            }
            int bits = implied;
            if (slash >= 0) {
                try {
                    bits = Integer.parseInt(text.substring(slash + 1));
                } catch (NumberFormatException e) {
                    bits = -1;
                }
                if (bits < 0 || bits > max) {
                    throw new IllegalArgumentException("'" + text + "' has an invalid prefix length;"
                            + " it must be 0 to " + max);
                }
            }
            return new Network(address, bits);
        }

        /** One to four dot-separated numbers 0-255: a literal getByName never looks up. */
        private static boolean isDottedDecimal(String host) {
            String[] parts = host.split("\\.", -1);
            if (parts.length > 4) {
                return false;
            }
            for (String part : parts) {
                if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)
                        || Integer.parseInt(part) > 255) {
                    return false;
                }
            }
            return true;
        }

        /** Whether {@code candidate} lies in this network. */
        public boolean contains(InetAddress candidate) {
            byte[] net = address.getAddress();
            byte[] other = candidate.getAddress();
            if (net.length != other.length) {
                return false;
            }
            int full = prefixLength / 8;
            for (int i = 0; i < full; i++) {
                if (net[i] != other[i]) {
                    return false;
                }
            }
            int rest = prefixLength % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xff << (8 - rest) & 0xff;
            return (net[full] & mask) == (other[full] & mask);
        }
    }

    public AccessRule {
        Objects.requireNonNull(kind, "kind");
        networks = List.copyOf(networks);
    }

    /**
     * Parses the arguments of a Require line.
     *
     * @throws IllegalArgumentException for forms mdj does not support, naming those it does
     */
    public static AccessRule parse(List<String> args) {
        List<String> rest = args;
        boolean negated = false;
        if (!rest.isEmpty() && rest.get(0).equalsIgnoreCase("not")) {
            negated = true;
            rest = rest.subList(1, rest.size());
        }
        if (rest.isEmpty()) {
            throw new IllegalArgumentException("needs a test, such as 'all granted', 'local' or 'ip 10.0.0.0/8'");
        }
        String type = rest.get(0).toLowerCase(Locale.ROOT);
        List<String> values = rest.subList(1, rest.size());
        AccessRule rule = switch (type) {
            case "all" -> {
                if (values.size() != 1) {
                    throw new IllegalArgumentException("'all' takes 'granted' or 'denied'");
                }
                yield switch (values.get(0).toLowerCase(Locale.ROOT)) {
                    case "granted" -> new AccessRule(Kind.ALL_GRANTED, negated, List.of());
                    case "denied" -> new AccessRule(Kind.ALL_DENIED, negated, List.of());
                    default -> throw new IllegalArgumentException(
                            "'all' takes 'granted' or 'denied', not '" + values.get(0) + "'");
                };
            }
            case "local" -> {
                if (!values.isEmpty()) {
                    throw new IllegalArgumentException("'local' takes no arguments");
                }
                yield new AccessRule(Kind.LOCAL, negated, List.of());
            }
            case "ip" -> {
                if (values.isEmpty()) {
                    throw new IllegalArgumentException("'ip' needs at least one address or network");
                }
                List<Network> networks = new ArrayList<>();
                for (String value : values) {
                    networks.add(Network.parse(value));
                }
                yield new AccessRule(Kind.IP, negated, networks);
            }
            default -> throw new IllegalArgumentException("'" + rest.get(0) + "' is not supported by mdj;"
                    + " use 'all granted', 'all denied', 'local' or 'ip ADDRESS[/BITS]...'");
        };
        if (negated && (rule.kind == Kind.ALL_GRANTED || rule.kind == Kind.ALL_DENIED)) {
            throw new IllegalArgumentException("'not all' is not allowed; write 'all denied' or 'all granted'");
        }
        return rule;
    }
}
