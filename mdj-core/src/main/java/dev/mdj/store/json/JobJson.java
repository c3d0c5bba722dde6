package dev.mdj.store.json;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A renewal (or OCSP) job as mod_md stores it in {@code job.json}
 * ({@code staging/<md>/}, {@code domains/<md>/} after activation, {@code tmp/<md>/},
 * {@code ocsp/<md>/}). Immutable; keys mdj does not know, at the top level, in {@code last},
 * {@code log} and the log entries, are kept.
 */
public final class JobJson {

    /** The most entries mod_md keeps in a job's log. */
    public static final int MAX_LOG_ENTRIES = 128;
    /** The type of the log entry a successful run ends with, as mod_md writes it. */
    public static final String FINISHED_ENTRY = "finished";

    private static final Set<String> KNOWN = Set.of("name", "finished", "notified",
            "notified-renewed", "next-run", "last-run", "valid-from", "errors", "last", "log");

    private final ObjectNode source;
    private final String name;
    private final boolean finished;
    private final boolean notified;
    private final boolean notifiedRenewed;
    private final Instant nextRun;
    private final Instant lastRun;
    private final Instant validFrom;
    private final int errors;
    private final JobResult last;
    private final boolean hasLog;
    private final List<JobLogEntry> log;

    private JobJson(Builder b) {
        this.source = b.source;
        this.name = Objects.requireNonNull(b.name, "name");
        this.finished = b.finished;
        this.notified = b.notified;
        this.notifiedRenewed = b.notifiedRenewed;
        this.nextRun = b.nextRun;
        this.lastRun = b.lastRun;
        this.validFrom = b.validFrom;
        this.errors = b.errors;
        this.last = b.last;
        this.log = List.copyOf(b.log);
        this.hasLog = b.hasLog || !log.isEmpty();
    }

    /** A new job for the MD {@code name}: not finished, nothing notified, no errors, no log. */
    public static JobJson of(String name) {
        Builder b = new Builder();
        b.name = Objects.requireNonNull(name, "name");
        return new JobJson(b);
    }

    /**
     * Reads a {@code job.json}.
     *
     * @throws IllegalArgumentException if the name is missing or a timestamp or log entry is invalid
     */
    public static JobJson parse(ObjectNode json) {
        Objects.requireNonNull(json, "json");
        Builder b = new Builder();
        b.source = json.deepCopy();
        b.name = Nodes.requiredString(json, "name", "job.json");
        b.finished = Nodes.bool(json, "finished");
        b.notified = Nodes.bool(json, "notified");
        b.notifiedRenewed = Nodes.bool(json, "notified-renewed");
        b.nextRun = Nodes.time(json, "next-run");
        b.lastRun = Nodes.time(json, "last-run");
        b.validFrom = Nodes.time(json, "valid-from");
        b.errors = Nodes.integer(json, "errors");
        ObjectNode last = Nodes.objectOrNull(json, "last");
        b.last = last == null ? null : JobResult.parse(last);
        ObjectNode log = Nodes.objectOrNull(json, "log");
        b.hasLog = log != null;
        List<JobLogEntry> entries = new ArrayList<>();
        JsonNode array = log == null ? null : log.get("entries");
        if (array != null && array.isArray()) {
            for (JsonNode entry : array) {
                if (entry.isObject()) {
                    entries.add(JobLogEntry.parse((ObjectNode) entry));
                }
            }
        }
        b.log = entries;
        return new JobJson(b);
    }

    /** The document as mod_md writes it, with unknown keys of the parsed document kept. */
    public ObjectNode toJson() {
        ObjectNode out = Nodes.object();
        out.put("name", name);
        out.put("finished", finished);
        out.put("notified", notified);
        out.put("notified-renewed", notifiedRenewed);
        Nodes.putTimeIfNotNull(out, "next-run", nextRun);
        Nodes.putTimeIfNotNull(out, "last-run", lastRun);
        Nodes.putTimeIfNotNull(out, "valid-from", validFrom);
        out.put("errors", errors);
        if (last != null) {
            out.set("last", last.toJson());
        }
        if (hasLog) {
            ObjectNode logNode = Nodes.object();
            ArrayNode entries = JsonNodeFactory.instance.arrayNode();
            log.forEach(entry -> entries.add(entry.toJson()));
            logNode.set("entries", entries);
            out.set("log", Nodes.withUnknown(logNode, Nodes.objectOrNull(source, "log"), Set.of("entries")));
        }
        return Nodes.withUnknown(out, source, KNOWN);
    }

    // --- withers -------------------------------------------------------------------------------

    /** With {@code entry} as the newest log entry, keeping at most {@value #MAX_LOG_ENTRIES}. */
    public JobJson withLogEntry(JobLogEntry entry) {
        Objects.requireNonNull(entry, "entry");
        List<JobLogEntry> entries = new ArrayList<>(MAX_LOG_ENTRIES);
        entries.add(entry);
        entries.addAll(log.subList(0, Math.min(log.size(), MAX_LOG_ENTRIES - 1)));
        return with(b -> {
            b.log = entries;
            b.hasLog = true;
        });
    }

    /** With {@code result} as {@code last} (null removes it). */
    public JobJson withLast(JobResult result) {
        return with(b -> b.last = result);
    }

    public JobJson withFinished(boolean value) {
        return with(b -> b.finished = value);
    }

    public JobJson withNotified(boolean value) {
        return with(b -> b.notified = value);
    }

    public JobJson withNotifiedRenewed(boolean value) {
        return with(b -> b.notifiedRenewed = value);
    }

    /** With the number of consecutive failed runs. */
    public JobJson withErrors(int value) {
        return with(b -> b.errors = value);
    }

    /** With the time of the next run (null removes it). */
    public JobJson withNextRun(Instant value) {
        return with(b -> b.nextRun = value);
    }

    /** With the time of the last run (null removes it). */
    public JobJson withLastRun(Instant value) {
        return with(b -> b.lastRun = value);
    }

    /** With the time the new certificate becomes valid (null removes it). */
    public JobJson withValidFrom(Instant value) {
        return with(b -> b.validFrom = value);
    }

    private JobJson with(Consumer<Builder> change) {
        Builder b = new Builder(this);
        change.accept(b);
        return new JobJson(b);
    }

    // --- accessors -----------------------------------------------------------------------------

    public String name() {
        return name;
    }

    public boolean finished() {
        return finished;
    }

    public boolean notified() {
        return notified;
    }

    public boolean notifiedRenewed() {
        return notifiedRenewed;
    }

    public Optional<Instant> nextRun() {
        return Optional.ofNullable(nextRun);
    }

    public Optional<Instant> lastRun() {
        return Optional.ofNullable(lastRun);
    }

    public Optional<Instant> validFrom() {
        return Optional.ofNullable(validFrom);
    }

    /** Consecutive failed runs. */
    public int errors() {
        return errors;
    }

    public Optional<JobResult> last() {
        return Optional.ofNullable(last);
    }

    /** When the last successful run ended: its newest {@value #FINISHED_ENTRY} log entry. */
    public Optional<Instant> finishedAt() {
        return log.stream().filter(entry -> entry.type().equals(FINISHED_ENTRY)).findFirst().map(JobLogEntry::when);
    }

    /** The log, newest entry first. */
    public List<JobLogEntry> log() {
        return log;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JobJson other && toJson().equals(other.toJson());
    }

    @Override
    public int hashCode() {
        return toJson().hashCode();
    }

    @Override
    public String toString() {
        return "JobJson[name=" + name + ", finished=" + finished + ", errors=" + errors
                + ", last=" + last + ", log=" + log.size() + " entries]";
    }

    private static final class Builder {
        ObjectNode source;
        String name;
        boolean finished;
        boolean notified;
        boolean notifiedRenewed;
        Instant nextRun;
        Instant lastRun;
        Instant validFrom;
        int errors;
        JobResult last;
        boolean hasLog;
        List<JobLogEntry> log = List.of();

        Builder() {
        }

        Builder(JobJson job) {
            source = job.source;
            name = job.name;
            finished = job.finished;
            notified = job.notified;
            notifiedRenewed = job.notifiedRenewed;
            nextRun = job.nextRun;
            lastRun = job.lastRun;
            validFrom = job.validFrom;
            errors = job.errors;
            last = job.last;
            hasLog = job.hasLog;
            log = job.log;
        }
    }
}
