package dev.mdj.server.proxy;

import java.net.URI;
import java.util.Locale;

/**
 * Where a backend listens: what pooled connections are keyed by.
 *
 * @param scheme {@code http} or {@code https}
 * @param host the host name or IP literal (IPv6 without brackets)
 * @param port the port, the scheme's default when the URL names none
 */
record Origin(String scheme, String host, int port) {

    static Origin of(URI url) {
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        String host = url.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return new Origin(scheme, host.toLowerCase(Locale.ROOT), url.getPort() >= 0 ? url.getPort() : defaultPort(scheme));
    }

    boolean secure() {
        return scheme.equals("https");
    }

    /** The Host header for this backend: {@code host[:port]}, the port only when not the scheme's default. */
    String authority() {
        String name = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return port == defaultPort(scheme) ? name : name + ":" + port;
    }

    private static int defaultPort(String scheme) {
        return scheme.equals("https") ? 443 : 80;
    }

    @Override
    public String toString() {
        return scheme + "://" + authority();
    }
}
