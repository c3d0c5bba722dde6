package dev.mdj.acme;

/**
 * Publishes the answer to one ACME challenge type and removes it again. Setup returns the entry
 * recorded in order.json's {@code challenge-setups} ({@code http-01:<dns>},
 * {@code tls-alpn-01:<dns>}, {@code dns-01:<dns> <token>}); teardown gets the part after
 * {@code <type>:} back, possibly in a later run.
 */
interface ChallengeResponder {

    /** The ACME challenge type ({@code http-01}). */
    String type();

    /**
     * Publishes the answer.
     *
     * @return the setup entry for order.json
     * @throws ChallengeSetupException if this type cannot be used for this name now
     */
    String setup(Answer answer) throws ChallengeSetupException;

    /** Removes an answer; {@code setup} is the entry after {@code <type>:}. Never throws. */
    void teardown(String setup);

    /**
     * What the CA asks for.
     *
     * @param dns the authorization's DNS name (without {@code *.})
     * @param token the challenge token
     * @param keyAuthorization {@code <token>.<account key thumbprint>}
     */
    record Answer(String dns, String token, String keyAuthorization) {
    }

    /** A setup that failed; the driver tries the next type. */
    final class ChallengeSetupException extends Exception {
        private static final long serialVersionUID = 1L;

        ChallengeSetupException(String message) {
            super(message);
        }

        ChallengeSetupException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Removes {@code challenges/<dns>/}, where the http-01 and tls-alpn-01 answers live; a
     * failure is logged, not thrown: a left-over answer is harmless and removed at the next start.
     */
    static void removeAnswers(dev.mdj.store.Store store, String dns) {
        try {
            store.purge(dev.mdj.store.StoreGroup.CHALLENGES, dns.trim());
        } catch (RuntimeException e) {
            AcmeDriver.LOG.warn("cannot remove challenges/{}: {}", dns, e.getMessage());
        }
    }
}
