package dev.mdj.config;

import dev.mdj.md.Settings;
import java.util.List;
import java.util.Objects;

/**
 * A managed domain as the configuration defines it ({@code MDomain} or {@code <MDomain>}):
 * its names and the settings written for it, before the virtual hosts add their names and the
 * server-wide settings fill the rest in.
 *
 * @param domains the names as given, normalized; the first is the MD's name
 * @param settings the settings written inside its section
 * @param location where it is defined
 */
public record MdDefinition(List<String> domains, Settings settings, Location location) {

    public MdDefinition {
        domains = List.copyOf(domains);
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(location, "location");
        if (domains.isEmpty()) {
            throw new IllegalArgumentException("a managed domain needs at least one name");
        }
    }

    public String name() {
        return domains.get(0);
    }
}
