package dev.mdj.config;

import dev.mdj.config.host.AccessRule;
import dev.mdj.config.host.HeaderRule;
import dev.mdj.config.host.PathSection;
import dev.mdj.config.host.ProxyRule;
import dev.mdj.config.host.RedirectRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Collects what the directives inside one {@code <Location>} or {@code <Directory>} set. */
final class PathSectionBuilder {

    final PathSection.Kind kind;
    final String path;
    final Location location;
    String handler;
    final List<AccessRule> access = new ArrayList<>();
    final List<HeaderRule> headers = new ArrayList<>();
    final List<RedirectRule> redirects = new ArrayList<>();
    ProxyRule proxy;
    ProxyRule proxyReverse;

    PathSectionBuilder(PathSection.Kind kind, String path, Location location) {
        this.kind = kind;
        this.path = path;
        this.location = location;
    }

    PathSection build() {
        return new PathSection(kind, path, Optional.ofNullable(handler), access, headers, redirects,
                Optional.ofNullable(proxy), Optional.ofNullable(proxyReverse), location.toString());
    }
}
