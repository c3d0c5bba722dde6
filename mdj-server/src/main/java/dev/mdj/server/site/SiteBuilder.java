package dev.mdj.server.site;

import dev.mdj.config.host.VirtualHost;
import dev.mdj.md.ManagedDomain;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/** Completes a virtual host with what it inherits from the main server, as httpd merges them. */
final class SiteBuilder {

    private SiteBuilder() {
    }

    static Site build(VirtualHost host, VirtualHost main, Optional<ManagedDomain> md) {
        boolean isMain = host == main;
        List<String> names = host.names().stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
        return new Site(host, names, md,
                host.tls().engine(),
                host.documentRoot().or(main::documentRoot),
                first(host.directoryIndex(), main.directoryIndex(), Site.DEFAULT_DIRECTORY_INDEX),
                first(host.protocols(), main.protocols(), Site.DEFAULT_PROTOCOLS).stream()
                        .map(p -> p.toLowerCase(Locale.ROOT)).toList(),
                (host.tls().protocols().isEmpty() ? main.tls() : host.tls()).tlsVersions(),
                isMain ? main.sections() : concat(main.sections(), host.sections()),
                isMain ? main.proxyPasses() : concat(host.proxyPasses(), main.proxyPasses()),
                isMain ? main.proxyPassReverses() : concat(host.proxyPassReverses(), main.proxyPassReverses()),
                host.proxyPreserveHost().or(main::proxyPreserveHost).orElse(false),
                isMain ? main.headers() : concat(main.headers(), host.headers()),
                isMain ? main.redirects() : concat(host.redirects(), main.redirects()),
                host.timeout().or(main::timeout).orElse(Site.DEFAULT_TIMEOUT),
                host.keepAliveTimeout().or(main::keepAliveTimeout).orElse(Site.DEFAULT_KEEP_ALIVE_TIMEOUT),
                host.keepAlive().or(main::keepAlive).orElse(true),
                host.maxKeepAliveRequests().or(main::maxKeepAliveRequests)
                        .orElse(Site.DEFAULT_MAX_KEEP_ALIVE_REQUESTS));
    }

    private static <T> List<T> first(List<T> own, List<T> inherited, List<T> fallback) {
        return !own.isEmpty() ? own : !inherited.isEmpty() ? inherited : fallback;
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }
}
