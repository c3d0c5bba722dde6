package dev.mdj.md;

import java.net.Authenticator;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
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

    /** A selector sending every request through {@code proxy} (a URL {@link #parse} accepted). */
    public static ProxySelector selector(URI proxy) {
        int port = proxy.getPort() != -1 ? proxy.getPort() : "https".equalsIgnoreCase(proxy.getScheme()) ? 443 : 80;
        return ProxySelector.of(InetSocketAddress.createUnresolved(proxy.getHost(), port));
    }

    /** The proxy credentials from the user info of {@code proxy}, if it has any. */
    public static Optional<Authenticator> authenticator(URI proxy) {
        String userInfo = proxy.getRawUserInfo();
        if (userInfo == null || userInfo.isEmpty()) {
            return Optional.empty();
        }
        int colon = userInfo.indexOf(':');
        String user = URLDecoder.decode(colon < 0 ? userInfo : userInfo.substring(0, colon), StandardCharsets.UTF_8);
        String pass = colon < 0 ? "" : URLDecoder.decode(userInfo.substring(colon + 1), StandardCharsets.UTF_8);
        return Optional.of(new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return getRequestorType() == RequestorType.PROXY
                        ? new PasswordAuthentication(user, pass.toCharArray()) : null;
            }
        });
    }

    /** {@code url} with the password in its user info, if any, replaced by {@code ***}. */
    static String redact(String url) {
        return PASSWORD.matcher(url).replaceFirst("$1***@");
    }

    private static IllegalArgumentException notAUrl(String url, URISyntaxException e) {
        return new IllegalArgumentException("'" + redact(url) + "' is not a valid URL: " + e.getReason());
    }
}
