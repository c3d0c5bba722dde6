package dev.mdj.renew;

import dev.mdj.events.EventNotifier;
import dev.mdj.events.MdEvent;
import dev.mdj.events.Outcome;
import dev.mdj.md.GlobalSetting;
import dev.mdj.md.ManagedDomain;
import dev.mdj.md.MdSetting;
import dev.mdj.md.Settings;
import dev.mdj.ocsp.OcspStore;
import dev.mdj.store.Aspect;
import dev.mdj.store.Store;
import dev.mdj.store.StoreException;
import dev.mdj.store.StoreGroup;
import dev.mdj.store.StoreLock;
import dev.mdj.store.StagingActivation;
import dev.mdj.store.json.JobJson;
import dev.mdj.store.json.MdJson;
import dev.mdj.store.json.StoreTime;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every managed domain's certificates current (mod_md's renewal watchdog), with two
 * differences that are the point of mdj: managed domains renew <em>in parallel</em> (at most one
 * run per MD, on the given bounded executor), and a finished renewal is <em>activated at once</em>
 * (after MDActivationDelay) instead of at the next restart.
 *
 * <p>Each MD has its own schedule: a check at start (after MDInitialDelay), then again at the
 * earlier of its renewal time and the next MDCheckInterval (±50%). A failed run is retried after
 * MDRetryDelay doubling up to a day (a day at once for problems that mean the input is wrong),
 * and after MDRetryFailover failures every further run moves on to the next CA of
 * MDCertificateAuthority. Everything a run does is in job.json; all waiting goes through the
 * {@link TaskScheduler} and all time through the {@link Clock}.
 */
public final class Watchdog {

    private static final Logger LOG = LoggerFactory.getLogger(Watchdog.class);
    private static final Duration ACTIVATION_LOCK_WAIT = Duration.ofSeconds(30);

    private final Registry registry;
    private final Store store;
    /** The persisted OCSP answers: a revoked certificate renews at once. */
    private final OcspStore ocsp;
    private final Driver driver;
    private final EventNotifier events;
    private final TaskScheduler scheduler;
    private final Executor workers;
    private final Clock clock;
    private final RandomGenerator random;
    private final ActivationListener listener;
    private final Settings global;
    private final RenewalInfoCache renewalInfo;
    private volatile boolean stopped;
    /** One entry per configured MD, fixed at construction. */
    private final Map<String, MdSchedule> schedules = new LinkedHashMap<>();

    /** The state of one MD's schedule. Guarded by itself. */
    private static final class MdSchedule {
        final ManagedDomain md;
        TaskScheduler.Scheduled next;
        /** When {@link #next} runs; null while none is scheduled or a run is under way. */
        Instant nextAt;
        boolean running;
        /** Looked at while running: look again when the run is over (forced if any asked so). */
        boolean again;
        boolean forceAgain;
        /** The CA in use, by position in MDCertificateAuthority; only the running job touches it. */
        int caIndex;

        MdSchedule(ManagedDomain md) {
            this.md = md;
        }
    }

    private Watchdog(Builder b) {
        this.registry = Objects.requireNonNull(b.registry, "registry");
        this.store = Objects.requireNonNull(b.store, "store");
        this.ocsp = new OcspStore(store);
        this.driver = Objects.requireNonNull(b.driver, "driver");
        this.events = Objects.requireNonNull(b.events, "events");
        this.scheduler = Objects.requireNonNull(b.scheduler, "scheduler");
        this.workers = Objects.requireNonNull(b.workers, "workers");
        this.clock = Objects.requireNonNull(b.clock, "clock");
        this.random = Objects.requireNonNull(b.random, "random");
        this.listener = b.listener != null ? b.listener : md -> { };
        this.global = registry.configuration().server().global();
        this.renewalInfo = new RenewalInfoCache(driver, random);
        for (ManagedDomain md : registry.configuration().managedDomains()) {
            MdSchedule schedule = new MdSchedule(md);
            schedule.caIndex = stagedCaIndex(md);
            schedules.put(md.name(), schedule);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Wiring for a {@link Watchdog}; every part but the listener is required. */
    public static final class Builder {
        private Registry registry;
        private Store store;
        private Driver driver;
        private EventNotifier events;
        private TaskScheduler scheduler;
        private Executor workers;
        private Clock clock;
        private RandomGenerator random;
        private ActivationListener listener;

        public Builder registry(Registry value) { registry = value; return this; }
        public Builder store(Store value) { store = value; return this; }
        public Builder driver(Driver value) { driver = value; return this; }
        public Builder events(EventNotifier value) { events = value; return this; }
        public Builder scheduler(TaskScheduler value) { scheduler = value; return this; }
        /** Runs renewals; bound it to limit how many MDs renew at the same time. */
        public Builder workers(Executor value) { workers = value; return this; }
        public Builder clock(Clock value) { clock = value; return this; }
        public Builder random(RandomGenerator value) { random = value; return this; }
        public Builder listener(ActivationListener value) { listener = value; return this; }

        public Watchdog build() {
            return new Watchdog(this);
        }
    }

    /**
     * Starts watching every configured MD. As mod_md does on a (re)start, an MD whose last runs
     * failed starts afresh: its staging and challenges are removed and the error count reset.
     */
    public void start() {
        Instant first = clock.instant().plus(global.get(GlobalSetting.INITIAL_DELAY));
        for (MdSchedule schedule : schedules.values()) {
            if (freshStartAfterErrors(schedule.md)) {
                schedule.caIndex = 0;
            }
            preflight(schedule.md);
            scheduleCheck(schedule, first);
        }
    }

    /** Stops scheduling; runs in progress finish but schedule nothing more. */
    public void stop() {
        stopped = true;
        for (MdSchedule schedule : schedules.values()) {
            synchronized (schedule) {
                if (schedule.next != null) {
                    schedule.next.cancel();
                }
            }
        }
    }

    /**
     * Runs the renewal of {@code md} now on the calling thread, whatever its schedule says
     * (mdj renew), unless a run is under way already.
     *
     * @throws IllegalArgumentException if {@code md} is not a configured managed domain
     */
    public void renewNow(String md) {
        MdSchedule schedule = schedules.get(md);
        if (schedule == null) {
            throw new IllegalArgumentException("no managed domain '" + md + "' is configured");
        }
        submit(schedule, true, Runnable::run);
    }

    /**
     * Looks at {@code md} now in the background instead of at its scheduled time, for news that
     * may make a renewal due (an OCSP responder said a certificate is revoked). Unknown MDs are
     * ignored: the news may come from a configuration that was replaced meanwhile.
     */
    public void checkNow(String md) {
        MdSchedule schedule = schedules.get(md);
        if (schedule != null && !stopped) {
            submit(schedule, false, workers);
        }
    }

    /**
     * When the watchdog looks at {@code md} next (for status pages); empty when the MD is not
     * watched, the watchdog stopped, or a run is under way.
     */
    public Optional<Instant> nextCheck(String md) {
        MdSchedule schedule = schedules.get(md);
        if (schedule == null || stopped) {
            return Optional.empty();
        }
        synchronized (schedule) {
            return Optional.ofNullable(schedule.nextAt);
        }
    }

    /**
     * When a renewal that became ready at {@code readyAt} goes live: after MDActivationDelay.
     * mod_md only delays the notification by it; mdj delays the activation.
     */
    public static Instant activationTime(Instant readyAt, Settings global) {
        return readyAt.plus(global.get(GlobalSetting.ACTIVATION_DELAY));
    }

    /**
     * @return whether the MD's staging was removed because its last runs failed; a finished set
     *     whose notification or activation failed is kept (mod_md would have activated it at the
     *     restart, before its watchdog starts)
     */
    private boolean freshStartAfterErrors(ManagedDomain md) {
        Job job = Job.load(store, clock, md.name());
        if (job.errors() == 0 || job.finished() && stagedSetComplete(md, job)) {
            return false;
        }
        LOG.info("{}: the last runs failed; starting afresh (staging and challenges removed)", md.name());
        store.purge(StoreGroup.STAGING, md.name());
        md.domains().forEach(name -> store.purge(StoreGroup.CHALLENGES, challengeDir(name)));
        return true;
    }

    private static String challengeDir(String domain) {
        return domain.startsWith("*.") ? domain.substring(2) : domain;
    }

    private void scheduleCheck(MdSchedule schedule, Instant at) {
        if (stopped) {
            return;
        }
        synchronized (schedule) {
            if (schedule.next != null) {
                schedule.next.cancel();
            }
            // The scheduler thread only hands the MD over: all work happens on a worker.
            schedule.next = scheduler.schedule(at, () -> submit(schedule, false, workers));
            schedule.nextAt = at;
        }
    }

    /**
     * Hands the MD to {@code executor} unless a run is under way; then it is looked at again as
     * soon as that run is over, so no check is ever lost.
     */
    private void submit(MdSchedule schedule, boolean force, Executor executor) {
        synchronized (schedule) {
            if (schedule.running) {
                schedule.again = true;
                schedule.forceAgain |= force;
                return;
            }
            schedule.running = true;
            schedule.nextAt = null;
        }
        try {
            executor.execute(() -> work(schedule, force));
        } catch (RuntimeException e) {
            synchronized (schedule) {
                schedule.running = false;
            }
            LOG.warn("{}: cannot start a run: {}", schedule.md.name(), e.toString());
        }
    }

    private void work(MdSchedule schedule, boolean force) {
        try {
            process(schedule, force);
        } catch (RuntimeException e) {
            LOG.error("{}: the renewal run failed unexpectedly: {}", schedule.md.name(), e.toString(), e);
            scheduleCheck(schedule, clock.instant().plus(global.get(GlobalSetting.RETRY_DELAY)));
        } finally {
            boolean again;
            boolean forceAgain;
            synchronized (schedule) {
                again = schedule.again;
                forceAgain = schedule.forceAgain;
                schedule.again = false;
                schedule.forceAgain = false;
                schedule.running = false;
            }
            if (again && !stopped) {
                submit(schedule, forceAgain, workers);
            }
        }
    }

    /**
     * Everything the MD needs now, under its one-run-at-a-time guard: make a finished renewal
     * live, warn while the certificate is inside MDWarnWindow, renew when due (or when forced),
     * and schedule the next look.
     */
    private void process(MdSchedule schedule, boolean force) {
        ManagedDomain md = schedule.md;
        Instant now = clock.instant();
        Job staged = Job.load(store, clock, md.name());
        if (staged.finished()) {
            if (stagedSetComplete(md, staged)) {
                if (!force && backingOff(staged, now)) {
                    scheduleCheck(schedule, staged.nextRun().get()); // notifying or activating failed before
                } else {
                    ready(md, staged, schedule, staged.json().validFrom().orElseThrow());
                }
                return;
            }
            // mod_md #420: a finished job whose files are not all there is a leftover, not a renewal.
            store.purge(StoreGroup.STAGING, md.name());
        }
        Job job = staged.finished() ? Job.load(store, clock, md.name()) : staged;
        MdAssessment assessment = registry.assess(md);
        warnIfExpiring(md, assessment, now);
        if (!force && backingOff(job, now)) {
            scheduleCheck(schedule, job.nextRun().get()); // backing off after errors
            return;
        }
        RenewDecision decision = decide(md, assessment, now);
        if (force || decision.isDue(now)) {
            Optional<Instant> readyAt = renew(md, job, schedule);
            readyAt.ifPresent(at -> ready(md, job, schedule, at));
            return;
        }
        Instant next = CheckInterval.nextCheck(now, global.get(GlobalSetting.CHECK_INTERVAL), random);
        scheduleCheck(schedule, decision.at().filter(next::isAfter).orElse(next));
    }

    /**
     * The renewal decision; the CA's renewal information (ARI) is asked for only when it can
     * matter: the certificates are fine and their renew window has not opened yet.
     */
    private RenewDecision decide(ManagedDomain md, MdAssessment assessment, Instant now) {
        boolean used = registry.isUsed(md);
        boolean revoked = md.get(MdSetting.STAPLING) && ocsp.anyRevoked(md.name(), assessment.certificates());
        RenewDecision decision = RenewPolicy.decide(md, used, assessment, revoked, Optional.empty(), now);
        if (decision.reason() != RenewDecision.Reason.WINDOW_PENDING) {
            return decision;
        }
        decision = RenewPolicy.decide(md, used, assessment, revoked,
                renewalInfo.pick(md, assessment.certificates(), now), now);
        if (decision.reason() == RenewDecision.Reason.ARI && decision.isDue(now)) {
            LOG.info("{}: renewal triggered by the CA via ARI{}", md.name(), renewalInfo.windows(md.name()).values().stream()
                    .flatMap(w -> w.explanation().stream()).findFirst().map(url -> ", explanation at " + url)
                    .orElse(""));
        }
        return decision;
    }

    /** The CA's renewal windows (ARI) last fetched for the live certificates of {@code md}, by certificate. */
    public Map<X509Certificate, AriWindow> renewalInfo(String md) {
        return renewalInfo.windows(md);
    }

    /** When the CA's renewal information (ARI) as last fetched has {@code md} renewed, if it does. */
    public Optional<Instant> ariRenewAt(String md) {
        return renewalInfo.lastPick(md);
    }

    /** Whether the job failed and its next attempt is later than {@code now}. */
    private static boolean backingOff(Job job, Instant now) {
        return job.errors() > 0 && job.nextRun().filter(now::isBefore).isPresent();
    }

    /** A finished job with its time and every staged key and certificate in place. */
    private boolean stagedSetComplete(ManagedDomain md, Job job) {
        if (job.json().validFrom().isEmpty() || !store.exists(StoreGroup.STAGING, md.name(), Aspect.MD_JSON)) {
            return false;
        }
        return md.get(MdSetting.PRIVATE_KEYS).specs().stream().allMatch(spec ->
                store.exists(StoreGroup.STAGING, md.name(), Aspect.privateKey(spec))
                        && store.exists(StoreGroup.STAGING, md.name(), Aspect.certificateChain(spec)));
    }

    /**
     * While the live certificate is inside MDWarnWindow, tell MDMessageCmd {@code expiring} (at
     * most daily, the event's rate limit) whatever else happens: a renewal that keeps failing is
     * exactly when the admin must hear it. mod_md warns once per staging lifetime; mdj repeats
     * daily until the certificate is renewed.
     */
    private void warnIfExpiring(ManagedDomain md, MdAssessment assessment, Instant now) {
        if (assessment.isComplete() && RenewalTiming.of(md, assessment.certificates()).inWarnWindow(now)) {
            JobJson job = store.load(StoreGroup.DOMAINS, md.name(), Aspect.JOB_JSON).map(JobJson::parse)
                    .orElseGet(() -> JobJson.of(md.name()));
            Outcome outcome = events.notify(MdEvent.EXPIRING, md.name(), job);
            store.save(StoreGroup.DOMAINS, md.name(), Aspect.JOB_JSON, outcome.job().toJson());
        }
    }

    /** One renewal run; empty when it failed or was vetoed (and is rescheduled). */
    private Optional<Instant> renew(ManagedDomain md, Job job, MdSchedule schedule) {
        Outcome renewing = events.notify(MdEvent.RENEWING, md.name(), job.json());
        job.update(renewing.job());
        if (renewing.vetoed()) {
            LOG.info("{}: MDMessageCmd vetoed 'renewing'; not renewing now", md.name());
            scheduleCheck(schedule, clock.instant().plus(RetryBackoff.delay(1, Optional.empty(),
                    global.get(GlobalSetting.RETRY_DELAY), random)));
            return Optional.empty();
        }
        job.deferProgressSaves(scheduler);
        job.start();
        try {
            DriveRun run = driveRun(md, caIndex(md, job, schedule), job.errors(), activity -> {
                job.progress(activity);
                listener.progress(md.name(), activity);
            }, (event, name) -> {
                Outcome outcome = events.notify(MdEvent.of(event), name, job.json());
                job.update(outcome.job());
                return !outcome.vetoed();
            });
            Instant readyAt = driver.drive(run);
            job.succeeded(readyAt, "The certificate for the managed domain has been renewed successfully"
                    + " and can be used (valid since " + StoreTime.format(readyAt) + ").");
            return Optional.of(readyAt);
        } catch (DriveException e) {
            failed(md, job, schedule, e);
            return Optional.empty();
        } catch (RuntimeException e) {
            // A bug or a store that cannot be written: still a failed run, with back-off and errored.
            LOG.error("{}: renewal failed unexpectedly", md.name(), e);
            failed(md, job, schedule, new DriveException(StatusCodes.EGENERAL, null,
                    "internal error: " + e, null, null, e));
            return Optional.empty();
        }
    }

    /**
     * A run of the driver for {@code md}.
     *
     * @throws DriveException when no challenge type can be used (mod_md's "None of the ACME
     *     challenge methods ... are suitable")
     */
    private DriveRun driveRun(ManagedDomain md, int caIndex, int attempt, DriveRun.Progress progress,
            dev.mdj.events.EventVeto veto) throws DriveException {
        DriveRun.Reachability reach = registry.reachability(md);
        return new DriveRun(md, store, clock, reach, ChallengeSelection.candidates(md, reach), caIndex,
                attempt, progress, veto);
    }

    /**
     * mod_md's start-up "test init": what would stop a renewal and can be told without the CA
     * (no usable challenge, no contact or agreement for a new account) is logged at once, not
     * only when the first run fails.
     */
    private void preflight(ManagedDomain md) {
        if (!RenewPolicy.decide(md, registry.isUsed(md), registry.assess(md), false, Optional.empty(),
                clock.instant()).renews()) {
            return;
        }
        try {
            driver.preflight(driveRun(md, 0, 0, activity -> { }, (event, name) -> true));
        } catch (DriveException e) {
            LOG.warn("{}: renewing will fail: {}", md.name(), e.detail());
        } catch (RuntimeException e) {
            LOG.warn("{}: cannot check whether renewing can work: {}", md.name(), e.toString());
        }
    }

    /**
     * Which CA this run uses: after MDRetryFailover failed runs the next one of the list, round
     * robin; mod_md rotates on every further failure, until a success or a restart.
     */
    private int caIndex(ManagedDomain md, Job job, MdSchedule schedule) {
        int cas = md.get(MdSetting.CA_URLS).size();
        if (cas > 1 && job.errors() >= global.get(GlobalSetting.RETRY_FAILOVER)) {
            schedule.caIndex = (schedule.caIndex + 1) % cas;
        }
        return schedule.caIndex;
    }

    /** The position of the CA a staged renewal used (0 when nothing is staged). */
    private int stagedCaIndex(ManagedDomain md) {
        List<String> cas = md.get(MdSetting.CA_URLS).stream().map(URI::toString).toList();
        return store.load(StoreGroup.STAGING, md.name(), Aspect.MD_JSON).map(MdJson::parse)
                .flatMap(MdJson::caUrl).map(cas::indexOf).filter(i -> i >= 0).orElse(0);
    }

    private void failed(ManagedDomain md, Job job, MdSchedule schedule, DriveException e) {
        Instant now = clock.instant();
        Instant next = now.plus(RetryBackoff.delay(job.errors() + 1, e.problem(),
                global.get(GlobalSetting.RETRY_DELAY), random));
        if (e.retryAfter().filter(next::isBefore).isPresent()) {
            next = e.retryAfter().get();
        }
        job.failed(e, next);
        LOG.warn("{}: encountered error for the {}. time, next run in {}: {}", md.name(), job.errors(),
                Duration.between(now, next).toSeconds() + "s", e.detail());
        job.update(events.notify(MdEvent.ERRORED, md.name(), job.json()).job());
        scheduleCheck(schedule, next);
    }

    /**
     * Making the staged set live failed. Recorded as a failed run (job.json, {@code errored},
     * back-off). A set the store could not move stays staged and is activated at the next try; a
     * set that failed its checks was purged (mod_md since 2.4.28), so the next run renews afresh.
     */
    private void activationFailed(ManagedDomain md, Job job, MdSchedule schedule, StoreException e) {
        boolean kept = store.exists(StoreGroup.STAGING, md.name(), Aspect.MD_JSON);
        if (!kept) {
            job.update(job.json().withFinished(false).withNotified(false).withNotifiedRenewed(false));
        }
        failed(md, job, schedule, new DriveException(StatusCodes.EGENERAL, null,
                "activating the staged certificates failed: " + e.getMessage()
                        + (kept ? "; they stay staged for the next try" : ""), null, null, e));
    }

    /**
     * A complete staged set: after MDActivationDelay, tell MDNotifyCmd/`renewed` (retried with
     * back-off until it succeeds, as mod_md), then make it live and say `installed`.
     */
    private void ready(ManagedDomain md, Job job, MdSchedule schedule, Instant readyAt) {
        Instant activateAt = activationTime(readyAt, global);
        if (activateAt.isAfter(clock.instant())) {
            job.scheduleAt(activateAt);
            scheduleCheck(schedule, activateAt);
            return;
        }
        if (!job.json().notifiedRenewed()) {
            Outcome renewed = events.notify(MdEvent.RENEWED, md.name(), job.json());
            if (!renewed.succeeded()) {
                Instant next = clock.instant().plus(RetryBackoff.delay(job.errors() + 1, Optional.empty(),
                        global.get(GlobalSetting.RETRY_DELAY), random));
                job.update(renewed.job().withErrors(job.errors() + 1).withNextRun(next));
                scheduleCheck(schedule, next);
                return;
            }
            job.update(renewed.job().withNotified(true).withNotifiedRenewed(true));
        }
        // One activation at a time, also against other processes sharing the store: two MDs
        // moving the same new account into accounts/ at once would register it twice.
        try (StoreLock lock = store.lock(ACTIVATION_LOCK_WAIT)) {
            if (new StagingActivation(store).activate(md.name()) == StagingActivation.Outcome.NOTHING_STAGED) {
                LOG.warn("{}: the staged set went missing before it could be activated; checking again", md.name());
                scheduleCheck(schedule, clock.instant());
                return;
            }
        } catch (StoreException e) {
            activationFailed(md, job, schedule, e);
            return;
        }
        JobJson live = store.load(StoreGroup.DOMAINS, md.name(), Aspect.JOB_JSON).map(JobJson::parse)
                .orElseGet(() -> job.json());
        store.save(StoreGroup.DOMAINS, md.name(), Aspect.JOB_JSON,
                events.notify(MdEvent.INSTALLED, md.name(), live).job().toJson());
        LOG.info("{}: new certificate set activated", md.name());
        listener.activated(md.name());
        scheduleCheck(schedule, CheckInterval.nextCheck(clock.instant(),
                global.get(GlobalSetting.CHECK_INTERVAL), random));
    }
}
