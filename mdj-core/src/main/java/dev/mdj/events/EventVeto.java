package dev.mdj.events;

/**
 * Raises an event that may be vetoed: {@code renewing} and {@code challenge-setup:<type>:<dns>}
 * run MDMessageCmd, and a non-zero exit stops what was about to happen (mod_md's "raise").
 */
@FunctionalInterface
public interface EventVeto {

    /**
     * @param event the event name ({@code challenge-setup:http-01:www.example.org})
     * @param md the managed domain's name
     * @return true if the event may proceed, false if it was vetoed
     */
    boolean raise(String event, String md);
}
