package dev.mdj.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The one table of every directive mdj accepts. Names are looked up ignoring case, as httpd
 * does; a section and a plain directive may share a name ({@code <MDomain>} and
 * {@code MDomain}). The directive reference in docs/ is checked against this table by a test.
 */
public final class Directives {

    private static final List<DirectiveSpec> ALL;
    private static final Map<String, DirectiveSpec> PLAIN = new HashMap<>();
    private static final Map<String, DirectiveSpec> SECTIONS = new HashMap<>();

    static {
        List<DirectiveSpec> all = new ArrayList<>();
        all.addAll(MdDirectives.specs());
        all.addAll(CoreDirectives.specs());
        all.addAll(SslDirectives.specs());
        all.addAll(ProxyDirectives.specs());
        ALL = Collections.unmodifiableList(all);
        for (DirectiveSpec spec : ALL) {
            Map<String, DirectiveSpec> index = spec.section() ? SECTIONS : PLAIN;
            if (index.put(key(spec.name()), spec) != null) {
                throw new IllegalStateException("directive declared twice: " + spec.displayName());
            }
        }
    }

    private Directives() {
    }

    /** Every directive, in table order (mod_md's first). */
    public static List<DirectiveSpec> all() {
        return ALL;
    }

    static Optional<DirectiveSpec> find(Directive directive) {
        return Optional.ofNullable((directive.section() ? SECTIONS : PLAIN).get(key(directive.name())));
    }

    /** Whether a plain directive or section of this name exists ({@code <IfDirective>}). */
    public static boolean isKnown(String name) {
        String key = key(name.startsWith("<") ? name.substring(1) : name);
        return name.startsWith("<") ? SECTIONS.containsKey(key) : PLAIN.containsKey(key);
    }

    /** Whether a section of this name exists ({@code <IfSection>}). */
    public static boolean isKnownSection(String name) {
        return SECTIONS.containsKey(key(name));
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
