package dev.mdj.server.http;

import dev.mdj.config.host.AccessRule;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * httpd's {@code Require} lines of one section as an implicit {@code <RequireAny>}: a matching
 * negated line denies, else any matching line grants, else access is denied. No lines: granted.
 */
public final class Access {

    private Access() {
    }

    public static boolean granted(List<AccessRule> rules, InetSocketAddress remote, InetSocketAddress local) {
        if (rules.isEmpty()) {
            return true;
        }
        boolean granted = false;
        for (AccessRule rule : rules) {
            boolean matches = matches(rule, remote.getAddress(), local.getAddress());
            if (rule.negated() && matches) {
                return false;
            }
            granted |= !rule.negated() && matches;
        }
        return granted;
    }

    private static boolean matches(AccessRule rule, InetAddress client, InetAddress server) {
        return switch (rule.kind()) {
            case ALL_GRANTED -> true;
            case ALL_DENIED -> false;
            case LOCAL -> client.isLoopbackAddress() || client.equals(server);
            case IP -> rule.networks().stream().anyMatch(n -> n.contains(client));
        };
    }
}
