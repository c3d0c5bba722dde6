package dev.mdj.config;

import dev.mdj.config.host.VirtualHost;
import dev.mdj.md.ManagedDomain;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A configuration ready to run: what the directives say, the managed domains with their
 * complete names and effective settings, and which servers each managed domain serves.
 *
 * @param server the directives, typed
 * @param managedDomains the managed domains in configuration order
 * @param serversByDomain for each managed domain's name, the servers (virtual hosts, and the
 *     main server with MDBaseServer on) whose names it covers
 * @param warnings everything accepted that deserves the admin's attention, in file order
 */
public record Configuration(ServerConfig server, List<ManagedDomain> managedDomains,
        Map<String, List<VirtualHost>> serversByDomain, List<ConfigError> warnings) {

    public Configuration {
        managedDomains = List.copyOf(managedDomains);
        serversByDomain = Map.copyOf(serversByDomain);
        warnings = List.copyOf(warnings);
    }

    public Optional<ManagedDomain> managedDomain(String name) {
        return managedDomains.stream().filter(md -> md.name().equals(name)).findFirst();
    }

    /** The servers a managed domain serves; empty when none matches it (it is "unused"). */
    public List<VirtualHost> serversOf(ManagedDomain md) {
        return serversByDomain.getOrDefault(md.name(), List.of());
    }
}
