package dev.mdj.config;

import java.nio.file.Path;
import java.util.List;

/**
 * The directives of a configuration after the read-time work is done: includes inlined,
 * conditional sections decided, variables substituted.
 *
 * @param mainFile the file parsing started with
 * @param serverRoot the ServerRoot in effect at the end of reading; other directives resolve
 *     relative paths against it, as httpd's {@code ap_server_root_relative} does
 * @param directives the top-level directives in order
 * @param warnings what is accepted but probably not meant (undefined variables)
 */
public record ParsedConfig(
        Path mainFile, Path serverRoot, List<Directive> directives, List<ConfigError> warnings) {

    public ParsedConfig {
        directives = List.copyOf(directives);
        warnings = List.copyOf(warnings);
    }
}
