package dev.mdj.cli;

import dev.mdj.config.Configuration;
import dev.mdj.engine.Engine;
import dev.mdj.md.ManagedDomain;
import dev.mdj.renew.ActivationListener;
import dev.mdj.store.Aspect;
import dev.mdj.store.StoreGroup;
import dev.mdj.store.json.JobJson;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mdj renew}: renews managed domains now, in parallel, and activates what was renewed, as
 * the running server would; prints every step of every MD as it happens, then each outcome.
 */
@Command(name = "renew", mixinStandardHelpOptions = true,
        description = {"Renew managed domains now (default: all), in parallel, and activate the new"
                + " certificates in the store. Exits 1 if any renewal failed; its job.json says why."})
final class RenewCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    ConfigOptions config;

    @Parameters(arity = "0..*", paramLabel = "MD", description = "The managed domains to renew.")
    List<String> only = List.of();

    @Override
    public Integer call() throws Exception {
        Configuration configuration = config.read("");
        List<ManagedDomain> domains = new ArrayList<>();
        for (String name : only) {
            domains.add(configuration.managedDomain(name).orElseThrow(() -> new UserError(
                    "no managed domain '" + name + "' is configured", ExitCodes.CONFIG)));
        }
        if (only.isEmpty()) {
            domains.addAll(configuration.managedDomains());
        }
        PrintWriter out = spec.commandLine().getOut();
        int failed = 0;
        ActivationListener progress = new ActivationListener() {
            @Override
            public void activated(String md) {
                // reported with the outcome below
            }

            @Override
            public void progress(String md, String activity) {
                synchronized (out) {
                    out.println(md + ": " + activity);
                    out.flush();
                }
            }
        };
        try (Engine engine = Engine.builder().configuration(configuration).listener(progress).build();
                ExecutorService runs = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> futures = new ArrayList<>();
            for (ManagedDomain md : domains) {
                futures.add(runs.submit(() -> {
                    engine.renewNow(md.name());
                    report(engine, md, out);
                }));
            }
            for (int i = 0; i < futures.size(); i++) {
                futures.get(i).get();
                if (hasErrors(engine, domains.get(i))) {
                    failed++;
                }
            }
        }
        out.println((domains.size() - failed) + " renewed, " + failed + " failed");
        out.flush();
        return failed == 0 ? ExitCodes.OK : ExitCodes.CONFIG;
    }

    private static boolean hasErrors(Engine engine, ManagedDomain md) {
        return engine.store().load(StoreGroup.STAGING, md.name(), Aspect.JOB_JSON).map(JobJson::parse)
                .map(job -> job.errors() > 0).orElse(false);
    }

    private static void report(Engine engine, ManagedDomain md, PrintWriter out) {
        String line = engine.store().load(StoreGroup.STAGING, md.name(), Aspect.JOB_JSON).map(JobJson::parse)
                .filter(job -> job.errors() > 0)
                .map(job -> md.name() + ": failed: " + job.last().flatMap(last -> last.detail()).orElse("see job.json"))
                .orElse(md.name() + ": renewed and activated");
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }
}
