package dev.mdj.renew;

import java.time.Instant;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A renewal attempt failed. Carries what job.json records of it: a status code (mod_md's APR
 * codes: 22 EINVAL, 111 ECONNREFUSED, 20014 EGENERAL, ...), the ACME problem type when the CA
 * sent one (kept verbatim), its detail and subproblems, and a Retry-After the CA asked for.
 */
public final class DriveException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String problem;
    private final transient JsonNode subproblems;
    private final Instant retryAfter;

    public DriveException(int status, String problem, String detail, JsonNode subproblems,
            Instant retryAfter, Throwable cause) {
        super(detail, cause);
        this.status = status;
        this.problem = problem;
        this.subproblems = subproblems;
        this.retryAfter = retryAfter;
    }

    /** A failure without an ACME problem. */
    public DriveException(int status, String detail) {
        this(status, null, detail, null, null, null);
    }

    public int status() {
        return status;
    }

    /** The ACME problem type ({@code urn:ietf:params:acme:error:rejectedIdentifier}), if any. */
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    public String detail() {
        return getMessage();
    }

    public Optional<JsonNode> subproblems() {
        return Optional.ofNullable(subproblems);
    }

    public Optional<Instant> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
