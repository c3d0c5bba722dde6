package dev.mdj.config;

import dev.mdj.config.host.Listen;
import dev.mdj.md.GlobalSetting;
import dev.mdj.md.Setting;
import dev.mdj.md.Settings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The whole configuration while it is being read; turned into a {@link ServerConfig} at the end. */
final class ServerConfigBuilder {

    final Path configFile;
    final Path serverRoot;
    final List<Listen> listens = new ArrayList<>();
    final VirtualHostBuilder mainServer;
    final List<VirtualHostBuilder> virtualHosts = new ArrayList<>();
    final List<MdDefinitionBuilder> managedDomains = new ArrayList<>();
    final Map<String, String> logFormats = new HashMap<>();
    final List<ConfigError> errors = new ArrayList<>();
    final List<ConfigError> warnings = new ArrayList<>();
    Settings global = Settings.empty();
    Settings mdDefaults = Settings.empty();
    Path pidFile;
    Path typesConfig;

    ServerConfigBuilder(ParsedConfig parsed) {
        this.configFile = parsed.mainFile();
        this.serverRoot = parsed.serverRoot();
        this.mainServer = new VirtualHostBuilder(List.of(), Location.of(parsed.mainFile()));
        this.warnings.addAll(parsed.warnings());
    }

    <T> void setGlobal(Setting<T> setting, T value) {
        global = global.with(setting, value);
    }

    <T> void setMdDefault(Setting<T> setting, T value) {
        mdDefaults = mdDefaults.with(setting, value);
    }

    ServerConfig build() {
        if (!global.isGiven(GlobalSetting.STORE_DIR)) {
            // mod_md's default for httpd 2.4: "md" below the ServerRoot.
            setGlobal(GlobalSetting.STORE_DIR, serverRoot.resolve("md"));
        }
        return new ServerConfig(configFile, serverRoot, listens, mainServer.build(),
                virtualHosts.stream().map(VirtualHostBuilder::build).toList(), global, mdDefaults,
                managedDomains.stream().map(MdDefinitionBuilder::build).toList(), logFormats,
                Optional.ofNullable(pidFile), Optional.ofNullable(typesConfig), warnings);
    }
}
