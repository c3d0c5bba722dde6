package dev.mdj.config;

import static dev.mdj.config.Arity.FLAG;
import static dev.mdj.config.Arity.ITERATE;
import static dev.mdj.config.Arity.TAKE1;
import static dev.mdj.config.Arity.TAKE12;
import static dev.mdj.config.Arity.TAKE2;
import static dev.mdj.config.Arity.TAKE23;
import static dev.mdj.config.Arity.TAKE123;

import dev.mdj.config.host.AccessRule;
import dev.mdj.config.host.HeaderRule;
import dev.mdj.config.host.HostAddress;
import dev.mdj.config.host.Listen;
import dev.mdj.config.host.LogSettings;
import dev.mdj.config.host.PathSection;
import dev.mdj.config.host.RedirectRule;
import dev.mdj.md.Contacts;
import dev.mdj.md.Durations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The httpd core directives mdj serves, and those of the small modules it stands in for (log,
 * mime, dir, alias, headers, authz, status, so). A few directives httpd needs and mdj does not
 * (Mutex, DefaultRuntimeDir, ExtendedStatus) are accepted and have no effect, so that working
 * Apache configurations load unchanged.
 */
final class CoreDirectives {

    private static final Set<Scope> SERVERS = Set.of(Scope.SERVER, Scope.VIRTUAL_HOST);
    private static final Set<Scope> TOP = Set.of(Scope.SERVER);
    private static final Set<Scope> ANYWHERE = Set.of(Scope.SERVER, Scope.VIRTUAL_HOST,
            Scope.LOCATION, Scope.DIRECTORY);
    private static final Set<Scope> PATHS = Set.of(Scope.LOCATION, Scope.DIRECTORY);
    private static final Set<String> LOG_LEVELS = Set.of("emerg", "alert", "crit", "error", "warn",
            "notice", "info", "debug", "trace1", "trace2", "trace3", "trace4", "trace5", "trace6",
            "trace7", "trace8");
    private static final Set<String> KNOWN_PROTOCOLS = Set.of("h2", "h2c", "http/1.1", "acme-tls/1");
    private static final Set<String> KNOWN_HANDLERS = Set.of("md-status", "server-status",
            "metrics", "none");

    private CoreDirectives() {
    }

    static List<DirectiveSpec> specs() {
        List<DirectiveSpec> specs = new ArrayList<>();
        // --- core: servers and names
        specs.add(spec("core", "ServerRoot", TAKE1, TOP, "Common directory of server-related files (logs, confs, etc.)",
                c -> { })); // applied while reading, see ConfigParser
        specs.add(spec("core", "Listen", TAKE12, TOP, "A port number or a numeric IP address and a port number, and an optional protocol",
                c -> c.config().listens.add(Listen.parse(c.arg(0), c.args().size() > 1 ? c.arg(1) : null))));
        specs.add(new DirectiveSpec("VirtualHost", "core", true, ITERATE, TOP,
                "Container for directives affecting resources located in the specified virtual hosts",
                CoreDirectives::virtualHost));
        specs.add(spec("core", "ServerName", TAKE1, SERVERS, "The hostname and port of the server",
                c -> c.server().serverName = serverName(c.arg(0))));
        specs.add(spec("core", "ServerAlias", ITERATE, Set.of(Scope.VIRTUAL_HOST),
                "A name or names alternatively used to access the server", CoreDirectives::serverAlias));
        specs.add(spec("core", "ServerAdmin", TAKE1, SERVERS, "The email address of the server administrator",
                CoreDirectives::serverAdmin));
        specs.add(spec("core", "DocumentRoot", TAKE1, SERVERS, "Root directory of the document tree",
                CoreDirectives::documentRoot));
        specs.add(spec("core", "Protocols", ITERATE, SERVERS, "Protocols available for the server in order of preference",
                CoreDirectives::protocols));
        specs.add(new DirectiveSpec("Location", "core", true, TAKE1, SERVERS,
                "Container for directives affecting resources accessed through the specified URL paths",
                c -> pathSection(c, PathSection.Kind.LOCATION, Scope.LOCATION)));
        specs.add(new DirectiveSpec("Directory", "core", true, TAKE1, SERVERS,
                "Container for directives affecting resources located in the specified directories",
                c -> pathSection(c, PathSection.Kind.DIRECTORY, Scope.DIRECTORY)));
        specs.add(spec("core", "SetHandler", TAKE1, PATHS, "A handler name that overrides any other configured handler",
                CoreDirectives::setHandler));
        // --- core: connections
        specs.add(spec("core", "Timeout", TAKE1, SERVERS, "Timeout duration (sec)",
                c -> c.server().timeout = seconds(c.arg(0), ChronoUnit.SECONDS)));
        specs.add(spec("core", "KeepAlive", FLAG, SERVERS, "Whether persistent connections should be On or Off",
                c -> c.server().keepAlive = c.flag()));
        specs.add(spec("core", "MaxKeepAliveRequests", TAKE1, SERVERS, "Maximum number of Keep-Alive requests per connection, or 0 for infinite",
                c -> c.server().maxKeepAliveRequests = nonNegative(c.arg(0))));
        specs.add(spec("core", "KeepAliveTimeout", TAKE1, SERVERS, "Keep-Alive timeout duration (sec)",
                c -> c.server().keepAliveTimeout = seconds(c.arg(0), ChronoUnit.SECONDS)));
        // --- core: process
        specs.add(spec("core", "PidFile", TAKE1, TOP, "A file for logging the server process ID",
                c -> c.config().pidFile = c.resolve(c.arg(0))));
        specs.add(spec("core", "User", TAKE1, TOP, "Effective user id for this server",
                c -> c.warn("User is accepted but not applied: mdj runs as the user that starts it")));
        specs.add(spec("core", "Group", TAKE1, TOP, "Name of the group to run as",
                c -> c.warn("Group is accepted but not applied: mdj runs as the user that starts it")));
        specs.add(spec("so", "LoadModule", TAKE2, TOP, "a module name and the name of a shared object file to load it from",
                c -> { })); // mdj's modules are built in
        specs.add(spec("core", "Mutex", TAKE12, TOP, "mutex (or \"default\") and mechanism",
                c -> { })); // mdj needs no inter-process mutexes
        specs.add(spec("core", "DefaultRuntimeDir", TAKE1, TOP, "The location of the directory Apache changes to before dumping core",
                c -> { })); // mdj keeps its runtime state in the store
        specs.add(spec("status", "ExtendedStatus", FLAG, TOP, "\"On\" to track extended status information, \"Off\" to disable",
                c -> { })); // mdj's server-status always shows its managed domain sections
        // --- logs
        specs.add(spec("core", "ErrorLog", TAKE1, SERVERS, "The filename of the error log",
                c -> c.server().errorLog = logTarget(c, c.arg(0))));
        specs.add(spec("core", "LogLevel", ITERATE, SERVERS, "Level of verbosity in error logging",
                CoreDirectives::logLevel));
        specs.add(spec("log_config", "CustomLog", TAKE23, SERVERS, "a file name, a custom log format string or format name, and an optional \"env=\" or \"expr=\" clause",
                CoreDirectives::customLog));
        specs.add(spec("log_config", "LogFormat", TAKE12, SERVERS, "a log format string (see docs) and an optional format name",
                c -> c.config().logFormats.put(c.args().size() > 1 ? c.arg(1) : "", c.arg(0))));
        // --- content
        specs.add(spec("mime", "TypesConfig", TAKE1, TOP, "the MIME types config file",
                CoreDirectives::typesConfig));
        specs.add(spec("dir", "DirectoryIndex", ITERATE, SERVERS, "a list of file names",
                c -> c.server().directoryIndex.addAll(c.args())));
        specs.add(spec("alias", "Redirect", TAKE123, ANYWHERE, "an optional status, then document to be redirected and destination URL",
                CoreDirectives::redirect));
        specs.add(spec("headers", "Header", ITERATE, ANYWHERE, "an optional condition, an action, header and value followed by optional env clause",
                CoreDirectives::header));
        specs.add(spec("authz_core", "Require", ITERATE, PATHS, "specifies authorization directives which must be satisfied",
                c -> c.section().access.add(AccessRule.parse(c.args()))));
        return specs;
    }

    static DirectiveSpec spec(String module, String name, Arity arity, Set<Scope> scopes, String help,
            DirectiveSpec.Handler handler) {
        return new DirectiveSpec(name, module, false, arity, scopes, help, handler);
    }

    private static void virtualHost(DirectiveContext c) {
        List<HostAddress> addresses = new ArrayList<>();
        for (String arg : c.args()) {
            addresses.add(HostAddress.parse(arg));
        }
        VirtualHostBuilder host = new VirtualHostBuilder(addresses, c.location());
        c.config().virtualHosts.add(host);
        c.applyChildren(Scope.VIRTUAL_HOST, host, null, null);
    }

    private static void pathSection(DirectiveContext c, PathSection.Kind kind, Scope scope) {
        String path = c.arg(0);
        if (kind == PathSection.Kind.LOCATION && !path.startsWith("/")) {
            throw new IllegalArgumentException("the URL path '" + path + "' must start with '/'");
        }
        PathSectionBuilder section = new PathSectionBuilder(kind,
                kind == PathSection.Kind.DIRECTORY ? c.resolve(path).toString() : path, c.location());
        c.server().sections.add(section);
        c.applyChildren(scope, c.server(), null, section);
    }

    /** ServerName {@code [scheme://]host[:port]}; mdj keeps the host. */
    static String serverName(String value) {
        String name = value;
        int scheme = name.indexOf("://");
        if (scheme >= 0) {
            name = name.substring(scheme + 3);
        }
        if (name.startsWith("[")) {
            int close = name.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("'" + value + "' has an unclosed IPv6 bracket");
            }
            return name.substring(1, close).toLowerCase(Locale.ROOT);
        }
        int colon = name.lastIndexOf(':');
        if (colon >= 0) {
            HostAddress.parse(name); // validates the port
            name = name.substring(0, colon);
        }
        if (name.isEmpty() || !name.chars().allMatch(ch -> Character.isLetterOrDigit(ch)
                || ch == '.' || ch == '-' || ch == '_')) {
            throw new IllegalArgumentException("'" + value + "' is not a host name");
        }
        return name.toLowerCase(Locale.ROOT);
    }

    private static void serverAlias(DirectiveContext c) {
        for (String alias : c.args()) {
            if (!alias.chars().allMatch(ch -> Character.isLetterOrDigit(ch) || ch == '.'
                    || ch == '-' || ch == '_' || ch == '*' || ch == '?')) {
                throw new IllegalArgumentException("'" + alias + "' is not a host name or pattern");
            }
            c.server().aliases.add(alias.toLowerCase(Locale.ROOT));
        }
    }

    private static void serverAdmin(DirectiveContext c) {
        String admin = c.arg(0);
        if (admin.indexOf('@') >= 0 && !admin.contains("://")) {
            Contacts.toContactUri(admin); // an e-mail address must be valid; URLs are taken as they are
        }
        c.server().serverAdmin = admin;
    }

    private static void documentRoot(DirectiveContext c) {
        Path root = c.resolve(c.arg(0));
        if (!Files.isDirectory(root)) {
            c.warn("DocumentRoot [" + root + "] does not exist");
        }
        c.server().documentRoot = root;
    }

    private static void protocols(DirectiveContext c) {
        for (String protocol : c.args()) {
            if (!KNOWN_PROTOCOLS.contains(protocol.toLowerCase(Locale.ROOT))) {
                c.warn("unknown protocol '" + protocol + "'; mdj speaks h2, h2c, http/1.1 and acme-tls/1");
            }
            c.server().protocols.add(protocol.toLowerCase(Locale.ROOT));
        }
    }

    private static void setHandler(DirectiveContext c) {
        String handler = c.arg(0);
        if (!KNOWN_HANDLERS.contains(handler.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("unknown handler '" + handler
                    + "'; mdj provides md-status, server-status and metrics (or none)");
        }
        c.section().handler = handler.toLowerCase(Locale.ROOT);
    }

    private static void logLevel(DirectiveContext c) {
        for (String arg : c.args()) {
            int colon = arg.indexOf(':');
            String module = colon >= 0 ? arg.substring(0, colon) : null;
            String level = (colon >= 0 ? arg.substring(colon + 1) : arg).toLowerCase(Locale.ROOT);
            if (!LOG_LEVELS.contains(level)) {
                throw new IllegalArgumentException("LogLevel requires level keyword: one of"
                        + " emerg/alert/crit/error/warn/notice/info/debug/trace1/.../trace8, not '"
                        + (colon >= 0 ? arg.substring(colon + 1) : arg) + "'");
            }
            if (module == null) {
                c.server().logLevel = level;
            } else if (module.isEmpty()) {
                throw new IllegalArgumentException("'" + arg + "' needs a module name before ':'");
            } else {
                c.server().moduleLevels.put(module.toLowerCase(Locale.ROOT), level);
            }
        }
    }

    private static void customLog(DirectiveContext c) {
        if (c.args().size() > 2) {
            c.warn("CustomLog condition '" + c.arg(2) + "' is not supported by mdj; every request is logged");
        }
        c.server().customLogs.add(new LogSettings.CustomLog(logTarget(c, c.arg(0)), c.arg(1)));
    }

    private static String logTarget(DirectiveContext c, String target) {
        if (target.startsWith("|") || target.toLowerCase(Locale.ROOT).startsWith("syslog")) {
            return target;
        }
        return c.resolve(target).toString();
    }

    private static void typesConfig(DirectiveContext c) {
        Path file = c.resolve(c.arg(0));
        if (!Files.isReadable(file)) {
            c.warn("TypesConfig file '" + file + "' is not readable; mdj's built-in types are used");
        }
        c.config().typesConfig = file;
    }

    private static void redirect(DirectiveContext c) {
        PathSectionBuilder section = c.section();
        String locationPath = section != null && section.kind == PathSection.Kind.LOCATION
                ? section.path : null;
        RedirectRule rule = RedirectRule.parse(c.args(), locationPath);
        if (section != null) {
            section.redirects.add(rule);
        } else {
            c.server().redirects.add(rule);
        }
    }

    private static void header(DirectiveContext c) {
        HeaderRule rule = HeaderRule.parse(c.args());
        if (c.section() != null) {
            c.section().headers.add(rule);
        } else {
            c.server().headers.add(rule);
        }
    }

    private static Duration seconds(String value, ChronoUnit unit) {
        Duration d = Durations.parse(value, unit);
        if (d.isNegative()) {
            throw new IllegalArgumentException("'" + value + "' must not be negative");
        }
        return d;
    }

    private static int nonNegative(String value) {
        try {
            int n = Integer.parseInt(value);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // falls through
        }
        throw new IllegalArgumentException("'" + value + "' is not a number >= 0");
    }
}
