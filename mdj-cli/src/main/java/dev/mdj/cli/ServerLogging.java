package dev.mdj.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import dev.mdj.config.Configuration;
import java.util.Locale;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Sets log levels from httpd's LogLevel for a running server: the default level applies to
 * mdj's own loggers ({@code info} when LogLevel is not given, so that renewals show as they
 * happen), {@code md:} to the certificate engine and {@code ssl:} to TLS.
 */
final class ServerLogging {

    private ServerLogging() {
    }

    static void apply(Configuration configuration) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        var logs = configuration.server().mainServer().logs();
        context.getLogger("dev.mdj").setLevel(logs.level().map(ServerLogging::level).orElse(Level.INFO));
        Map<String, String> modules = logs.moduleLevels();
        if (modules.containsKey("md")) {
            Level md = level(modules.get("md"));
            for (String pkg : new String[] {"dev.mdj.renew", "dev.mdj.acme", "dev.mdj.engine", "dev.mdj.events",
                    "dev.mdj.store"}) {
                context.getLogger(pkg).setLevel(md);
            }
        }
        if (modules.containsKey("ssl")) {
            context.getLogger("dev.mdj.server.tls").setLevel(level(modules.get("ssl")));
        }
    }

    /** httpd's levels: trace1..8 and debug are DEBUG/TRACE; notice is INFO; crit and above ERROR. */
    static Level level(String httpd) {
        String l = httpd.toLowerCase(Locale.ROOT);
        if (l.startsWith("trace")) {
            return Level.TRACE;
        }
        return switch (l) {
            case "debug" -> Level.DEBUG;
            case "info", "notice" -> Level.INFO;
            case "warn" -> Level.WARN;
            default -> Level.ERROR;
        };
    }
}
