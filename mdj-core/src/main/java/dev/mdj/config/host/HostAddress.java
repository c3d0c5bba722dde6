package dev.mdj.config.host;

import java.util.Objects;

/**
 * One address of a {@code <VirtualHost>}: {@code *:443}, {@code _default_:443},
 * {@code 127.0.0.1:80}, {@code [::1]:443}, {@code www.example.org:80}, or {@code *} (any port).
 *
 * @param host {@code *} for any address, else the host or IP as written (IPv6 without brackets)
 * @param port the port, or 0 for any port
 */
public record HostAddress(String host, int port) {

    public HostAddress {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /**
     * Parses a VirtualHost address.
     *
     * @throws IllegalArgumentException naming the bad address
     */
    public static HostAddress parse(String text) {
        String host;
        String port = null;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("'" + text + "' has an unclosed IPv6 bracket");
            }
            host = text.substring(1, close);
            String rest = text.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    throw new IllegalArgumentException("'" + text + "' is not an address like [::1]:443");
                }
                port = rest.substring(1);
            }
        } else {
            int colon = text.lastIndexOf(':');
            if (colon >= 0 && text.indexOf(':') != colon) {
                throw new IllegalArgumentException(
                        "'" + text + "': put IPv6 addresses in brackets, like [::1]:443");
            }
            host = colon >= 0 ? text.substring(0, colon) : text;
            port = colon >= 0 ? text.substring(colon + 1) : null;
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("'" + text + "' has no host; use *:PORT for any address");
        }
        if (host.equalsIgnoreCase("_default_")) {
            host = "*";
        }
        return new HostAddress(host.toLowerCase(java.util.Locale.ROOT),
                port == null || port.equals("*") ? 0 : Ports.parse(port, text));
    }

    public boolean anyHost() {
        return host.equals("*");
    }

    public boolean anyPort() {
        return port == 0;
    }

    @Override
    public String toString() {
        String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return anyPort() ? h : h + ":" + port;
    }
}
