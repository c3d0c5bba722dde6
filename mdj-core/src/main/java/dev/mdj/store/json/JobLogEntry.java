package dev.mdj.store.json;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.node.ObjectNode;

/**
 * One entry of a job's log ({@code job.json} {@code log.entries[]}):
 * {@code {"when": ts, "type": string, "status": string?, "detail": string?}}. Unknown keys of a
 * parsed entry are kept.
 */
public final class JobLogEntry {

    private static final Set<String> KNOWN = Set.of("when", "type", "status", "detail");

    private final Instant when;
    private final String type;
    private final String status;
    private final String detail;
    private final ObjectNode source;

    private JobLogEntry(Instant when, String type, String status, String detail, ObjectNode source) {
        this.when = Objects.requireNonNull(when, "when");
        this.type = Objects.requireNonNull(type, "type");
        this.status = status;
        this.detail = detail;
        this.source = source;
    }

    /**
     * A new entry.
     *
     * @param when when it happened (written in whole seconds)
     * @param type e.g. {@code progress}, {@code renewal-error}, {@code message-renewed}
     * @param status the status, e.g. an ACME problem type; null for none
     * @param detail a human readable text; null for none
     */
    public static JobLogEntry of(Instant when, String type, String status, String detail) {
        return new JobLogEntry(when, type, status, detail, null);
    }

    /**
     * Reads an entry.
     *
     * @throws IllegalArgumentException if {@code when} or {@code type} is missing or invalid
     */
    public static JobLogEntry parse(ObjectNode json) {
        Instant when = Nodes.time(json, "when");
        if (when == null) {
            throw new IllegalArgumentException("job.json: log entry lacks 'when'");
        }
        return new JobLogEntry(when, Nodes.requiredString(json, "type", "job.json log entry"),
                Nodes.string(json, "status"), Nodes.string(json, "detail"), json.deepCopy());
    }

    /** The entry as mod_md writes it. */
    public ObjectNode toJson() {
        ObjectNode out = Nodes.object();
        out.put("when", StoreTime.format(when));
        out.put("type", type);
        Nodes.putIfNotNull(out, "status", status);
        Nodes.putIfNotNull(out, "detail", detail);
        return Nodes.withUnknown(out, source, KNOWN);
    }

    public Instant when() {
        return when;
    }

    public String type() {
        return type;
    }

    public Optional<String> status() {
        return Optional.ofNullable(status);
    }

    public Optional<String> detail() {
        return Optional.ofNullable(detail);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JobLogEntry other && toJson().equals(other.toJson());
    }

    @Override
    public int hashCode() {
        return toJson().hashCode();
    }

    @Override
    public String toString() {
        return StoreTime.format(when) + " " + type + (status == null ? "" : " [" + status + "]")
                + (detail == null ? "" : ": " + detail);
    }
}
