package dev.mdj.config.host;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code Listen [address:]port [protocol]} directive: where mdj accepts connections.
 *
 * @param address the IP address to bind, or empty for all addresses
 * @param port the port, 1..65535
 * @param protocol {@code http} or {@code https} when given; without it httpd (and mdj) take 443
 *     to be https and every other port http
 */
public record Listen(Optional<String> address, int port, Optional<String> protocol) {

    public Listen {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(protocol, "protocol");
    }

    /**
     * Parses the arguments of Listen.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static Listen parse(String addressAndPort, String protocol) {
        HostAddress parsed;
        if (addressAndPort.chars().allMatch(Character::isDigit)) {
            parsed = new HostAddress("*", Ports.parse(addressAndPort, addressAndPort));
        } else {
            parsed = HostAddress.parse(addressAndPort);
            if (parsed.anyPort()) {
                throw new IllegalArgumentException("Port must be specified: '" + addressAndPort + "'");
            }
        }
        Optional<String> proto = Optional.ofNullable(protocol).map(p -> p.toLowerCase(Locale.ROOT));
        if (proto.isPresent() && !proto.get().equals("http") && !proto.get().equals("https")) {
            throw new IllegalArgumentException("unknown protocol '" + protocol
                    + "'; mdj serves 'http' and 'https'");
        }
        return new Listen(parsed.anyHost() ? Optional.empty() : Optional.of(parsed.host()),
                parsed.port(), proto);
    }

    /** Whether connections on this listener are TLS: the protocol says so, or the port is 443. */
    public boolean isHttps() {
        return protocol.map("https"::equals).orElse(port == 443);
    }

    @Override
    public String toString() {
        String a = address.map(h -> (h.indexOf(':') >= 0 ? "[" + h + "]" : h) + ":").orElse("");
        return a + port + protocol.map(p -> " " + p).orElse("");
    }
}
