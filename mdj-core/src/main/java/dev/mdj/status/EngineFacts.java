package dev.mdj.status;

import dev.mdj.renew.AriWindow;
import dev.mdj.renew.RenewDecision;
import dev.mdj.store.json.StoreTime;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What mdj knows about a managed domain beyond mod_md's status, written as the {@code "mdj"}
 * object at the end of each managed domain in md-status.
 *
 * @param decision whether, when and why the watchdog renews ({@code mdj plan} says the same)
 * @param nextCheck when the running watchdog looks at the domain next
 * @param activatesAt when a finished renewal goes live (its valid-from plus MDActivationDelay)
 * @param ariWindows the CA's suggested renewal windows (ARI) the watchdog last fetched, by the
 *     key name of the live certificate they are for; empty when none is known
 */
public record EngineFacts(RenewDecision decision, Optional<Instant> nextCheck, Optional<Instant> activatesAt,
        Map<String, AriWindow> ariWindows) {

    public EngineFacts {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(nextCheck, "nextCheck");
        Objects.requireNonNull(activatesAt, "activatesAt");
        ariWindows = Collections.unmodifiableMap(new LinkedHashMap<>(ariWindows));
    }

    /**
     * {@code {"renewal-decision": {"reason", "at"?, "description"}, "next-check"?, "activates-at"?,
     * "ari-window"?: {"<key>": {"start", "end", "explanation"?}}}}; the reason is the
     * {@link RenewDecision.Reason} in lower case with hyphens ({@code window-pending}), times as
     * everywhere in md-status.
     */
    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        ObjectNode d = JsonNodeFactory.instance.objectNode();
        d.put("reason", decision.reason().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        decision.at().ifPresent(at -> d.put("at", StoreTime.format(at)));
        d.put("description", decision.description());
        node.set("renewal-decision", d);
        nextCheck.ifPresent(at -> node.put("next-check", StoreTime.format(at)));
        activatesAt.ifPresent(at -> node.put("activates-at", StoreTime.format(at)));
        if (!ariWindows.isEmpty()) {
            ObjectNode windows = node.putObject("ari-window");
            ariWindows.forEach((key, window) -> {
                ObjectNode w = windows.putObject(key);
                w.put("start", StoreTime.format(window.start()));
                w.put("end", StoreTime.format(window.end()));
                window.explanation().ifPresent(url -> w.put("explanation", url.toString()));
            });
        }
        return node;
    }
}
