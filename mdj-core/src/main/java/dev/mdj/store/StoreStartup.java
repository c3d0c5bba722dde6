package dev.mdj.store;

import dev.mdj.md.ManagedDomain;
import dev.mdj.md.StoreLocks;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What mod_md does with its store when the server starts: under the store lock (MDStoreLocks),
 * activate what the renewals staged for the configured managed domains, and remove challenge
 * directories that belong to no configured name. A store shared by several servers is thus
 * activated by whichever starts first, once.
 */
public final class StoreStartup {

    /**
     * What the start-up did.
     *
     * @param locked false if MDStoreLocks is on and the lock could not be had in time; nothing was
     *     activated then (mod_md: "renewed certificates may remain inactive")
     * @param activated the managed domains whose staged set went live
     * @param failed managed domains whose staged set was unusable, with the reason (it was purged)
     * @param removedChallenges challenge directories that belonged to no configured name
     */
    public record Report(boolean locked, List<String> activated, Map<String, String> failed,
            List<String> removedChallenges) {

        public Report {
            activated = List.copyOf(activated);
            failed = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(failed));
            removedChallenges = List.copyOf(removedChallenges);
        }
    }

    private final Store store;

    public StoreStartup(Store store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    public Report run(Collection<ManagedDomain> domains, StoreLocks locks) {
        Optional<StoreLock> lock = Optional.empty();
        if (locks.enabled()) {
            try {
                lock = Optional.of(store.lock(locks.waitTime()));
            } catch (StoreException e) {
                return new Report(false, List.of(), Map.of(), List.of());
            }
        }
        try {
            return activateAndClean(domains);
        } finally {
            lock.ifPresent(StoreLock::close);
        }
    }

    private Report activateAndClean(Collection<ManagedDomain> domains) {
        StagingActivation activation = new StagingActivation(store);
        List<String> activated = new ArrayList<>();
        Map<String, String> failed = new LinkedHashMap<>();
        for (ManagedDomain md : domains) {
            try {
                if (activation.activate(md.name()) == StagingActivation.Outcome.ACTIVATED) {
                    activated.add(md.name());
                }
            } catch (StoreException e) {
                failed.put(md.name(), e.getMessage());
            }
        }
        return new Report(true, activated, failed, removeStaleChallenges(domains));
    }

    /**
     * Removes the challenge directories that belong to no name of {@code domains} (left by
     * renewals of MDs no longer configured).
     *
     * @return the names removed
     */
    public List<String> removeStaleChallenges(Collection<ManagedDomain> domains) {
        Set<String> names = new HashSet<>();
        for (ManagedDomain md : domains) {
            for (String domain : md.domains()) {
                // A wildcard's challenge is answered for its base name (*.example.org: example.org).
                names.add(domain.startsWith("*.") ? domain.substring(2) : domain);
            }
        }
        List<String> removed = new ArrayList<>();
        for (String challenge : store.names(StoreGroup.CHALLENGES)) {
            if (!names.contains(challenge)) {
                store.purge(StoreGroup.CHALLENGES, challenge);
                removed.add(challenge);
            }
        }
        return removed;
    }
}
