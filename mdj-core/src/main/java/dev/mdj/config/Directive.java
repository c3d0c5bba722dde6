package dev.mdj.config;

import java.util.List;
import java.util.Objects;

/**
 * One directive as written in a configuration file, after variable substitution: its name, its
 * arguments, and where it was written. A section ({@code <VirtualHost *:443>} ... {@code
 * </VirtualHost>}) is a directive with children. Conditional sections and includes are already
 * resolved by the {@link ConfigParser}, so a tree of directives holds only what applies.
 *
 * @param name the directive name as written (case is kept for messages; lookups ignore it)
 * @param args the arguments, split and unquoted like httpd's {@code ap_getword_conf}
 * @param rawArgs the argument text as written after the name (for directives that take the rest
 *     of the line verbatim, such as {@code MDMessageCmd})
 * @param location the file and line the directive starts on
 * @param section whether this is a {@code <Section>}
 * @param children the directives inside a section; empty for plain directives
 */
public record Directive(
        String name,
        List<String> args,
        String rawArgs,
        Location location,
        boolean section,
        List<Directive> children) {

    public Directive {
        Objects.requireNonNull(name, "name");
        args = List.copyOf(args);
        Objects.requireNonNull(rawArgs, "rawArgs");
        Objects.requireNonNull(location, "location");
        children = List.copyOf(children);
    }

    /** The name as it appears in messages: {@code <VirtualHost>} for sections. */
    public String displayName() {
        return section ? "<" + name + ">" : name;
    }

    public boolean is(String otherName) {
        return name.equalsIgnoreCase(otherName);
    }
}
