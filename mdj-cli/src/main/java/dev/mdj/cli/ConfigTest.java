package dev.mdj.cli;

import dev.mdj.config.ConfigDump;
import dev.mdj.config.ConfigError;
import dev.mdj.config.ConfigException;
import dev.mdj.config.ConfigReader;
import dev.mdj.config.Configuration;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a configuration and reports the outcome the way {@code httpd -t} does. */
final class ConfigTest {

    private final ConfigOptions options;
    private final boolean dump;
    private final PrintWriter out;
    private final PrintWriter err;

    ConfigTest(ConfigOptions options, boolean dump, PrintWriter out, PrintWriter err) {
        this.options = options;
        this.dump = dump;
        this.out = out;
        this.err = err;
    }

    int run() {
        Path file = options.file();
        if (!Files.isRegularFile(file)) {
            err.println("mdj: cannot read configuration file " + file + ": "
                    + (Files.exists(file) ? "not a regular file" : "no such file"));
            return ExitCodes.CONFIG;
        }
        Configuration configuration;
        try {
            configuration = ConfigReader.read(file, options.parseOptions());
        } catch (ConfigException e) {
            e.errors().forEach(error -> err.println(error));
            err.println(e.errors().size() == 1 ? "1 error" : e.errors().size() + " errors");
            return ExitCodes.CONFIG;
        }
        for (ConfigError warning : configuration.warnings()) {
            err.println(warning.location() + ": warning: " + warning.message());
        }
        if (dump) {
            out.println(CliJson.pretty(ConfigDump.of(configuration)));
        } else {
            out.println("Syntax OK");
        }
        out.flush();
        return ExitCodes.OK;
    }
}
