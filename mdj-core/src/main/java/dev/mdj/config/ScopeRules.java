package dev.mdj.config;

import java.util.Comparator;
import java.util.stream.Collectors;

/** The messages for a directive written where it is not allowed, in httpd's and mod_md's words. */
final class ScopeRules {

    /** mod_md names its section by the original spelling in these messages. */
    static final String MD_SECTION = "'<MDomainSet'";

    private ScopeRules() {
    }

    static String notAllowed(DirectiveSpec spec, Scope scope) {
        String name = spec.displayName();
        if (spec.module().equals("md")) {
            if (scope == Scope.MANAGED_DOMAIN) {
                return name + " is not allowed inside an " + MD_SECTION + " context";
            }
            if (spec.scopes().size() == 1 && spec.scopes().contains(Scope.MANAGED_DOMAIN)) {
                return name + " is only valid inside a " + MD_SECTION + " context, not here";
            }
        }
        if (spec.section() && scope != Scope.SERVER) {
            return name + " cannot occur within " + scope.description() + " section";
        }
        String allowed = spec.scopes().stream().sorted(Comparator.naturalOrder())
                .map(Scope::description).collect(Collectors.joining(", "));
        String here = scope == Scope.SERVER ? "at the top level" : "inside " + scope.description();
        return name + " not allowed here (" + here + "); it belongs in: " + allowed;
    }
}
