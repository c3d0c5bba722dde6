package dev.mdj.store.json;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The result of a job's last run ({@code job.json} {@code last}, mod_md's {@code md_result_t}):
 * an APR status (0 = ok) with optional description, ACME problem, detail, activity, the time the
 * new certificate becomes valid and the ACME subproblems. Unknown keys of a parsed result are
 * kept.
 */
public final class JobResult {

    private static final Set<String> KNOWN = Set.of("status", "status-description", "problem",
            "detail", "activity", "valid-from", "subproblems");

    private final int status;
    private final String statusDescription;
    private final String problem;
    private final String detail;
    private final String activity;
    private final Instant validFrom;
    private final JsonNode subproblems;
    private final ObjectNode source;

    private JobResult(int status, String statusDescription, String problem, String detail,
            String activity, Instant validFrom, JsonNode subproblems, ObjectNode source) {
        this.status = status;
        this.statusDescription = statusDescription;
        this.problem = problem;
        this.detail = detail;
        this.activity = activity;
        this.validFrom = validFrom;
        this.subproblems = subproblems == null ? null : subproblems.deepCopy();
        this.source = source;
    }

    /**
     * A result. Null for any optional part leaves it out.
     *
     * @param status the APR status, 0 for success
     * @param statusDescription the text of the status; mod_md writes one only when status &gt; 0
     * @param problem the ACME problem type URN
     * @param detail a human readable detail
     * @param activity what was being done
     * @param validFrom when the new certificate becomes valid
     * @param subproblems the ACME subproblems, as received
     */
    public static JobResult of(int status, String statusDescription, String problem, String detail,
            String activity, Instant validFrom, JsonNode subproblems) {
        return new JobResult(status, statusDescription, problem, detail, activity, validFrom,
                subproblems, null);
    }

    /** Success with nothing else to say. */
    public static JobResult ok() {
        return of(0, null, null, null, null, null, null);
    }

    /**
     * Reads a result.
     *
     * @throws IllegalArgumentException if {@code valid-from} is not a timestamp
     */
    public static JobResult parse(ObjectNode json) {
        Objects.requireNonNull(json, "json");
        return new JobResult(Nodes.integer(json, "status"), Nodes.string(json, "status-description"),
                Nodes.string(json, "problem"), Nodes.string(json, "detail"),
                Nodes.string(json, "activity"), Nodes.time(json, "valid-from"),
                json.get("subproblems"), json.deepCopy());
    }

    /** The result as mod_md writes it. */
    public ObjectNode toJson() {
        ObjectNode out = Nodes.object();
        out.put("status", status);
        Nodes.putIfNotNull(out, "status-description", statusDescription);
        Nodes.putIfNotNull(out, "problem", problem);
        Nodes.putIfNotNull(out, "detail", detail);
        Nodes.putIfNotNull(out, "activity", activity);
        Nodes.putTimeIfNotNull(out, "valid-from", validFrom);
        if (subproblems != null) {
            out.set("subproblems", subproblems.deepCopy());
        }
        return Nodes.withUnknown(out, source, KNOWN);
    }

    public int status() {
        return status;
    }

    public Optional<String> statusDescription() {
        return Optional.ofNullable(statusDescription);
    }

    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    public Optional<String> detail() {
        return Optional.ofNullable(detail);
    }

    public Optional<String> activity() {
        return Optional.ofNullable(activity);
    }

    public Optional<Instant> validFrom() {
        return Optional.ofNullable(validFrom);
    }

    /** The raw ACME subproblems, a copy. */
    public Optional<JsonNode> subproblems() {
        return Optional.ofNullable(subproblems).map(JsonNode::deepCopy);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JobResult other && toJson().equals(other.toJson());
    }

    @Override
    public int hashCode() {
        return toJson().hashCode();
    }

    @Override
    public String toString() {
        return "JobResult" + toJson();
    }
}
