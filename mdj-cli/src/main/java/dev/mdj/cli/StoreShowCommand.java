package dev.mdj.cli;

import dev.mdj.store.FileStore;
import dev.mdj.store.StoreGroup;
import dev.mdj.store.StoredDomain;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mdj store show MD}: one managed domain in detail. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Show one managed domain: names, CA and account, certificates, staged renewal.")
final class StoreShowCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    StoreCommand.Location location;

    @Parameters(paramLabel = "MD", description = "The managed domain's name (or any of its names).")
    String name;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() {
        FileStore store = location.open();
        StoredDomain domain = StoredDomain.list(store).stream()
                .filter(d -> d.name().equals(name) || d.domains().contains(name))
                .findFirst()
                .orElseThrow(() -> new UserError("no managed domain '" + name + "' in "
                        + store.directory() + " (" + String.join(", ", store.names(StoreGroup.DOMAINS))
                        + ")", ExitCodes.CONFIG));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(CliJson.pretty(StoreViews.detail(domain)));
        } else {
            StoreViews.describe(domain, out);
        }
        out.flush();
        return ExitCodes.OK;
    }
}
