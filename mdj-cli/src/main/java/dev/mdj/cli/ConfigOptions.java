package dev.mdj.cli;

import dev.mdj.config.ConfigException;
import dev.mdj.config.ConfigReader;
import dev.mdj.config.Configuration;
import dev.mdj.config.ParseOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** httpd's options for finding and reading the configuration: {@code -f}, {@code -d}, {@code -D}. */
final class ConfigOptions {

    @Option(names = "-f", paramLabel = "FILE",
            description = "The configuration file (default: $MDJ_CONFIG, else /etc/mdj/mdj.conf).")
    Path file;

    @Option(names = "-d", paramLabel = "ROOT",
            description = "The ServerRoot (default: the configuration file's directory).")
    Path serverRoot;

    @Option(names = "-D", paramLabel = "NAME[=VALUE]",
            description = "Define a name for <IfDefine> (with a value also for ${NAME}).")
    List<String> defines = new ArrayList<>();

    Path file() {
        return file != null ? file : MdjCommand.defaultConfigFile();
    }

    /**
     * Reads the configuration for a command that needs it.
     *
     * @throws UserError with the first error (and how many more) when it has errors
     */
    Configuration read(String hint) {
        try {
            return ConfigReader.read(file(), parseOptions());
        } catch (ConfigException e) {
            throw new UserError(e.errors().get(0) + (e.errors().size() > 1 ? " (and "
                    + (e.errors().size() - 1) + " more; see 'mdj configtest')" : "") + hint,
                    ExitCodes.CONFIG);
        }
    }

    ParseOptions parseOptions() {
        return new ParseOptions(Optional.ofNullable(serverRoot), MdjCommand.defines(defines),
                System.getenv());
    }
}
