package dev.mdj.cli;

import dev.mdj.config.Configuration;
import dev.mdj.md.GlobalSetting;
import dev.mdj.md.ManagedDomain;
import dev.mdj.md.MdSetting;
import dev.mdj.renew.ChallengeSelection;
import dev.mdj.renew.DriveRun;
import dev.mdj.renew.MdAssessment;
import dev.mdj.renew.Registry;
import dev.mdj.renew.RenewDecision;
import dev.mdj.renew.RenewPolicy;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mdj plan}: for every managed domain, what the engine would do and why, without
 * contacting a CA or changing anything.
 */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Show for each managed domain what would happen and why: its state, when it"
                + " renews, which challenge type is used and why the others cannot be. Contacts no CA"
                + " and changes nothing."})
final class PlanCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    ConfigOptions config;

    @Parameters(arity = "0..*", paramLabel = "MD", description = "Only these managed domains (default: all).")
    List<String> only = List.of();

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() {
        Configuration configuration = config.read("");
        Registry registry = new Registry(StoreCommand.existingOrEmpty(
                configuration.server().global().get(GlobalSetting.STORE_DIR)), configuration);
        Instant now = Clock.systemUTC().instant();
        List<Map<String, Object>> plans = configuration.managedDomains().stream()
                .filter(md -> only.isEmpty() || only.contains(md.name()))
                .map(md -> plan(registry, md, now)).toList();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(CliJson.pretty(plans));
        } else {
            plans.forEach(plan -> print(plan, out));
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static Map<String, Object> plan(Registry registry, ManagedDomain md, Instant now) {
        MdAssessment assessment = registry.assess(md);
        RenewDecision decision = RenewPolicy.decide(md, registry.isUsed(md), assessment, false,
                Optional.empty(), now);
        DriveRun.Reachability reach = registry.reachability(md);
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("name", md.name());
        plan.put("domains", md.domains());
        plan.put("state", assessment.state().name().toLowerCase(Locale.ROOT)
                + assessment.description().map(d -> ": " + d).orElse(""));
        plan.put("renewal", !decision.renews() ? "never: " + decision.description()
                : decision.isDue(now) ? "now: " + decision.description() : "later: " + decision.description());
        plan.put("challenge", ChallengeSelection.explain(md, reach));
        plan.put("ca", md.get(MdSetting.CA_URLS).stream().map(URI::toString).toList());
        return plan;
    }

    private static void print(Map<String, Object> plan, PrintWriter out) {
        out.println(plan.get("name") + " (" + String.join(", ", castList(plan.get("domains"))) + ")");
        out.println("  state:     " + plan.get("state"));
        out.println("  renewal:   " + plan.get("renewal"));
        out.println("  challenge: " + plan.get("challenge"));
        out.println("  CA:        " + String.join(", ", castList(plan.get("ca"))));
    }

    @SuppressWarnings("unchecked")
    private static List<String> castList(Object value) {
        return (List<String>) value;
    }
}
