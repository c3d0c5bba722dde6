package dev.mdj.config;

import java.util.Objects;
import java.util.Set;

/**
 * One entry of the directive table: a directive's name, the module it comes from, how many
 * arguments it takes, where it may stand, a one-line help text (used in httpd-style argument
 * errors and in the directive reference) and the handler that applies it.
 *
 * @param name the name as documented ({@code MDRenewWindow}); sections without the brackets
 * @param module the httpd module that defines it ({@code md}, {@code core}, {@code ssl}, ...)
 * @param section whether it is written {@code <Name ...>} ... {@code </Name>}
 * @param arity the argument count rule
 * @param scopes where it is allowed
 * @param help what it does, in one line
 * @param handler applies it
 */
public record DirectiveSpec(String name, String module, boolean section, Arity arity,
        Set<Scope> scopes, String help, Handler handler) {

    /** Applies one directive to the configuration being built. */
    @FunctionalInterface
    public interface Handler {
        /**
         * @throws IllegalArgumentException with a user-facing message when the directive's
         *     arguments are not acceptable
         */
        void apply(DirectiveContext context);
    }

    public DirectiveSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(arity, "arity");
        scopes = Set.copyOf(scopes);
        Objects.requireNonNull(help, "help");
        Objects.requireNonNull(handler, "handler");
    }

    /** The name as written in a configuration: {@code <VirtualHost>} for sections. */
    public String displayName() {
        return section ? "<" + name + ">" : name;
    }
}
