package dev.mdj.cli;

import dev.mdj.store.FileStore;
import dev.mdj.store.StoreGroup;
import dev.mdj.store.StoreVerifier;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code mdj store verify}: every file parses, keys decrypt and match, permissions are tight. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Check the store: every file parses, encrypted keys decrypt with the store key,"
                + " keys match their certificates, nothing is more open than mod_md makes it.",
                "Exits 0 when there are no errors (warnings are printed), 1 otherwise."})
final class StoreVerifyCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    StoreCommand.Location location;

    @Override
    public Integer call() {
        FileStore store = location.open();
        List<StoreVerifier.Finding> findings = StoreVerifier.verify(store);
        PrintWriter out = spec.commandLine().getOut();
        findings.forEach(out::println);
        long errors = findings.stream().filter(f -> f.severity() == StoreVerifier.Severity.ERROR).count();
        String checked = count(store.names(StoreGroup.DOMAINS).size(), "managed domain") + ", "
                + store.names(StoreGroup.STAGING).size() + " staged, "
                + count(store.names(StoreGroup.ACCOUNTS).size(), "account");
        out.println(errors == 0 ? "store OK: " + checked + " in " + store.directory()
                : count((int) errors, "error") + " in " + store.directory() + " (" + checked + ")");
        out.flush();
        return errors == 0 ? ExitCodes.OK : ExitCodes.CONFIG;
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
