package dev.mdj.cli;

import dev.mdj.store.FileStore;
import dev.mdj.store.StoredDomain;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mdj store list}: every managed domain in the store with its state and dates. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the managed domains in the store: state, certificate expiry, staged renewals.")
final class StoreListCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    StoreCommand.Location location;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Override
    public Integer call() {
        FileStore store = location.open();
        List<StoredDomain> domains = StoredDomain.list(store);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(CliJson.pretty(domains.stream().map(StoreViews::summary).toList()));
        } else {
            StoreViews.table(domains, out);
        }
        out.flush();
        return ExitCodes.OK;
    }
}
