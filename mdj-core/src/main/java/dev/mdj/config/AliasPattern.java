package dev.mdj.config;

import java.util.Locale;

/**
 * httpd's matching of a ServerAlias pattern against a host name: {@code *} stands for any run
 * of characters (dots included) and {@code ?} for one, ignoring case, as
 * {@code ap_strcasecmp_match} does.
 */
public final class AliasPattern {

    private AliasPattern() {
    }

    public static boolean matches(String pattern, String name) {
        if (pattern.indexOf('*') < 0 && pattern.indexOf('?') < 0) {
            return pattern.equalsIgnoreCase(name);
        }
        return match(pattern.toLowerCase(Locale.ROOT), 0, name.toLowerCase(Locale.ROOT), 0);
    }

    private static boolean match(String p, int pi, String s, int si) {
        // Iterative glob with single-star backtracking: linear enough for host names.
        int star = -1;
        int mark = 0;
        while (si < s.length()) {
            if (pi < p.length() && (p.charAt(pi) == '?' || p.charAt(pi) == s.charAt(si))) {
                pi++;
                si++;
            } else if (pi < p.length() && p.charAt(pi) == '*') {
                star = pi++;
                mark = si;
            } else if (star >= 0) {
                pi = star + 1;
                si = ++mark;
            } else {
                return false;
            }
        }
        while (pi < p.length() && p.charAt(pi) == '*') {
            pi++;
        }
        return pi == p.length();
    }
}
