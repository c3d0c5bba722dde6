package dev.mdj.testing;

import dev.mdj.renew.TaskScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * A {@link TaskScheduler} for tests: nothing runs until the test advances the {@link TestClock}
 * through it, and then every task due by the new time runs, in time order, on the test's thread
 * (okhttp's TaskFaker, netty's EmbeddedChannel.advanceTimeBy). Tasks may schedule further tasks;
 * those run too if they fall due within the advance.
 */
public final class ManualScheduler implements TaskScheduler {

    private record Task(Instant at, long sequence, Runnable runnable) {
    }

    private final TestClock clock;
    /** Guarded by {@code this}. */
    private final PriorityQueue<Task> queue = new PriorityQueue<>(
            Comparator.comparing(Task::at).thenComparingLong(Task::sequence));
    private long sequence;

    public ManualScheduler(TestClock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized Scheduled schedule(Instant at, Runnable task) {
        Task entry = new Task(at, sequence++, task);
        queue.add(entry);
        return () -> {
            synchronized (this) {
                queue.remove(entry);
            }
        };
    }

    /** Moves the clock forward by {@code duration}, running every task that falls due. */
    public void advance(Duration duration) {
        Instant end = clock.instant().plus(duration);
        while (true) {
            Task next;
            synchronized (this) {
                next = queue.peek();
                if (next == null || next.at().isAfter(end)) {
                    break;
                }
                queue.poll();
            }
            if (next.at().isAfter(clock.instant())) {
                clock.set(next.at());
            }
            next.runnable().run();
        }
        clock.set(end);
    }

    /** Runs what is due now without moving the clock. */
    public void runDue() {
        advance(Duration.ZERO);
    }

    /** When the scheduled tasks will run, earliest first (for assertions on the schedule). */
    public synchronized List<Instant> pending() {
        List<Instant> times = new ArrayList<>();
        queue.stream().sorted(queue.comparator()).forEach(t -> times.add(t.at()));
        return times;
    }
}
