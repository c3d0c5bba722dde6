package dev.mdj.config.host;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A server as httpd knows it: the main server (the configuration's top level) or one
 * {@code <VirtualHost>}. Values a virtual host does not set are inherited from the main server
 * when the server is built; here they are as written.
 *
 * @param addresses the {@code <VirtualHost>} addresses; empty for the main server
 * @param serverName the {@code ServerName} host (lower-case), when given
 * @param aliases the {@code ServerAlias} names (lower-case; may contain wildcards)
 * @param serverAdmin {@code ServerAdmin}
 * @param documentRoot {@code DocumentRoot}, resolved against ServerRoot
 * @param directoryIndex {@code DirectoryIndex} names (empty: not given)
 * @param protocols {@code Protocols} (empty: not given)
 * @param tls the mod_ssl settings
 * @param sections the {@code <Location>} and {@code <Directory>} sections in order
 * @param proxyPasses server-level {@code ProxyPass} mappings in order
 * @param proxyPassReverses server-level {@code ProxyPassReverse} mappings
 * @param proxyPreserveHost {@code ProxyPreserveHost}, when given
 * @param headers server-level {@code Header} lines
 * @param redirects server-level {@code Redirect} lines
 * @param logs {@code ErrorLog}, {@code CustomLog}, {@code LogLevel}
 * @param timeout {@code Timeout}, when given
 * @param keepAlive {@code KeepAlive}, when given
 * @param maxKeepAliveRequests {@code MaxKeepAliveRequests}, when given
 * @param keepAliveTimeout {@code KeepAliveTimeout}, when given
 * @param contactEmail an {@code MDContactEmail} written in this virtual host (used for the
 *     managed domain it serves when no global contact is set)
 * @param definedAt where the server starts ({@code FILE:LINE}; the main file for the main server)
 */
public record VirtualHost(List<HostAddress> addresses, Optional<String> serverName,
        List<String> aliases, Optional<String> serverAdmin, Optional<Path> documentRoot,
        List<String> directoryIndex, List<String> protocols, TlsSettings tls,
        List<PathSection> sections, List<ProxyRule> proxyPasses, List<ProxyRule> proxyPassReverses,
        Optional<Boolean> proxyPreserveHost, List<HeaderRule> headers, List<RedirectRule> redirects,
        LogSettings logs, Optional<Duration> timeout, Optional<Boolean> keepAlive,
        Optional<Integer> maxKeepAliveRequests, Optional<Duration> keepAliveTimeout,
        Optional<String> contactEmail, String definedAt) {

    public VirtualHost {
        addresses = List.copyOf(addresses);
        aliases = List.copyOf(aliases);
        directoryIndex = List.copyOf(directoryIndex);
        protocols = List.copyOf(protocols);
        sections = List.copyOf(sections);
        proxyPasses = List.copyOf(proxyPasses);
        proxyPassReverses = List.copyOf(proxyPassReverses);
        headers = List.copyOf(headers);
        redirects = List.copyOf(redirects);
        Objects.requireNonNull(definedAt, "definedAt");
    }

    /** Whether this is the main server rather than a {@code <VirtualHost>}. */
    public boolean isMainServer() {
        return addresses.isEmpty();
    }

    /** The ServerName followed by the aliases: every name this server answers to. */
    public List<String> names() {
        return serverName.map(n -> java.util.stream.Stream.concat(java.util.stream.Stream.of(n),
                aliases.stream()).toList()).orElse(aliases);
    }

    /** A short description for messages: {@code www.example.org (*:443)}. */
    public String describe() {
        String name = serverName.orElse("(no ServerName)");
        return isMainServer() ? name + " (main server)" : name + " " + addresses;
    }
}
