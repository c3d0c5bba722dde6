package dev.mdj.config;

import java.nio.file.Path;
import java.util.List;

/**
 * Reads a configuration: parses it ({@link ConfigParser}), applies every directive through the
 * {@link Directives} table, and assigns managed domains to virtual hosts
 * ({@link DomainAssignment}). Errors of single directives are collected, so one run reports
 * every bad line; if there is any, nothing is returned.
 */
public final class ConfigReader {

    private ConfigReader() {
    }

    /**
     * Reads {@code file} and everything it includes.
     *
     * @throws ConfigException with every error found, each naming file and line
     */
    public static Configuration read(Path file, ParseOptions options) {
        ParsedConfig parsed = new ConfigParser(options).parse(file);
        ServerConfig server = apply(parsed);
        return DomainAssignment.assign(server);
    }

    /**
     * Applies parsed directives.
     *
     * @throws ConfigException with every directive error found
     */
    public static ServerConfig apply(ParsedConfig parsed) {
        ServerConfigBuilder builder = new ServerConfigBuilder(parsed);
        ConfigReader reader = new ConfigReader();
        reader.apply(parsed.directives(), new DirectiveContext(reader, builder, Scope.SERVER,
                builder.mainServer, null, null));
        if (!builder.errors.isEmpty()) {
            throw new ConfigException(builder.errors);
        }
        return builder.build();
    }

    void apply(List<Directive> directives, DirectiveContext context) {
        for (Directive directive : directives) {
            context.setDirective(directive);
            String error = check(directive, context.scope());
            if (error == null) {
                try {
                    Directives.find(directive).orElseThrow().handler().apply(context);
                } catch (IllegalArgumentException e) {
                    error = directive.displayName() + ": " + e.getMessage();
                }
            }
            if (error != null) {
                context.config().errors.add(new ConfigError(directive.location(), error));
            }
        }
    }

    /** httpd's checks before a handler runs: known name, allowed here, argument count. */
    private static String check(Directive directive, Scope scope) {
        var found = Directives.find(directive);
        if (found.isEmpty()) {
            return "Invalid command '" + (directive.section() ? "<" : "") + directive.name()
                    + "', perhaps misspelled or defined by a module not included in the server"
                    + " configuration";
        }
        DirectiveSpec spec = found.get();
        if (!spec.scopes().contains(scope)) {
            return ScopeRules.notAllowed(spec, scope);
        }
        return spec.arity().check(spec.displayName(), spec.help(), directive.args());
    }
}
