package dev.mdj.renew;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdj.store.Aspect;
import dev.mdj.store.FileStore;
import dev.mdj.store.StoreGroup;
import dev.mdj.store.json.JobJson;
import dev.mdj.store.json.JobLogEntry;
import dev.mdj.testing.ManualScheduler;
import dev.mdj.testing.TestClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobTest {

    private static final String MD = "example.org";

    @TempDir
    Path dir;
    private FileStore store;
    private final TestClock clock = new TestClock(Instant.parse("2026-11-23T10:00:00Z"));
    private final ManualScheduler scheduler = new ManualScheduler(clock);

    @BeforeEach
    void openStore() {
        store = FileStore.open(dir);
    }

    @Test
    void withoutDeferringEveryStepIsSavedAtOnce() {
        Job job = Job.load(store, clock, MD);
        job.start();
        job.progress("Checking staging area");
        job.progress("Contacting ACME server");

        assertThat(savedSteps()).containsExactly("starting", "Checking staging area", "Contacting ACME server");
    }

    @Test
    void progressWithin500msOfTheLastSaveWaitsForTheDeferredSave() {
        Job job = Job.load(store, clock, MD);
        job.deferProgressSaves(scheduler);
        job.start();
        clock.advance(Duration.ofMillis(100));
        job.progress("Checking staging area");
        job.progress("Contacting ACME server");

        assertThat(savedSteps()).containsExactly("starting");
        assertThat(scheduler.pending()).containsExactly(Instant.parse("2026-11-23T10:00:00.500Z"));

        scheduler.advance(Duration.ofMillis(399));
        assertThat(savedSteps()).containsExactly("starting");
        scheduler.advance(Duration.ofMillis(1));
        assertThat(savedSteps()).containsExactly("starting", "Checking staging area", "Contacting ACME server");

        clock.advance(Duration.ofMillis(500));
        job.progress("Selecting account"); // 500 ms after the last save: at once
        assertThat(savedSteps()).endsWith("Selecting account");
        assertThat(scheduler.pending()).isEmpty();
    }

    @Test
    void theEndOfARunSavesWhatWasPending() {
        Job job = Job.load(store, clock, MD);
        job.deferProgressSaves(scheduler);
        job.start();
        job.progress("Creating rsa CSR");
        job.succeeded(clock.instant(), "renewed");

        assertThat(savedSteps()).containsExactly("starting", "Creating rsa CSR", "renewed", "finished");
        assertThat(saved().finished()).isTrue();
        assertThat(scheduler.pending()).as("the deferred save is cancelled").isEmpty();
    }

    @Test
    void eventsAreSavedAtOnce() {
        Job job = Job.load(store, clock, MD);
        job.deferProgressSaves(scheduler);
        job.start();
        job.progress("Setting up challenge");
        job.update(job.json().withLogEntry(JobLogEntry.of(clock.instant(), "message-challenge-setup:http-01:" + MD,
                null, null)));

        assertThat(savedSteps()).containsExactly("starting", "Setting up challenge",
                "message-challenge-setup:http-01:" + MD);
    }

    @Test
    void aStoppedSchedulerMeansSavingAtOnce() {
        Job job = Job.load(store, clock, MD);
        java.util.concurrent.ScheduledExecutorService stopped = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        stopped.shutdownNow();
        job.deferProgressSaves(TaskScheduler.of(stopped, clock));
        job.start();
        job.progress("Polling the order");

        assertThat(savedSteps()).containsExactly("starting", "Polling the order");
    }

    private JobJson saved() {
        return store.load(StoreGroup.STAGING, MD, Aspect.JOB_JSON).map(JobJson::parse).orElseThrow();
    }

    /** The saved log, oldest first: progress entries by their text, the others by their type. */
    private List<String> savedSteps() {
        return saved().log().reversed().stream()
                .map(e -> e.type().equals("progress") ? e.detail().orElse("") : e.type())
                .toList();
    }
}
