package dev.mdj.renew;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs tasks at given instants of the engine's {@link Clock}. The one seam through which the
 * watchdog waits, so that tests step through days of schedule without sleeping (a manual
 * scheduler in the test kit runs what is due as a test clock advances).
 */
public interface TaskScheduler {

    /** A scheduled task that has not run yet can be cancelled. */
    interface Scheduled {
        void cancel();
    }

    /** Runs {@code task} at {@code at} (at once if that has passed). */
    Scheduled schedule(Instant at, Runnable task);

    /**
     * A scheduler on a JDK executor: waits for the clock's distance to {@code at} (at least 0).
     * The executor's single thread only starts tasks; long work belongs on the worker pool.
     */
    static TaskScheduler of(ScheduledExecutorService executor, Clock clock) {
        return (at, task) -> {
            long delay = Math.max(0, Duration.between(clock.instant(), at).toMillis());
            ScheduledFuture<?> future = executor.schedule(task, delay, TimeUnit.MILLISECONDS);
            return () -> future.cancel(false);
        };
    }
}
