package dev.mdj.config;

import dev.mdj.md.Setting;
import dev.mdj.md.Settings;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Collects one managed domain's names and settings while the configuration is read. */
final class MdDefinitionBuilder {

    final Location location;
    final Set<String> domains = new LinkedHashSet<>();
    Settings settings = Settings.empty();

    MdDefinitionBuilder(Location location) {
        this.location = location;
    }

    <T> void set(Setting<T> setting, T value) {
        settings = settings.with(setting, value);
    }

    MdDefinition build() {
        return new MdDefinition(new ArrayList<>(domains), settings, location);
    }

    String name() {
        return domains.iterator().next();
    }

    List<String> domainList() {
        return List.copyOf(domains);
    }
}
