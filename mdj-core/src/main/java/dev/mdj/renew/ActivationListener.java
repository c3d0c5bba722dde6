package dev.mdj.renew;

/**
 * Told when a managed domain's live certificate set changed, so the server can use it for new
 * handshakes at once. Called on an engine thread; implementations must not block for long.
 */
@FunctionalInterface
public interface ActivationListener {

    /** The certificate set of managed domain {@code md} in {@code domains/} is new. */
    void activated(String md);
}
