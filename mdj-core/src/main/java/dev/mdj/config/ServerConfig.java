package dev.mdj.config;

import dev.mdj.config.host.Listen;
import dev.mdj.config.host.VirtualHost;
import dev.mdj.md.Settings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the directives of a configuration say, typed and validated: the listeners, the
 * main server and the virtual hosts, the global settings, the managed domains as defined and the
 * per-domain settings written at the top level (their defaults).
 *
 * @param configFile the main configuration file
 * @param serverRoot the ServerRoot relative paths were resolved against
 * @param listens the {@code Listen} directives
 * @param mainServer the top-level server
 * @param virtualHosts the {@code <VirtualHost>}s in order
 * @param global the global settings ({@link dev.mdj.md.GlobalSetting})
 * @param mdDefaults the per-domain settings written outside any {@code <MDomain>}
 *     ({@link dev.mdj.md.MdSetting})
 * @param managedDomains the managed domains as defined, in order
 * @param logFormats {@code LogFormat} nicknames and their formats
 * @param pidFile {@code PidFile}, resolved
 * @param typesConfig {@code TypesConfig}, resolved
 * @param warnings what is accepted but deserves the admin's attention
 */
public record ServerConfig(Path configFile, Path serverRoot, List<Listen> listens,
        VirtualHost mainServer, List<VirtualHost> virtualHosts, Settings global,
        Settings mdDefaults, List<MdDefinition> managedDomains, Map<String, String> logFormats,
        Optional<Path> pidFile, Optional<Path> typesConfig, List<ConfigError> warnings) {

    public ServerConfig {
        listens = List.copyOf(listens);
        virtualHosts = List.copyOf(virtualHosts);
        managedDomains = List.copyOf(managedDomains);
        logFormats = Map.copyOf(logFormats);
        warnings = List.copyOf(warnings);
    }
}
