package dev.mdj.server.site;

import dev.mdj.config.Configuration;
import dev.mdj.config.host.HostAddress;
import dev.mdj.config.host.VirtualHost;
import dev.mdj.md.ManagedDomain;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Which site serves a connection and a request, chosen as httpd chooses virtual hosts: the hosts
 * whose address names the connection's local IP and port exactly win over {@code *:port} hosts;
 * among those, the one whose ServerName or ServerAlias is the requested name, else the first
 * (the default of that address); without any host for the address, the main server.
 */
public final class SiteTable {

    private final Site main;
    private final List<Entry> entries;
    private final Map<Local, Candidates> byLocal = new ConcurrentHashMap<>();

    private record Entry(Site site, List<HostAddress> addresses, List<List<InetAddress>> resolved) {
    }

    private record Local(InetAddress ip, int port) {
    }

    private SiteTable(Site main, List<Entry> entries) {
        this.main = main;
        this.entries = List.copyOf(entries);
    }

    /** The sites of {@code config}, every virtual host completed with the main server's values. */
    public static SiteTable of(Configuration config) {
        Map<VirtualHost, ManagedDomain> mdOf = new IdentityHashMap<>();
        for (ManagedDomain md : config.managedDomains()) {
            for (VirtualHost host : config.serversOf(md)) {
                mdOf.putIfAbsent(host, md);
            }
        }
        VirtualHost mainHost = config.server().mainServer();
        Site main = SiteBuilder.build(mainHost, mainHost, Optional.ofNullable(mdOf.get(mainHost)));
        List<Entry> entries = new ArrayList<>();
        for (VirtualHost host : config.server().virtualHosts()) {
            Site site = SiteBuilder.build(host, mainHost, Optional.ofNullable(mdOf.get(host)));
            entries.add(new Entry(site, host.addresses(), host.addresses().stream().map(SiteTable::resolve).toList()));
        }
        return new SiteTable(main, entries);
    }

    /** Every site, the main server first. */
    public List<Site> all() {
        return Stream.concat(Stream.of(main), entries.stream().map(Entry::site)).toList();
    }

    /** The sites a connection to {@code ip:port} may be for, the default first; never empty. */
    public List<Site> candidates(InetAddress ip, int port) {
        return candidatesOf(ip, port).sites();
    }

    /** The site for a request to {@code hostName} (lower-case, no port; may be empty) on {@code ip:port}. */
    public Site select(InetAddress ip, int port, String hostName) {
        Candidates candidates = candidatesOf(ip, port);
        if (hostName == null || hostName.isEmpty()) {
            return candidates.sites().get(0);
        }
        return candidates.select(hostName.toLowerCase(Locale.ROOT));
    }

    private Candidates candidatesOf(InetAddress ip, int port) {
        return byLocal.computeIfAbsent(new Local(ip, port), local -> Candidates.of(compute(local)));
    }

    /**
     * The sites of one local address with their names indexed: a ClientHello or Host header is
     * looked up in a map instead of being compared with every site (10,000 sites cost ~0.3 ms
     * per handshake that way). Names with wildcards are tried in order, and only those of sites
     * before the exact match, so the first site that answers wins as in httpd.
     */
    private record Candidates(List<Site> sites, Map<String, Integer> exact, List<Integer> withWildcards) {

        static Candidates of(List<Site> sites) {
            Map<String, Integer> exact = new HashMap<>();
            List<Integer> withWildcards = new ArrayList<>();
            for (int i = 0; i < sites.size(); i++) {
                boolean wildcard = false;
                for (String name : sites.get(i).names()) {
                    if (name.indexOf('*') >= 0 || name.indexOf('?') >= 0) {
                        wildcard = true;
                    } else {
                        exact.putIfAbsent(name.toLowerCase(Locale.ROOT), i);
                    }
                }
                if (wildcard) {
                    withWildcards.add(i);
                }
            }
            return new Candidates(sites, exact, List.copyOf(withWildcards));
        }

        Site select(String name) {
            int first = exact.getOrDefault(name, sites.size());
            for (int i : withWildcards) {
                if (i >= first) {
                    break;
                }
                if (sites.get(i).answersTo(name)) {
                    first = i;
                    break;
                }
            }
            return sites.get(first < sites.size() ? first : 0);
        }
    }

    /** Whether any site that a connection to {@code port} may reach speaks TLS. */
    public boolean tlsOnPort(int port) {
        List<Site> sites = entries.stream()
                .filter(e -> e.addresses().stream().anyMatch(a -> a.anyPort() || a.port() == port))
                .map(Entry::site).toList();
        return sites.isEmpty() ? main.tls() : sites.stream().anyMatch(Site::tls);
    }

    private List<Site> compute(Local local) {
        List<Site> exact = new ArrayList<>();
        List<Site> wildcard = new ArrayList<>();
        for (Entry entry : entries) {
            boolean isExact = false;
            boolean isWildcard = false;
            for (int i = 0; i < entry.addresses().size(); i++) {
                HostAddress address = entry.addresses().get(i);
                if (!address.anyPort() && address.port() != local.port()) {
                    continue;
                }
                if (address.anyHost()) {
                    isWildcard = true;
                } else if (entry.resolved().get(i).contains(local.ip())) {
                    isExact = true;
                }
            }
            if (isExact) {
                exact.add(entry.site());
            } else if (isWildcard) {
                wildcard.add(entry.site());
            }
        }
        if (!exact.isEmpty()) {
            return List.copyOf(exact);
        }
        return wildcard.isEmpty() ? List.of(main) : List.copyOf(wildcard);
    }

    /** A VirtualHost address's host, resolved once as httpd does at start; nothing when it cannot be. */
    private static List<InetAddress> resolve(HostAddress address) {
        if (address.anyHost()) {
            return List.of();
        }
        try {
            return List.of(InetAddress.getAllByName(address.host()));
        } catch (UnknownHostException e) {
            return List.of();
        }
    }
}
