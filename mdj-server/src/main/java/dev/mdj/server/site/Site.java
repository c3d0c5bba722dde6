package dev.mdj.server.site;

import dev.mdj.config.AliasPattern;
import dev.mdj.config.host.HeaderRule;
import dev.mdj.config.host.PathSection;
import dev.mdj.config.host.ProxyRule;
import dev.mdj.config.host.RedirectRule;
import dev.mdj.config.host.VirtualHost;
import dev.mdj.md.DomainNames;
import dev.mdj.md.ManagedDomain;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A virtual host as the server runs it: what it sets, completed with what it inherits from the
 * main server (as httpd merges them), and the managed domain whose certificate it uses.
 *
 * @param host the virtual host as configured
 * @param names the ServerName and ServerAlias names, lower-case
 * @param managedDomain the managed domain of this host, if one covers it
 * @param tls whether the host speaks TLS ({@code SSLEngine on})
 * @param documentRoot where static files come from, if anywhere
 * @param directoryIndex the index file names for directory requests
 * @param protocols the protocols allowed, lower-case ({@code h2}, {@code http/1.1}, {@code acme-tls/1})
 * @param tlsVersions the TLS versions SSLProtocol leaves enabled ({@code TLSv1.3}, {@code TLSv1.2})
 * @param sections the {@code <Location>} and {@code <Directory>} sections, the main server's first
 * @param proxyPasses the server-level ProxyPass mappings, the host's before the main server's
 * @param proxyPassReverses the server-level ProxyPassReverse mappings
 * @param proxyPreserveHost whether the client's Host goes to backends
 * @param headers the server-level Header lines, the main server's first
 * @param redirects the server-level Redirect lines, the host's first
 * @param timeout how long a request may take to arrive
 * @param keepAliveTimeout how long an idle keep-alive connection stays open
 * @param keepAlive whether an HTTP/1.1 connection stays open after a response (KeepAlive)
 * @param maxKeepAliveRequests requests per HTTP/1.1 connection, 0 for unlimited (MaxKeepAliveRequests)
 */
public record Site(VirtualHost host, List<String> names, Optional<ManagedDomain> managedDomain,
        boolean tls, Optional<Path> documentRoot, List<String> directoryIndex, List<String> protocols,
        List<String> tlsVersions,
        List<PathSection> sections, List<ProxyRule> proxyPasses, List<ProxyRule> proxyPassReverses,
        boolean proxyPreserveHost, List<HeaderRule> headers, List<RedirectRule> redirects,
        Duration timeout, Duration keepAliveTimeout, boolean keepAlive, int maxKeepAliveRequests) {

    /** httpd's defaults, except Protocols: mdj offers h2 unless told otherwise. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    static final Duration DEFAULT_KEEP_ALIVE_TIMEOUT = Duration.ofSeconds(5);
    static final int DEFAULT_MAX_KEEP_ALIVE_REQUESTS = 100;
    static final List<String> DEFAULT_PROTOCOLS = List.of("h2", "http/1.1");
    static final List<String> DEFAULT_DIRECTORY_INDEX = List.of("index.html");

    public Site {
        names = List.copyOf(names);
        directoryIndex = List.copyOf(directoryIndex);
        protocols = List.copyOf(protocols);
        tlsVersions = List.copyOf(tlsVersions);
        sections = List.copyOf(sections);
        proxyPasses = List.copyOf(proxyPasses);
        proxyPassReverses = List.copyOf(proxyPassReverses);
        headers = List.copyOf(headers);
        redirects = List.copyOf(redirects);
    }

    /** Whether this host answers to {@code hostName} (lower-case, without port) by name or alias. */
    public boolean answersTo(String hostName) {
        for (String name : names) {
            if (AliasPattern.matches(name, hostName)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code protocol} (such as {@code h2}) is listed in Protocols. */
    public boolean allows(String protocol) {
        return protocols.contains(protocol.toLowerCase(Locale.ROOT));
    }

    /**
     * The managed domain for a request to {@code hostName}: this host's MD if it covers the name
     * (mod_md applies MDRequireHttps and the 503 only to the MD that contains the server name).
     */
    public Optional<ManagedDomain> managedDomainFor(String hostName) {
        return managedDomain.filter(md -> md.domains().stream().anyMatch(d -> DomainNames.matches(d, hostName)));
    }

    public String describe() {
        return host.describe();
    }
}
