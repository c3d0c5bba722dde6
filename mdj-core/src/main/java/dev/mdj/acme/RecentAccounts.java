package dev.mdj.acme;

import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The accounts the CA confirmed as valid a moment ago (or just created), with their keys. When
 * many managed domains renew at once they share one account, and each run chooses it under the
 * per-CA account lock, so one after another: reading and decrypting its key and asking the CA
 * about it took a round trip and an RSA-3072 signature per MD (with 50 MDs, seconds). A
 * confirmation this recent is taken as the answer instead; should the CA have deactivated the
 * account in between, the run fails at its order and the next run, later than this, asks again.
 * The keys stay in memory only as long as that.
 */
final class RecentAccounts {

    private record Confirmed(KeyPair key, Instant at) {
    }

    private final Duration fresh;
    private final Map<String, Confirmed> confirmed = new ConcurrentHashMap<>();

    /** @param fresh how long a confirmation is taken as still true */
    RecentAccounts(Duration fresh) {
        this.fresh = Objects.requireNonNull(fresh, "fresh");
    }

    /** The CA confirmed the account at {@code accountUrl}, whose key is {@code key}, as valid at {@code now}. */
    void confirmed(String accountUrl, KeyPair key, Instant now) {
        confirmed.put(accountUrl, new Confirmed(Objects.requireNonNull(key, "key"), now));
    }

    /** The key of the account at {@code accountUrl} if the CA confirmed it less than the fresh time before {@code now}. */
    Optional<KeyPair> fresh(String accountUrl, Instant now) {
        Confirmed c = confirmed.get(accountUrl);
        if (c == null) {
            return Optional.empty();
        }
        if (now.isBefore(c.at()) || now.isAfter(c.at().plus(fresh))) {
            confirmed.remove(accountUrl, c);
            return Optional.empty();
        }
        return Optional.of(c.key());
    }
}
