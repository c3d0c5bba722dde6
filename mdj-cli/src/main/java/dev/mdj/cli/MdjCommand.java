package dev.mdj.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code mdj} command. Besides its subcommands it takes httpd's own options, so that
 * {@code mdj -t -f httpd.conf} works as {@code apachectl -t} does.
 */
@Command(name = "mdj", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"mdj: Apache httpd's mod_md rebuilt in Java, a certificate-managing TLS front server.",
                "", "httpd-style use:  mdj -t -f FILE                 test the configuration",
                "                  mdj -f FILE -k start|stop|restart|graceful"},
        subcommands = {ServeCommand.class, ConfigTestCommand.class, StoreCommand.class, PlanCommand.class, RenewCommand.class,
                StatusCommand.class,
                CommandLine.HelpCommand.class})
final class MdjCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    ConfigOptions config;

    @Option(names = "-t", description = "Test the configuration and exit, as httpd -t (same as 'configtest').")
    boolean test;

    @Option(names = "-k", paramLabel = "ACTION",
            description = "start, stop, restart or graceful: control the background server, as httpd -k.")
    String action;

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new MdjCommand());
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof UserError user) {
                commandLine.getErr().println("mdj: " + user.getMessage());
                return user.exitCode();
            }
            commandLine.getErr().println("mdj: internal error: " + e);
            return ExitCodes.SOFTWARE;
        });
        cl.setParameterExceptionHandler((e, args) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("mdj: " + e.getMessage());
            err.println("Try 'mdj --help' for usage.");
            return ExitCodes.USAGE;
        });
        return cl;
    }

    @Override
    public Integer call() throws Exception {
        if (action != null) {
            return new ServerControl(config, spec.commandLine().getOut()).run(action);
        }
        if (test) {
            return new ConfigTest(config, false, spec.commandLine().getOut(),
                    spec.commandLine().getErr()).run();
        }
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    /** Parses {@code -D NAME[=VALUE]} options into defines. */
    static Map<String, String> defines(java.util.List<String> values) {
        Map<String, String> defines = new LinkedHashMap<>();
        for (String value : values) {
            int eq = value.indexOf('=');
            defines.put(eq < 0 ? value : value.substring(0, eq), eq < 0 ? "" : value.substring(eq + 1));
        }
        return defines;
    }

    /** The configuration file: -f, else MDJ_CONFIG, else /etc/mdj/mdj.conf. */
    static Path defaultConfigFile() {
        String env = System.getenv("MDJ_CONFIG");
        return Path.of(env != null && !env.isEmpty() ? env : "/etc/mdj/mdj.conf");
    }
}
