package dev.mdj.ocsp;

/**
 * Fetching or checking an OCSP response failed.
 *
 * <p>{@link #status()} is the APR/errno code mod_md records for it in job.json (see
 * {@link dev.mdj.renew.StatusCodes}).
 */
public final class OcspException extends Exception {

    private final int status;

    public OcspException(int status, String message) {
        super(message);
        this.status = status;
    }

    public OcspException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
