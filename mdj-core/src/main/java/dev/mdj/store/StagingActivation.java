package dev.mdj.store;

import dev.mdj.md.KeySpec;
import dev.mdj.md.KeySpecs;
import dev.mdj.store.json.AccountJson;
import dev.mdj.store.json.MdJson;
import dev.mdj.store.json.MdState;
import dev.mdj.store.pem.KeyPairs;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Makes a renewed certificate set live the way mod_md does at a restart: everything the driver
 * left in {@code staging/<md>} is checked (every key decrypts and matches its certificate), an
 * account registered during the renewal moves to {@code accounts/}, the complete set is written
 * to {@code tmp/<md>} and then renamed to {@code domains/<md>}, the previous set going to
 * {@code archive/<md>.<n>}. Until that last rename the old set stays live; if anything fails
 * before it, nothing in {@code domains/} has changed.
 *
 * <p>A staged set that is not complete yet (no effective CA, a key or certificate still missing)
 * is a renewal in progress and stays as it is: the next run resumes it. A complete set that fails
 * the checks (a key that does not decrypt or match) can never become valid, so it is purged
 * (mod_md since 2.4.28) and the failure reported; the next renewal starts afresh.
 */
public final class StagingActivation {

    /** What an activation did. */
    public enum Outcome {
        /** Nothing was staged for the managed domain. */
        NOTHING_STAGED,
        /** The staged set is live now. */
        ACTIVATED
    }

    private final Store store;
    private final StoredAccounts accounts;

    public StagingActivation(Store store) {
        this.store = Objects.requireNonNull(store, "store");
        this.accounts = new StoredAccounts(store);
    }

    /**
     * Activates what is staged for {@code name}.
     *
     * @throws StoreException when the staged set is unusable (it has then been purged) or the
     *     store could not be written (the staged set is then kept for another try)
     */
    public Outcome activate(String name) {
        Optional<MdJson> staged = store.load(StoreGroup.STAGING, name, Aspect.MD_JSON).map(MdJson::parse);
        if (staged.isEmpty()) {
            return Outcome.NOTHING_STAGED;
        }
        Optional<StagedSet> set;
        try {
            set = check(name, staged.get());
        } catch (RuntimeException e) {
            purgeStaging(name);
            throw new StoreException("error loading the staged set of " + name
                    + ", purged it: " + e.getMessage(), e);
        }
        if (set.isEmpty()) {
            return Outcome.NOTHING_STAGED;
        }
        install(name, set.get());
        return Outcome.ACTIVATED;
    }

    /** A staged set that passed every check. */
    private record StagedSet(MdJson md, KeySpecs specs, List<PrivateKey> keys,
            List<List<X509Certificate>> chains, Optional<AccountJson> account,
            Optional<PrivateKey> accountKey) {
    }

    /** The staged set if it is complete; empty while the renewal is still in progress. */
    private Optional<StagedSet> check(String name, MdJson md) {
        Optional<String> caUrl = md.caUrl();
        if (caUrl.isEmpty()) {
            return Optional.empty(); // mod_md: "effective CA url not set", nothing to load yet
        }
        KeySpecs specs = md.keySpecs().orElse(KeySpecs.DEFAULT);
        List<PrivateKey> keys = new java.util.ArrayList<>();
        List<List<X509Certificate>> chains = new java.util.ArrayList<>();
        for (KeySpec spec : specs.specs()) {
            Optional<PrivateKey> stagedKey = store.load(StoreGroup.STAGING, name, Aspect.privateKey(spec));
            Optional<List<X509Certificate>> stagedChain =
                    store.load(StoreGroup.STAGING, name, Aspect.certificateChain(spec));
            if (stagedKey.isEmpty() || stagedChain.isEmpty()) {
                return Optional.empty(); // this key spec's order is not finished yet
            }
            PrivateKey key = stagedKey.get();
            List<X509Certificate> chain = stagedChain.get();
            if (chain.isEmpty() || !KeyPairs.matches(key, chain.get(0))) {
                throw new StoreException(Aspect.privateKey(spec) + " does not match "
                        + Aspect.certificateChain(spec));
            }
            keys.add(key);
            chains.add(chain);
        }
        Optional<AccountJson> account = store.load(StoreGroup.STAGING, name, Aspect.ACCOUNT_JSON)
                .map(AccountJson::parse);
        Optional<PrivateKey> accountKey = store.load(StoreGroup.STAGING, name, Aspect.ACCOUNT_KEY);
        if (account.isPresent() != accountKey.isPresent()) {
            throw new StoreException("the staged account is incomplete: account.json and account.pem"
                    + " must both be there");
        }
        if (account.isPresent() && !account.get().caUrl().equals(caUrl.get())) {
            throw new StoreException("the staged account belongs to " + account.get().caUrl()
                    + ", not to the CA " + caUrl.get());
        }
        return Optional.of(new StagedSet(md, specs, keys, chains, account, accountKey));
    }

    private void install(String name, StagedSet set) {
        store.remove(StoreGroup.STAGING, name, Aspect.ORDER_JSON);
        store.purge(StoreGroup.TMP, name);
        String caUrl = set.md().caUrl().orElseThrow();
        Optional<String> accountId = set.md().caAccount();
        if (set.account().isPresent()) {
            AccountJson account = set.account().get().withoutRegistration();
            Optional<String> existing = accountId.or(() -> accounts.find(caUrl, set.md().eab()));
            if (existing.isPresent()) {
                accounts.replace(existing.get(), account, set.accountKey().orElseThrow());
            } else {
                existing = Optional.of(accounts.add(account, set.accountKey().orElseThrow()));
            }
            accountId = existing;
        } else if (accountId.isEmpty()) {
            accountId = accounts.find(caUrl, set.md().eab());
        }
        MdJson live = set.md().withState(MdState.COMPLETE, null);
        if (accountId.isPresent()) {
            live = live.withCaAccount(accountId.get());
        }
        store.save(StoreGroup.TMP, name, Aspect.MD_JSON, live.toJson());
        for (int i = 0; i < set.specs().specs().size(); i++) {
            KeySpec spec = set.specs().specs().get(i);
            store.save(StoreGroup.TMP, name, Aspect.privateKey(spec), set.keys().get(i));
            store.save(StoreGroup.TMP, name, Aspect.certificateChain(spec), set.chains().get(i));
        }
        store.load(StoreGroup.STAGING, name, Aspect.JOB_JSON)
                .ifPresent(job -> store.save(StoreGroup.TMP, name, Aspect.JOB_JSON, job));
        store.move(StoreGroup.TMP, StoreGroup.DOMAINS, name, true);
        purgeStaging(name);
    }

    private void purgeStaging(String name) {
        store.purge(StoreGroup.STAGING, name);
        store.purge(StoreGroup.CHALLENGES, name);
    }
}
