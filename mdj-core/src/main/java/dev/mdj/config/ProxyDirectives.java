package dev.mdj.config;

import static dev.mdj.config.Arity.FLAG;
import static dev.mdj.config.Arity.ITERATE;
import static dev.mdj.config.CoreDirectives.spec;

import dev.mdj.config.host.PathSection;
import dev.mdj.config.host.ProxyRule;
import java.util.List;
import java.util.Set;

/**
 * The mod_proxy directives mdj serves: reverse proxying of URL paths to HTTP backends. Balancer
 * URLs and worker parameters ({@code key=value}) are refused with a clear message.
 */
final class ProxyDirectives {

    private static final Set<Scope> SERVERS_AND_LOCATIONS =
            Set.of(Scope.SERVER, Scope.VIRTUAL_HOST, Scope.LOCATION);

    private ProxyDirectives() {
    }

    static List<DirectiveSpec> specs() {
        return List.of(
                spec("proxy", "ProxyPass", ITERATE, SERVERS_AND_LOCATIONS,
                        "a virtual path and a URL", c -> mapping(c, false)),
                spec("proxy", "ProxyPassReverse", ITERATE, SERVERS_AND_LOCATIONS,
                        "a virtual path and a URL for reverse proxy behaviour", c -> mapping(c, true)),
                spec("proxy", "ProxyPreserveHost", FLAG, Set.of(Scope.SERVER, Scope.VIRTUAL_HOST),
                        "on if we should preserve host header while proxying",
                        c -> c.server().proxyPreserveHost = c.flag()));
    }

    private static void mapping(DirectiveContext c, boolean reverse) {
        PathSectionBuilder section = c.section();
        List<String> args = c.args();
        ProxyRule rule;
        if (section != null) {
            if (section.kind != PathSection.Kind.LOCATION) {
                throw new IllegalArgumentException("not allowed in <Directory>");
            }
            requireCount(args, 1, "inside <Location> takes only the URL");
            rule = ProxyRule.parse(section.path, args.get(0));
            if (reverse) {
                section.proxyReverse = rule;
            } else {
                section.proxy = rule;
            }
            return;
        }
        requireCount(args, 2, "takes a path and a URL");
        rule = ProxyRule.parse(args.get(0), args.get(1));
        if (reverse) {
            c.server().proxyPassReverses.add(rule);
        } else {
            c.server().proxyPasses.add(rule);
        }
    }

    private static void requireCount(List<String> args, int count, String usage) {
        if (args.size() > count && args.get(count).indexOf('=') >= 0) {
            throw new IllegalArgumentException("worker parameters such as '" + args.get(count)
                    + "' are not supported by mdj");
        }
        if (args.size() != count) {
            throw new IllegalArgumentException(usage);
        }
    }
}
