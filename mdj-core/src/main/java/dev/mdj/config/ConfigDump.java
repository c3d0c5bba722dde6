package dev.mdj.config;

import dev.mdj.config.host.VirtualHost;
import dev.mdj.md.GlobalSetting;
import dev.mdj.md.ManagedDomain;
import dev.mdj.md.MdSetting;
import dev.mdj.md.Setting;
import dev.mdj.md.Settings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The effective settings of a configuration as a JSON-ready tree (maps, lists, strings, numbers,
 * booleans): what {@code mdj configtest --dump} prints. Every setting is listed with its value
 * after inheritance and defaults, so an admin sees exactly what each managed domain will use.
 * Secrets are never included (an EAB shows its key id only).
 */
public final class ConfigDump {

    private ConfigDump() {
    }

    public static Map<String, Object> of(Configuration configuration) {
        ServerConfig server = configuration.server();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("config-file", server.configFile().toString());
        root.put("server-root", server.serverRoot().toString());
        root.put("global", settings(server.global(), GlobalSetting.ALL));
        root.put("managed-domains", configuration.managedDomains().stream()
                .map(md -> managedDomain(md, configuration.serversOf(md))).toList());
        return root;
    }

    private static Map<String, Object> managedDomain(ManagedDomain md, List<VirtualHost> servers) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", md.name());
        json.put("domains", md.domains());
        json.put("defined-at", md.definedAt());
        json.put("servers", servers.stream().map(VirtualHost::describe).toList());
        json.put("settings", settings(md.settings(), MdSetting.ALL));
        return json;
    }

    private static Map<String, Object> settings(Settings settings, List<Setting<?>> keys) {
        Map<String, Object> json = new LinkedHashMap<>();
        for (Setting<?> key : keys) {
            json.put(key.key(), value(settings, key));
        }
        return json;
    }

    private static <T> Object value(Settings settings, Setting<T> key) {
        return settings.find(key).map(key::toJson).orElse(null);
    }
}
