package dev.mdj.config;

import java.util.Locale;
import java.util.Set;

/**
 * The httpd modules mdj stands in for. {@code <IfModule>} is true for these and false for every
 * other module, whose content is then skipped unread, so that a configuration written for a full
 * Apache with optional modules still loads.
 */
public final class Modules {

    /**
     * Module names without the {@code mod_} / {@code _module} decoration. The first twelve are
     * the ones mdj provides as features; {@code core}, {@code so}, {@code authz_core},
     * {@code authz_host} and {@code log_config} provide directives mdj accepts (LoadModule,
     * Require, CustomLog), so a test for them must be true as well.
     */
    public static final Set<String> PROVIDED = Set.of(
            "md", "ssl", "http2", "status", "proxy", "proxy_http", "mime", "dir", "alias",
            "headers", "watchdog", "socache_shmcb",
            "core", "http_core", "so", "authz_core", "authz_host", "log_config");

    private Modules() {
    }

    /**
     * Whether {@code id} names a provided module. httpd accepts both the module identifier
     * ({@code ssl_module}) and the source file name ({@code mod_ssl.c}).
     */
    public static boolean isProvided(String id) {
        String name = id.toLowerCase(Locale.ROOT);
        if (name.endsWith(".c")) {
            name = name.substring(0, name.length() - 2);
            if (name.startsWith("mod_")) {
                name = name.substring(4);
            }
        } else if (name.endsWith("_module")) {
            name = name.substring(0, name.length() - "_module".length());
        }
        return PROVIDED.contains(name);
    }
}
