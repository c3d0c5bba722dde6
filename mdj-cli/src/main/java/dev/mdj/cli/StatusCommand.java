package dev.mdj.cli;

import dev.mdj.config.Configuration;
import dev.mdj.status.MdStatus;
import dev.mdj.status.RelativeTime;
import dev.mdj.status.StatusJson;
import dev.mdj.status.StatusReader;
import dev.mdj.store.Store;
import dev.mdj.store.json.JobResult;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mdj status}: what md-status shows, from the configuration and the store, without a
 * running server — a table for people, the md-status document itself with {@code --json}.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show the managed domains as md-status does: state, key types, certificate expiry,"
                + " when they renew and the last error. Reads the configuration and the store; needs no"
                + " running server. With --json, the md-status document (with an MD: /md-status/MD, including"
                + " the renewal log)."})
final class StatusCommand implements Callable<Integer> {


    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    StoreCommand.Location location;

    @Parameters(arity = "0..1", paramLabel = "MD", description = "Only this managed domain (or the one with this name).")
    String md;

    @Option(names = "--json", description = "Print md-status's JSON instead of a table.")
    boolean json;

    @Override
    public Integer call() {
        Configuration configuration = location.config.read("");
        Store store = StoreCommand.existingOrEmpty(location.dir(configuration));
        Clock clock = Clock.systemUTC();
        StatusReader reader = new StatusReader(configuration, store, clock, StatusReader.NextChecks.NONE);
        Optional<MdStatus> one = Optional.empty();
        if (md != null) {
            one = reader.find(md);
            if (one.isEmpty()) {
                throw new UserError("no managed domain '" + md + "' (nor one with that name) is configured",
                        ExitCodes.USAGE);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(StatusJson.write(one.isPresent() ? StatusJson.managedDomain(one.get(), true)
                    : StatusJson.mdStatus(reader.all())));
        } else {
            table(one.map(List::of).orElseGet(reader::all), clock.instant(), out);
        }
        out.flush();
        return ExitCodes.OK;
    }

    static void table(List<MdStatus> domains, Instant now, PrintWriter out) {
        if (domains.isEmpty()) {
            out.println("no managed domains are configured");
            return;
        }
        int width = Math.max(2, domains.stream().mapToInt(d -> d.name().length()).max().orElse(2));
        String format = "%-" + width + "s  %-12s  %-16s  %-36s  %-20s  %s%n";
        out.printf(format, "MD", "STATE", "KEYS", "VALID UNTIL", "RENEW AT", "LAST ERROR");
        for (MdStatus status : domains) {
            out.printf(format, status.name(), status.md().state().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    String.join(",", status.keyNames()),
                    status.certificates().valid().map(v -> StoreViews.TABLE_TIME.format(v.until()) + " (" + RelativeTime.of(v.until(), now)
                            + ")").orElse("-"),
                    status.renewAt().map(at -> at.isAfter(now) ? StoreViews.TABLE_TIME.format(at) : "due").orElse("-"),
                    lastError(status).orElse("-"));
        }
    }

    /** The failure of the staged renewal: {@code 3 errors: <problem>: <detail>}. */
    private static Optional<String> lastError(MdStatus status) {
        return status.renewal().filter(job -> job.errors() > 0).map(job -> job.errors() + (job.errors() == 1
                ? " error" : " errors") + job.last().map(StatusCommand::describe).orElse(""));
    }

    private static String describe(JobResult result) {
        String text = result.problem().map(p -> ": " + p).orElse("") + result.detail().map(d -> ": " + d).orElse("");
        return text.replace('\n', ' ');
    }
}
