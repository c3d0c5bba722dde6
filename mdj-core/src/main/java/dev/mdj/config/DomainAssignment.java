package dev.mdj.config;

import dev.mdj.config.host.VirtualHost;
import dev.mdj.md.Contacts;
import dev.mdj.md.DomainNames;
import dev.mdj.md.GlobalSetting;
import dev.mdj.md.ManagedDomain;
import dev.mdj.md.MatchNames;
import dev.mdj.md.CertificateAuthorities;
import dev.mdj.md.MdSetting;
import dev.mdj.md.MemberMode;
import dev.mdj.md.RequireHttps;
import dev.mdj.md.Settings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Links managed domains and servers the way mod_md does at start-up: which virtual hosts each
 * managed domain serves ({@code MDMatchNames}, {@code MDBaseServer}), the names a TLS virtual
 * host adds to its managed domain ({@code MDMembers auto}) or that stay uncovered
 * ({@code manual}: a warning), and the checks mod_md makes fatal: a name in two managed domains,
 * a TLS virtual host matching two, static certificate and key files that do not pair up.
 * Finally each domain's settings are completed from the server-wide ones and its contact from
 * the matched virtual host's MDContactEmail or ServerAdmin.
 */
final class DomainAssignment {

    private final ServerConfig config;
    private final MatchNames matchNames;
    private final List<ConfigError> errors = new ArrayList<>();
    private final List<ConfigError> warnings;
    /** Every name of every managed domain to the domains defining it, in definition order. */
    private final Map<String, List<MdDefinition>> byName = new HashMap<>();
    private final Map<MdDefinition, Integer> order = new IdentityHashMap<>();

    private DomainAssignment(ServerConfig config) {
        this.config = config;
        this.matchNames = config.global().get(GlobalSetting.MATCH_NAMES);
        this.warnings = new ArrayList<>(config.warnings());
        for (MdDefinition md : config.managedDomains()) {
            order.put(md, order.size());
            for (String name : md.domains()) {
                byName.computeIfAbsent(name, n -> new ArrayList<>(1)).add(md);
            }
        }
    }

    /**
     * @throws ConfigException with every conflict found
     */
    static Configuration assign(ServerConfig config) {
        return new DomainAssignment(config).run();
    }

    private Configuration run() {
        List<MdDefinition> definitions = config.managedDomains();
        checkOverlaps(definitions);
        checkStaticFiles(definitions);
        List<VirtualHost> servers = new ArrayList<>(config.virtualHosts());
        if (config.global().get(GlobalSetting.BASE_SERVER)) {
            servers.add(config.mainServer());
        }
        Map<String, List<VirtualHost>> serversByMd = new LinkedHashMap<>();
        Map<String, Set<String>> names = new LinkedHashMap<>();
        definitions.forEach(md -> {
            serversByMd.put(md.name(), new ArrayList<>());
            names.put(md.name(), new LinkedHashSet<>(md.domains()));
        });
        for (VirtualHost server : servers) {
            List<MdDefinition> matching = matching(server);
            matching.forEach(md -> serversByMd.get(md.name()).add(server));
            if (server.tls().engine() && matching.size() > 1) {
                error(definedAt(server), "the TLS server " + server.describe() + " matches "
                        + matching.size() + " managed domains ("
                        + String.join(", ", matching.stream().map(MdDefinition::name).toList())
                        + "), however there can only be one");
            } else if (server.tls().engine() && matching.size() == 1) {
                addMembers(matching.get(0), server, names.get(matching.get(0).name()));
            }
        }
        List<ManagedDomain> domains = new ArrayList<>();
        for (MdDefinition md : definitions) {
            List<VirtualHost> served = serversByMd.get(md.name());
            Settings settings = md.settings().inheritFrom(config.mdDefaults());
            checkUsage(md, served, settings);
            settings = withContact(settings, served);
            domains.add(new ManagedDomain(md.name(), List.copyOf(names.get(md.name())), settings,
                    md.location().toString()));
        }
        checkAddedOverlaps(domains);
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
        Map<String, List<VirtualHost>> frozen = new LinkedHashMap<>();
        serversByMd.forEach((name, list) -> frozen.put(name, List.copyOf(list)));
        return new Configuration(config, domains, frozen, warnings);
    }

    /** mod_md's AH10038: one name in two managed domains (fatal with MDMatchNames all). */
    private void checkOverlaps(List<MdDefinition> definitions) {
        Set<List<MdDefinition>> reported = new HashSet<>();
        for (MdDefinition second : definitions) {
            for (String name : second.domains()) {
                MdDefinition first = byName.get(name).get(0);
                if (first == second || !reported.add(List.of(first, second))) {
                    continue;
                }
                String message = "two Managed Domains have an overlap in domain '" + name
                        + "', first definition in " + first.location() + ", second definition in "
                        + second.location();
                (matchNames == MatchNames.ALL ? errors : warnings)
                        .add(new ConfigError(second.location(), message));
            }
        }
    }

    /** mod_md's AH10170/AH10171: every static certificate needs its key. */
    private void checkStaticFiles(List<MdDefinition> definitions) {
        for (MdDefinition md : definitions) {
            int certs = md.settings().find(MdSetting.CERTIFICATE_FILES).orElse(List.of()).size();
            int keys = md.settings().find(MdSetting.KEY_FILES).orElse(List.of()).size();
            if (certs != keys) {
                errors.add(new ConfigError(md.location(), "managed domain '" + md.name() + "' has "
                        + certs + " MDCertificateFile and " + keys
                        + " MDCertificateKeyFile; they must pair up, one key per certificate"));
            }
        }
    }

    /**
     * Names added from virtual hosts must not end up in two managed domains either (names both
     * domains define were reported by {@link #checkOverlaps}).
     */
    private void checkAddedOverlaps(List<ManagedDomain> domains) {
        Map<String, ManagedDomain> owner = new LinkedHashMap<>();
        for (ManagedDomain md : domains) {
            for (String name : md.domains()) {
                ManagedDomain other = owner.putIfAbsent(name, md);
                if (other == null || isDefinedName(other, name) && isDefinedName(md, name)) {
                    continue;
                }
                ConfigError conflict = new ConfigError(definitionOf(md).location(),
                        "the name '" + name + "' ends up in both managed domains '" + other.name()
                        + "' and '" + md.name() + "' (added from a virtual host's ServerName or"
                        + " ServerAlias by MDMembers auto)");
                (matchNames == MatchNames.ALL ? errors : warnings).add(conflict);
            }
        }
    }

    private boolean isDefinedName(ManagedDomain md, String name) {
        return definitionOf(md).domains().contains(name);
    }

    private MdDefinition definitionOf(ManagedDomain md) {
        return config.managedDomains().stream().filter(d -> d.name().equals(md.name()))
                .findFirst().orElseThrow();
    }

    /**
     * The managed domains serving a server, in definition order. With {@code all}, any of an
     * MD's names matching the ServerName or an alias counts (aliases may be httpd patterns such
     * as {@code *.example.org}); with {@code servernames}, only the ServerName, and an MD naming
     * it exactly beats one covering it by wildcard. Names are looked up in an index, so this
     * stays linear in the number of servers and domains.
     */
    private List<MdDefinition> matching(VirtualHost server) {
        Set<MdDefinition> found = new HashSet<>();
        Optional<String> serverName = server.serverName().map(DomainAssignment::canonical);
        if (matchNames == MatchNames.SERVERNAMES) {
            serverName.ifPresent(name -> {
                List<MdDefinition> exact = byName.getOrDefault(name, List.of());
                found.addAll(exact.isEmpty() ? wildcardsCovering(name) : exact);
            });
        } else {
            serverName.ifPresent(name -> addCovering(name, found));
            for (String alias : server.aliases()) {
                if (alias.indexOf('*') >= 0 || alias.indexOf('?') >= 0) {
                    found.addAll(byName.getOrDefault(canonical(alias), List.of()));
                    // A pattern alias may cover any name: the rare case that needs a scan.
                    config.managedDomains().stream()
                            .filter(md -> md.domains().stream().anyMatch(d -> AliasPattern.matches(alias, d)))
                            .forEach(found::add);
                } else {
                    addCovering(canonical(alias), found);
                }
            }
        }
        return found.stream().sorted(Comparator.comparing(order::get)).toList();
    }

    /** The MDs naming {@code name} exactly or covering it with a wildcard. */
    private void addCovering(String name, Set<MdDefinition> found) {
        found.addAll(byName.getOrDefault(name, List.of()));
        found.addAll(wildcardsCovering(name));
    }

    private List<MdDefinition> wildcardsCovering(String name) {
        int dot = name.indexOf('.');
        return dot < 0 ? List.of() : byName.getOrDefault("*" + name.substring(dot), List.of());
    }

    private static boolean covers(String domain, String name) {
        return domain.equals(name) || DomainNames.isWildcard(domain) && DomainNames.matches(domain, name);
    }

    /** MDMembers auto: the TLS server's names join its managed domain; manual: a warning. */
    private void addMembers(MdDefinition md, VirtualHost server, Set<String> names) {
        MemberMode mode = md.settings().inheritFrom(config.mdDefaults()).get(MdSetting.MEMBERS);
        for (String serverName : server.names()) {
            String name;
            try {
                name = DomainNames.normalize(serverName);
            } catch (IllegalArgumentException e) {
                warnings.add(new ConfigError(definedAt(server), "the name '" + serverName
                        + "' of " + server.describe() + " cannot be part of managed domain '"
                        + md.name() + "': " + e.getMessage()));
                continue;
            }
            if (names.stream().anyMatch(d -> covers(d, name))) {
                continue;
            }
            if (mode == MemberMode.AUTO) {
                names.add(name);
            } else {
                warnings.add(new ConfigError(definedAt(server), "Virtual Host " + server.describe()
                        + " matches Managed Domain '" + md.name() + "', but the name/alias " + name
                        + " itself is not managed. A requested MD certificate will not match"
                        + " ServerName."));
            }
        }
    }

    private void checkUsage(MdDefinition md, List<VirtualHost> served, Settings settings) {
        if (served.isEmpty()) {
            warnings.add(new ConfigError(md.location(), "No VirtualHost matches Managed Domain "
                    + md.name() + (settings.get(MdSetting.RENEW_MODE) == dev.mdj.md.RenewMode.ALWAYS
                    ? "; MDRenewMode always: it is renewed all the same"
                    : "; it is not renewed until a server uses it (or MDRenewMode always)")));
        } else if (settings.get(MdSetting.REQUIRE_HTTPS) != RequireHttps.OFF
                && served.stream().noneMatch(s -> s.tls().engine())) {
            warnings.add(new ConfigError(md.location(), "The Managed Domain " + md.name()
                    + " is configured to require https, but there seems to be no VirtualHost"
                    + " for it that has SSL enabled"));
        }
        if (settings.get(MdSetting.MUST_STAPLE)) {
            settings.get(MdSetting.CA_URLS).stream().filter(CertificateAuthorities::refusesMustStaple).findFirst()
                    .ifPresent(ca -> warnings.add(new ConfigError(md.location(), "MDMustStaple is on for " + md.name()
                            + ", but " + CertificateAuthorities.displayName(ca) + " refuses must-staple orders"
                            + " (since May 2025; it no longer runs OCSP): its renewals will fail")));
        }
    }

    /**
     * The contact: the domain's own or the global MDContactEmail, else the first matched virtual
     * host's MDContactEmail, else its ServerAdmin (inherited from the main server).
     */
    private Settings withContact(Settings settings, List<VirtualHost> served) {
        if (settings.isGiven(MdSetting.CONTACT)) {
            return settings;
        }
        for (VirtualHost server : served) {
            Optional<String> contact = server.contactEmail()
                    .or(() -> server.serverAdmin().or(() -> config.mainServer().serverAdmin())
                            .flatMap(DomainAssignment::contactUri));
            if (contact.isPresent()) {
                return settings.with(MdSetting.CONTACT, contact.get());
            }
        }
        return settings;
    }

    private static Optional<String> contactUri(String serverAdmin) {
        try {
            return Optional.of(Contacts.toContactUri(serverAdmin));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String canonical(String name) {
        try {
            return DomainNames.normalize(name);
        } catch (IllegalArgumentException e) {
            return name;
        }
    }

    private Location definedAt(VirtualHost server) {
        String at = server.definedAt();
        int colon = at.lastIndexOf(':');
        if (colon > 0) {
            try {
                return new Location(java.nio.file.Path.of(at.substring(0, colon)),
                        Integer.parseInt(at.substring(colon + 1)));
            } catch (NumberFormatException e) {
                // the main server: the file as a whole
            }
        }
        return Location.of(config.configFile());
    }

    private void error(Location at, String message) {
        errors.add(new ConfigError(at, message));
    }
}
