package dev.mdj.events;

import dev.mdj.md.GlobalSetting;
import dev.mdj.md.Settings;
import dev.mdj.store.json.JobJson;
import java.nio.file.Path;
import dev.mdj.store.json.JobLogEntry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the admin about an event by running MDNotifyCmd and MDMessageCmd, with mod_md's
 * arguments, rate limits and job log entries (mod_md.c {@code notify}).
 *
 * <ol>
 * <li>If the job's log has a {@code message-<event>} entry younger than the event's rate
 *     limit, nothing runs: {@link Outcome.RateLimited}, which counts as success.</li>
 * <li>For {@code renewed}, MDNotifyCmd runs as {@code <line…> <md>}. If it fails, the log gets
 *     {@code notify-error} (status {@value #NOTIFY_PROBLEM}) and MDMessageCmd does not run.</li>
 * <li>MDMessageCmd runs as {@code <line…> <event> <md>}. If it fails, the log gets
 *     {@code message-error} (status: the event's name, as in mod_md).</li>
 * <li>Otherwise, also when no command is configured, the log gets {@code message-<event>}.</li>
 * </ol>
 *
 * <p>Thread-safe; {@link #notify} blocks while commands run, so call it from a virtual thread.
 * Setting the job's {@code notified}, {@code notified-renewed}, error count and next run is
 * the caller's part, as in mod_md's {@code md_job_notify}.
 */
public final class EventNotifier {

    /** The problem type of a failed MDNotifyCmd (httpd's log id AH10108, as mod_md leaks it). */
    public static final String NOTIFY_PROBLEM = "urn:org:apache:httpd:log:AH10108:";
    /** The problem type of a failed MDMessageCmd (httpd's log id AH10109). */
    public static final String MESSAGE_PROBLEM = "urn:org:apache:httpd:log:AH10109:";

    private static final Logger LOG = LoggerFactory.getLogger(EventNotifier.class);

    private final Optional<Command> messageCommand;
    private final Optional<Command> notifyCommand;
    private final CommandRunner runner;
    private final Clock clock;

    /**
     * @param messageCommand MDMessageCmd's line as configured, if set
     * @param notifyCommand MDNotifyCmd's line as configured, if set
     * @param runner runs the commands
     * @param clock the time source for rate limits and log entries
     * @throws IllegalArgumentException if a line has an unterminated quote or no program
     */
    public EventNotifier(Optional<String> messageCommand, Optional<String> notifyCommand,
            CommandRunner runner, Clock clock) {
        this.messageCommand = messageCommand.map(line -> Command.parse("MDMessageCmd", line));
        this.notifyCommand = notifyCommand.map(line -> Command.parse("MDNotifyCmd", line));
        this.runner = Objects.requireNonNull(runner, "runner");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The notifier for the configuration's MDMessageCmd and MDNotifyCmd, running them in
     * {@code workDir} (ServerRoot).
     */
    public static EventNotifier of(Settings global, Path workDir, Clock clock) {
        return new EventNotifier(global.find(GlobalSetting.MESSAGE_COMMAND), global.find(GlobalSetting.NOTIFY_COMMAND),
                new CommandRunner(workDir, CommandRunner.DEFAULT_TIMEOUT), clock);
    }

    /**
     * Tells about {@code event} for the managed domain {@code md}, whose renewal (or OCSP) job
     * is {@code job}.
     *
     * @return what happened, with the job to save
     */
    public Outcome notify(MdEvent event, String md, JobJson job) {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(md, "md");
        Objects.requireNonNull(job, "job");
        if (rateLimited(event, job)) {
            LOG.debug("{}: rate limiting notification about '{}'", md, event);
            return new Outcome.RateLimited(event, job);
        }
        if (event.equals(MdEvent.RENEWED) && notifyCommand.isPresent()) {
            Command notify = notifyCommand.get();
            CommandResult result = runner.run(notify.argv(md));
            if (!result.succeeded()) {
                return failed(event, md, job, notify, result, NOTIFY_PROBLEM, "notify-error", NOTIFY_PROBLEM);
            }
        }
        if (messageCommand.isPresent()) {
            Command message = messageCommand.get();
            CommandResult result = runner.run(message.argv(event.name(), md));
            if (!result.succeeded()) {
                return failed(event, md, job, message, result, MESSAGE_PROBLEM, "message-error", event.name());
            }
        }
        JobLogEntry entry = JobLogEntry.of(clock.instant(), event.logType(), null, null);
        return new Outcome.Delivered(event, job.withLogEntry(entry), entry);
    }

    /**
     * An {@link EventVeto} for a driver's run: each event goes through {@link #notify} against
     * the job in {@code job}, which gets the new log entry.
     *
     * @param job the run's job; updated atomically, so others may add entries meanwhile
     */
    public EventVeto vetoFor(AtomicReference<JobJson> job) {
        Objects.requireNonNull(job, "job");
        return (event, md) -> {
            Outcome outcome = notify(MdEvent.of(event), md, job.get());
            outcome.logEntry().ifPresent(entry -> job.updateAndGet(j -> j.withLogEntry(entry)));
            return !outcome.vetoed();
        };
    }

    private boolean rateLimited(MdEvent event, JobJson job) {
        if (event.rateLimit().isZero()) {
            return false;
        }
        Optional<Instant> latest = job.log().stream()
                .filter(entry -> entry.type().equals(event.logType()))
                .findFirst()
                .map(JobLogEntry::when);
        if (latest.isEmpty()) {
            return false;
        }
        Duration since = Duration.between(latest.get(), clock.instant());
        return (since.isNegative() ? Duration.ZERO : since).compareTo(event.rateLimit()) < 0;
    }

    private Outcome failed(MdEvent event, String md, JobJson job, Command command, CommandResult result,
            String problem, String logType, String logStatus) {
        String detail = command.directive() + " " + command.line() + " failed" + result.failure() + ".";
        LOG.error("{}: {} (event '{}')", md, detail, event);
        JobLogEntry entry = JobLogEntry.of(clock.instant(), logType, logStatus, detail);
        return new Outcome.Failed(event, job.withLogEntry(entry), entry, problem, detail, result);
    }

    /** A configured command: the directive, its line as written, and the line split into arguments. */
    private record Command(String directive, String line, List<String> args) {

        static Command parse(String directive, String line) {
            List<String> args = CommandLineSplitter.split(line);
            if (args.isEmpty() || args.getFirst().isEmpty()) {
                throw new IllegalArgumentException(directive + ": no program in '" + line + "'");
            }
            return new Command(directive, line, args);
        }

        List<String> argv(String... more) {
            List<String> argv = new ArrayList<>(args);
            argv.addAll(List.of(more));
            return argv;
        }
    }
}
