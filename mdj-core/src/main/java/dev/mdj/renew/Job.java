package dev.mdj.renew;

import dev.mdj.store.Aspect;
import dev.mdj.store.Store;
import dev.mdj.store.StoreGroup;
import dev.mdj.store.json.JobJson;
import dev.mdj.store.json.JobLogEntry;
import dev.mdj.store.json.JobResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The schedule and log of one managed domain's renewal (mod_md's {@code md_job_t}), kept in
 * {@code staging/<md>/job.json} and saved at every step, so that md-status shows what is going
 * on and a restart resumes where it stopped. During a run, as in mod_md, progress is saved at
 * most every 500 ms (see {@link #deferProgressSaves}); everything else is saved at once. The
 * entries and texts are mod_md's: a run logs {@code starting}, {@code progress} for every
 * activity, then {@code finished} or {@code renewal-error}; events add {@code message-<event>}
 * entries (see {@code dev.mdj.events}).
 *
 * <p>A job is driven by one run at a time (the watchdog makes sure); its methods are
 * synchronized only because a deferred save runs on the scheduler's thread.
 */
public final class Job {

    private static final Logger LOG = LoggerFactory.getLogger(Job.class);

    /** mod_md saves a running job at most this often. */
    static final Duration PROGRESS_SAVE_INTERVAL = Duration.ofMillis(500);

    private final Store store;
    private final Clock clock;
    private JobJson json;
    private String activity;
    /** Where deferred progress saves are scheduled; null: every change is saved at once. */
    private TaskScheduler deferredSaves;
    private Instant lastSave = Instant.MIN;
    /** The deferred save of progress not yet on disk; null when everything is saved. */
    private TaskScheduler.Scheduled pendingSave;

    private Job(Store store, Clock clock, JobJson json) {
        this.store = store;
        this.clock = clock;
        this.json = json;
    }

    /**
     * The job of {@code md} as persisted in staging, or a fresh one.
     *
     * @throws dev.mdj.store.StoreException if job.json exists but cannot be read
     */
    public static Job load(Store store, Clock clock, String md) {
        Objects.requireNonNull(store, "store");
        return new Job(store, clock, store.load(StoreGroup.STAGING, md, Aspect.JOB_JSON)
                .map(JobJson::parse).orElseGet(() -> JobJson.of(md)));
    }

    /**
     * From now on, a progress step less than 500 ms after the last save is saved with the next
     * save, or by a save scheduled for when the 500 ms are over: a run of many quick steps writes
     * job.json a few times instead of at every step, and what md-status shows is never more than
     * 500 ms behind. The deferred save is one small file write on the scheduler's thread (the
     * worker pool would queue it behind whole renewals); a run still going when the engine has
     * stopped its scheduler saves every step at once again.
     */
    public synchronized void deferProgressSaves(TaskScheduler scheduler) {
        deferredSaves = Objects.requireNonNull(scheduler, "scheduler");
    }

    public synchronized JobJson json() {
        return json;
    }

    /** Replaces the document (after an event added its log entry) and saves it. */
    public synchronized void update(JobJson updated) {
        json = updated;
        save();
    }

    private void save() {
        store.save(StoreGroup.STAGING, json.name(), Aspect.JOB_JSON, json.toJson());
        lastSave = now();
        if (pendingSave != null) {
            pendingSave.cancel();
            pendingSave = null;
        }
    }

    private void saveSoon() {
        Instant due = lastSave.plus(PROGRESS_SAVE_INTERVAL);
        if (deferredSaves == null || !now().isBefore(due)) {
            save();
            return;
        }
        if (pendingSave == null) {
            try {
                pendingSave = deferredSaves.schedule(due, this::deferredSave);
            } catch (RejectedExecutionException e) { // the engine is stopping: nothing is deferred any more
                save();
            }
        }
    }

    private synchronized void deferredSave() {
        if (pendingSave != null) {
            pendingSave = null;
            try {
                save();
            } catch (RuntimeException e) { // the run's next save tries again and fails the run if it must
                LOG.warn("{}: job.json not saved: {}", json.name(), e.getMessage());
            }
        }
    }

    private Instant now() {
        return clock.instant();
    }

    private void log(String type, String status, String detail) {
        json = json.withLogEntry(JobLogEntry.of(now(), type, status, detail));
    }

    /** A run begins. */
    public synchronized void start() {
        activity = null;
        json = json.withLastRun(now()).withFinished(false);
        log("starting", null, null);
        save();
    }

    /** The run moved on to {@code newActivity} ("Creating rsa CSR"). */
    public synchronized void progress(String newActivity) {
        activity = newActivity;
        json = json.withLast(JobResult.of(StatusCodes.OK, null, null, null, newActivity, null, null));
        log("progress", null, newActivity);
        saveSoon();
    }

    /**
     * The run got the certificates into staging; they may be used from {@code readyAt}.
     *
     * @param detail the text shown as the result
     */
    public synchronized void succeeded(Instant readyAt, String detail) {
        log("progress", null, detail);
        json = json.withFinished(true).withErrors(0).withValidFrom(readyAt).withNextRun(null)
                .withLast(JobResult.of(StatusCodes.OK, null, null, null, null, readyAt, null));
        log(JobJson.FINISHED_ENTRY, null, null);
        save();
    }

    /** The run failed; the next attempt is at {@code nextRun}. */
    public synchronized void failed(DriveException failure, Instant nextRun) {
        String detail = failure.detail();
        String summary = (activity != null ? activity + ": " : "") + detail
                + failure.problem().map(p -> ", problem: " + p).orElse("");
        log("progress", null, summary);
        json = json.withErrors(json.errors() + 1).withNextRun(nextRun)
                .withLast(JobResult.of(failure.status(), StatusCodes.describe(failure.status()),
                        failure.problem().orElse(null), detail, activity, null,
                        failure.subproblems().orElse(null)));
        log("renewal-error", failure.problem().orElse(null), detail);
        save();
    }

    /** When the next run is due (absent: whenever the schedule says). */
    public synchronized Optional<Instant> nextRun() {
        return json.nextRun();
    }

    /** Sets or clears the time of the next run. */
    public synchronized void scheduleAt(Instant nextRun) {
        json = json.withNextRun(nextRun);
        save();
    }

    public synchronized int errors() {
        return json.errors();
    }

    public synchronized boolean finished() {
        return json.finished();
    }

    /** The problem type of the last failure, for the back-off rule. */
    public synchronized Optional<String> lastProblem() {
        return json.last().flatMap(JobResult::problem);
    }
}
