package dev.mdj.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mdj configtest}: reads the configuration and reports every error, or "Syntax OK". */
@Command(name = "configtest", mixinStandardHelpOptions = true,
        description = {"Test the configuration: prints 'Syntax OK' and exits 0, or every error as"
                + " FILE:LINE: message and exits 1.", "Warnings go to standard error either way."})
final class ConfigTestCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    ConfigOptions config;

    @Option(names = "--dump", description = "Print the managed domains with their effective settings as JSON.")
    boolean dump;

    @Override
    public Integer call() {
        return new ConfigTest(config, dump, spec.commandLine().getOut(), spec.commandLine().getErr()).run();
    }
}
