package dev.mdj.acme;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The names an order asks for: the MD's domains minus those covered by a wildcard of the same MD
 * ({@code *.example.org} covers {@code www.example.org} but not {@code example.org} nor
 * {@code a.b.example.org}), in configuration order, as mod_md's {@code md_dns_make_minimal}.
 */
final class Identifiers {

    private Identifiers() {
    }

    static List<String> of(List<String> domains) {
        List<String> out = new ArrayList<>();
        for (String name : domains) {
            if (!coveredByOther(name, domains) && !out.contains(name)) {
                out.add(name);
            }
        }
        return List.copyOf(out);
    }

    /** Whether another name of the list is a wildcard matching {@code name}. */
    static boolean coveredByOther(String name, List<String> domains) {
        for (String other : domains) {
            if (!other.equals(name) && covers(other, name)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code wildcard} ({@code *.x}) matches {@code name} (exactly one label more). */
    static boolean covers(String wildcard, String name) {
        if (!wildcard.startsWith("*.")) {
            return false;
        }
        String base = wildcard.substring(1).toLowerCase(Locale.ROOT); // ".x"
        String n = name.toLowerCase(Locale.ROOT);
        if (!n.endsWith(base) || n.length() <= base.length()) {
            return false;
        }
        String label = n.substring(0, n.length() - base.length());
        return !label.contains(".") && !label.isEmpty();
    }
}
