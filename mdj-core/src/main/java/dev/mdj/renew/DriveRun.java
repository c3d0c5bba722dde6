package dev.mdj.renew;

import dev.mdj.events.EventVeto;
import dev.mdj.md.ManagedDomain;
import dev.mdj.store.Store;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * Everything a {@link Driver} needs for one run: the managed domain with its effective settings,
 * the store, the clock, how the server can be reached (for choosing challenges), the CA to use
 * (the failover position) and where to report progress and challenge-setup events.
 *
 * @param md the managed domain
 * @param store the store; the driver writes only to staging and challenges
 * @param clock the time source
 * @param reachability how the CA can reach the server (for tls-alpn-01: which names allow it)
 * @param challengeTypes the challenge types to try, in order of preference, as chosen for this
 *     MD (MDCAChallenges, else mod_md's automatic choice filtered by reachability); never empty
 * @param caIndex which of the MD's CA URLs to use (failover rotates it)
 * @param attempt how many runs failed before this one (0 on the first)
 * @param progress receives the activity and detail texts as the run goes
 * @param events receives {@code challenge-setup:<type>:<dns>} before the CA is told, and may veto
 */
public record DriveRun(ManagedDomain md, Store store, Clock clock, Reachability reachability,
        List<String> challengeTypes, int caIndex, int attempt, Progress progress, EventVeto events) {

    public DriveRun {
        Objects.requireNonNull(md, "md");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(reachability, "reachability");
        challengeTypes = List.copyOf(challengeTypes);
        if (challengeTypes.isEmpty()) {
            throw new IllegalArgumentException("a run needs at least one challenge type");
        }
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(events, "events");
    }

    /** Receives what a run is doing, for job.json's log and md-status. */
    @FunctionalInterface
    public interface Progress {
        /**
         * @param activity what the run does now ("Creating rsa CSR")
         */
        void activity(String activity);
    }

    /**
     * How the CA can reach this server, which decides the usable challenge types.
     *
     * @param httpReachable a listener serves the local port public port 80 is mapped to
     * @param httpsReachable a listener serves the local port public port 443 is mapped to
     * @param acmeTlsNames the MD's names whose TLS virtual host allows {@code acme-tls/1}
     */
    public record Reachability(boolean httpReachable, boolean httpsReachable, List<String> acmeTlsNames) {

        public Reachability {
            acmeTlsNames = List.copyOf(acmeTlsNames);
        }
    }
}
