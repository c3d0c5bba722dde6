package dev.mdj.config;

import dev.mdj.md.MdSetting;
import dev.mdj.md.Setting;
import java.nio.file.Path;
import java.util.List;

/**
 * What a directive handler sees: the directive, where it stands (main server, virtual host,
 * managed domain section, location or directory), and the configuration being built. The
 * {@code set...} methods encode mod_md's rules for where a value ends up.
 */
public final class DirectiveContext {

    private final ConfigReader reader;
    private final ServerConfigBuilder config;
    private final Scope scope;
    private final VirtualHostBuilder server;
    private final MdDefinitionBuilder md;
    private final PathSectionBuilder section;
    private Directive directive;

    DirectiveContext(ConfigReader reader, ServerConfigBuilder config, Scope scope,
            VirtualHostBuilder server, MdDefinitionBuilder md, PathSectionBuilder section) {
        this.reader = reader;
        this.config = config;
        this.scope = scope;
        this.server = server;
        this.md = md;
        this.section = section;
    }

    void setDirective(Directive directive) {
        this.directive = directive;
    }

    public Directive directive() {
        return directive;
    }

    public Location location() {
        return directive.location();
    }

    List<String> args() {
        return directive.args();
    }

    String arg(int index) {
        return directive.args().get(index);
    }

    /** The single argument of a FLAG directive. */
    boolean flag() {
        return arg(0).equalsIgnoreCase("on");
    }

    Scope scope() {
        return scope;
    }

    ServerConfigBuilder config() {
        return config;
    }

    /** The server being configured: the main server or the enclosing virtual host. */
    VirtualHostBuilder server() {
        return server;
    }

    /** The enclosing managed domain section; only in {@link Scope#MANAGED_DOMAIN}. */
    MdDefinitionBuilder md() {
        return md;
    }

    /** The enclosing {@code <Location>}/{@code <Directory>}, or null. */
    PathSectionBuilder section() {
        return section;
    }

    /** A path as httpd's {@code ap_server_root_relative}: relative paths are below ServerRoot. */
    Path resolve(String path) {
        return config.serverRoot.resolve(path).normalize();
    }

    void warn(String message) {
        config.warnings.add(new ConfigError(location(), message));
    }

    <T> void setGlobal(Setting<T> setting, T value) {
        config.setGlobal(setting, value);
    }

    /**
     * Sets a per-domain value where mod_md puts it: inside {@code <MDomain>} for that domain; at
     * the top level as the default of all domains. In a {@code <VirtualHost>} mod_md accepts it
     * but no domain takes it (except the contact, see {@link #setContact}); mdj says so.
     */
    <T> void setForMd(Setting<T> setting, T value) {
        switch (scope) {
            case MANAGED_DOMAIN -> md.set(setting, value);
            case SERVER -> config.setMdDefault(setting, value);
            default -> warn(directive.name() + " inside " + scope.description()
                    + " does not apply to any managed domain (as in mod_md); write it at the top"
                    + " level or inside <MDomain>");
        }
    }

    /**
     * Sets a value that is per domain inside {@code <MDomain>} and server-wide anywhere else,
     * even inside a {@code <VirtualHost>} (MDChallengeDns01, MDHttpProxy, MDCACertificateFile,
     * MDHttpProxyCACertificateFile).
     */
    <T> void setForMdOrServer(Setting<T> setting, T value) {
        if (scope == Scope.MANAGED_DOMAIN) {
            md.set(setting, value);
        } else {
            config.setMdDefault(setting, value);
        }
    }

    /** MDContactEmail: a virtual host's own contact serves the domain it matches. */
    void setContact(String contact) {
        if (scope == Scope.VIRTUAL_HOST) {
            server.contactEmail = contact;
        } else {
            setForMd(MdSetting.CONTACT, contact);
        }
    }

    /** Applies the directives inside the current section in a new, nested context. */
    void applyChildren(Scope childScope, VirtualHostBuilder childServer,
            MdDefinitionBuilder childMd, PathSectionBuilder childSection) {
        reader.apply(directive.children(),
                new DirectiveContext(reader, config, childScope, childServer, childMd, childSection));
    }
}
