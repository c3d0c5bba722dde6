package dev.mdj.config.host;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code <Location>} (URL space) or {@code <Directory>} (file system) section and what it sets.
 *
 * @param kind which section
 * @param path the URL path or directory
 * @param handler {@code SetHandler} (md-status, server-status, metrics, ...)
 * @param access the {@code Require} lines
 * @param headers the {@code Header} lines
 * @param redirects the {@code Redirect} lines
 * @param proxy {@code ProxyPass url} inside a {@code <Location>}
 * @param proxyReverse {@code ProxyPassReverse url} inside a {@code <Location>}
 * @param definedAt where the section starts ({@code FILE:LINE})
 */
public record PathSection(Kind kind, String path, Optional<String> handler, List<AccessRule> access,
        List<HeaderRule> headers, List<RedirectRule> redirects, Optional<ProxyRule> proxy,
        Optional<ProxyRule> proxyReverse, String definedAt) {

    /** The two sections. */
    public enum Kind { LOCATION, DIRECTORY }

    public PathSection {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(path, "path");
        access = List.copyOf(access);
        headers = List.copyOf(headers);
        redirects = List.copyOf(redirects);
    }
}
