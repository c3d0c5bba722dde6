package dev.mdj.events;

import dev.mdj.store.json.JobJson;
import dev.mdj.store.json.JobLogEntry;
import java.util.Objects;
import java.util.Optional;

/**
 * What became of one event: its commands ran and succeeded, it was rate limited, or a command
 * failed. {@link #job()} is the job with the log entry mod_md writes for it, ready to be saved.
 */
public sealed interface Outcome {

    MdEvent event();

    /** The job, with {@link #logEntry()} added. */
    JobJson job();

    /** The entry added to the job's log; empty when the event was rate limited. */
    Optional<JobLogEntry> logEntry();

    /** Whether the event went out or was rate limited (mod_md counts both as success). */
    default boolean succeeded() {
        return !(this instanceof Failed);
    }

    /** Whether a raised event's command failed, which stops what was about to happen. */
    default boolean vetoed() {
        return this instanceof Failed && event().raised();
    }

    /**
     * The commands ran and succeeded, or none is configured; the log has {@code message-<event>}.
     */
    record Delivered(MdEvent event, JobJson job, JobLogEntry entry) implements Outcome {
        public Delivered {
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(job, "job");
            Objects.requireNonNull(entry, "entry");
        }

        @Override
        public Optional<JobLogEntry> logEntry() {
            return Optional.of(entry);
        }
    }

    /** The same event went out too recently for this job; nothing ran and the job is unchanged. */
    record RateLimited(MdEvent event, JobJson job) implements Outcome {
        public RateLimited {
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(job, "job");
        }

        @Override
        public Optional<JobLogEntry> logEntry() {
            return Optional.empty();
        }
    }

    /**
     * A command failed; the log has {@code notify-error} or {@code message-error}.
     *
     * @param problem mod_md's problem type: {@code urn:org:apache:httpd:log:AH10108:} (MDNotifyCmd)
     *     or {@code urn:org:apache:httpd:log:AH10109:} (MDMessageCmd)
     * @param detail {@code MDMessageCmd <line> failed with exit code 3.}
     * @param command how the failing command ran
     */
    record Failed(MdEvent event, JobJson job, JobLogEntry entry, String problem, String detail,
            CommandResult command) implements Outcome {
        public Failed {
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(job, "job");
            Objects.requireNonNull(entry, "entry");
            Objects.requireNonNull(problem, "problem");
            Objects.requireNonNull(detail, "detail");
            Objects.requireNonNull(command, "command");
        }

        @Override
        public Optional<JobLogEntry> logEntry() {
            return Optional.of(entry);
        }
    }
}
