package dev.mdj.acme;

import dev.mdj.store.Aspect;
import dev.mdj.store.Store;
import dev.mdj.store.StoreGroup;

/** http-01: {@code challenges/<dns>/acme-http-01.txt} = the key authorization, no newline. */
final class Http01Responder implements ChallengeResponder {

    static final String TYPE = "http-01";
    private final Store store;

    Http01Responder(Store store) {
        this.store = store;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String setup(Answer answer) throws ChallengeSetupException {
        try {
            store.save(StoreGroup.CHALLENGES, answer.dns(), Aspect.HTTP01_CHALLENGE, answer.keyAuthorization());
        } catch (RuntimeException e) {
            throw new ChallengeSetupException("cannot store the http-01 answer for " + answer.dns() + ": "
                    + e.getMessage(), e);
        }
        return answer.dns();
    }

    @Override
    public void teardown(String setup) {
        ChallengeResponder.removeAnswers(store, setup);
    }
}
