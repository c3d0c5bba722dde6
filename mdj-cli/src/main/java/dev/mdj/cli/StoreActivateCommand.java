package dev.mdj.cli;

import dev.mdj.config.Configuration;
import dev.mdj.md.GlobalSetting;
import dev.mdj.store.FileStore;
import dev.mdj.store.StoreStartup;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/**
 * {@code mdj store activate}: what Apache with mod_md does at a (graceful) restart, without
 * starting anything: the staged certificate sets of the configured managed domains go live.
 */
@Command(name = "activate", mixinStandardHelpOptions = true,
        description = {"Activate the staged certificate sets of the configured managed domains, as"
                + " Apache with mod_md does at a restart, and remove stale challenge directories.",
                "Exits 1 if a staged set was unusable (it is removed) or the store lock was busy."})
final class StoreActivateCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    ConfigOptions config;

    @Override
    public Integer call() {
        Configuration configuration = config.read("");
        FileStore store = FileStore.open(configuration.server().global().get(GlobalSetting.STORE_DIR));
        StoreStartup.Report report = new StoreStartup(store).run(configuration.managedDomains(),
                configuration.server().global().get(GlobalSetting.STORE_LOCKS));
        PrintWriter out = spec.commandLine().getOut();
        if (!report.locked()) {
            throw new UserError("the store lock of " + store.directory() + " is held by another"
                    + " process; nothing was activated", ExitCodes.CONFIG);
        }
        report.activated().forEach(md -> out.println("activated " + md));
        report.failed().forEach((md, reason) -> out.println("failed " + md + ": " + reason));
        report.removedChallenges().forEach(name -> out.println("removed stale challenges/" + name));
        out.println(report.activated().size() + " activated, " + report.failed().size() + " failed, of "
                + configuration.managedDomains().size() + " managed domains in " + store.directory());
        out.flush();
        return report.failed().isEmpty() ? ExitCodes.OK : ExitCodes.CONFIG;
    }
}
