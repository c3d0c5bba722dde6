package dev.mdj.config.host;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * A {@code ProxyPass path url} (or {@code ProxyPassReverse}) mapping: requests below
 * {@code path} are forwarded to the HTTP backend {@code backend}; {@code ProxyPass path !}
 * excludes a path from an enclosing mapping.
 *
 * @param path the local URL path prefix
 * @param backend the backend URL, empty for an exclusion ({@code !})
 */
public record ProxyRule(String path, Optional<URI> backend) {

    /**
     * Parses a mapping.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static ProxyRule parse(String path, String url) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("the path '" + path + "' must start with '/'");
        }
        if (url.equals("!")) {
            return new ProxyRule(path, Optional.empty());
        }
        URI backend;
        try {
            backend = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + url + "' is not a valid URL");
        }
        String scheme = backend.getScheme() == null ? "" : backend.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("'" + url
                    + "': mdj proxies to http:// and https:// backends only");
        }
        if (backend.getHost() == null) {
            throw new IllegalArgumentException("'" + url + "' has no host");
        }
        return new ProxyRule(path, Optional.of(backend));
    }

    public boolean isExclusion() {
        return backend.isEmpty();
    }
}
