package dev.mdj.renew;

/**
 * Told when a managed domain's live certificate set changed, so the server can use it for new
 * handshakes at once, and, if it cares, what a renewal is doing. Called on engine threads;
 * implementations must be thread-safe and must not block for long.
 */
@FunctionalInterface
public interface ActivationListener {

    /** The certificate set of managed domain {@code md} in {@code domains/} is new. */
    void activated(String md);

    /** A renewal of {@code md} moved on to {@code activity}; for progress displays. */
    default void progress(String md, String activity) {
    }
}
