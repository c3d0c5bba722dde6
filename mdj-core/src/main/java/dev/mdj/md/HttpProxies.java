package dev.mdj.md;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/**
 * Validation of the proxy URL that outgoing ACME and OCSP requests go through (MDHttpProxy).
 * User info for proxy authentication is accepted; messages never show its password.
 */
public final class HttpProxies {

    private static final int MAX_PORT = 65535;
    /** The password in the user info of a URL: what follows the first colon, up to the last {@code @}. */
    private static final Pattern PASSWORD = Pattern.compile("^([^:/?#]*://[^:/?#@]*:)[^/?#]*@");

    private HttpProxies() {
    }

    /**
     * Checks that {@code url} is an http or https URL with a host and, if given, a port from 1 to
     * 65535, and returns it. The URI returned may hold a password in its user info.
     *
     * @throws IllegalArgumentException if {@code url} is not such a URL
     */
    public static URI parse(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw notAUrl(url, e);
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            throw new IllegalArgumentException("uri scheme must be http or https");
        }
        if (uri.getRawAuthority() == null) {
            throw new IllegalArgumentException("'" + redact(url) + "' has no host");
        }
        URI server;
        try {
            server = uri.parseServerAuthority();
        } catch (URISyntaxException e) {
            throw notAUrl(url, e);
        }
        if (server.getPort() != -1 && (server.getPort() < 1 || server.getPort() > MAX_PORT)) {
            throw new IllegalArgumentException("invalid port");
        }
        return server;
    }

    /** {@code url} with the password in its user info, if any, replaced by {@code ***}. */
    static String redact(String url) {
        return PASSWORD.matcher(url).replaceFirst("$1***@");
    }

    private static IllegalArgumentException notAUrl(String url, URISyntaxException e) {
        return new IllegalArgumentException("'" + redact(url) + "' is not a valid URL: " + e.getReason());
    }
}
