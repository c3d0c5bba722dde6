package dev.mdj.store;

import dev.mdj.md.ExternalAccountBinding;
import dev.mdj.store.json.AccountJson;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * The ACME accounts in a store's {@code accounts/} group, named as mod_md names them:
 * {@code ACME-<host of the CA URL, at most its last 16 characters>-<NNNN>}. An account is reused
 * for a managed domain when it belongs to the same CA and the same external account binding;
 * mod_md ignores the contacts when matching, and so does mdj.
 */
public final class StoredAccounts {

    private static final int MAX_ACCOUNTS_PER_CA = 1000;

    private final Store store;

    public StoredAccounts(Store store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * The first valid account (in name order) for {@code caUrl} with the same EAB, if any.
     * Accounts that cannot be read are skipped: one damaged account must not stop the others.
     */
    public Optional<String> find(String caUrl, Optional<ExternalAccountBinding> eab) {
        for (String id : store.names(StoreGroup.ACCOUNTS)) {
            Optional<AccountJson> account;
            try {
                account = store.load(StoreGroup.ACCOUNTS, id, Aspect.ACCOUNT_JSON).map(AccountJson::parse);
            } catch (RuntimeException e) {
                continue;
            }
            if (account.isPresent() && matches(account.get(), caUrl, eab)
                    && account.get().status().map("valid"::equals).orElse(false)
                    && store.exists(StoreGroup.ACCOUNTS, id, Aspect.ACCOUNT_KEY)) {
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }

    /**
     * mod_md's matching rule: the same CA, and the same external account binding (key id and
     * hmac); an MD without EAB takes only accounts without. Contacts do not matter.
     */
    public static boolean matches(AccountJson account, String caUrl, Optional<ExternalAccountBinding> eab) {
        return account.caUrl().equals(caUrl) && account.eab().equals(eab);
    }

    /**
     * Stores a new account under the first free id for its CA, taking the id atomically (the
     * account.json is created exclusively), then its key.
     *
     * @return the id
     */
    public String add(AccountJson account, java.security.PrivateKey key) {
        String prefix = "ACME-" + shortHost(account.caUrl()) + "-";
        for (int n = 0; n < MAX_ACCOUNTS_PER_CA; n++) {
            String id = prefix + String.format("%04d", n);
            if (store.create(StoreGroup.ACCOUNTS, id, Aspect.ACCOUNT_JSON, account.toJson())) {
                store.save(StoreGroup.ACCOUNTS, id, Aspect.ACCOUNT_KEY, key);
                return id;
            }
        }
        throw new StoreException("accounts/" + prefix + "0000 to " + (MAX_ACCOUNTS_PER_CA - 1)
                + " are all taken");
    }

    /** Replaces the account stored under {@code id} (mod_md overwrites a matching account). */
    public void replace(String id, AccountJson account, java.security.PrivateKey key) {
        store.save(StoreGroup.ACCOUNTS, id, Aspect.ACCOUNT_KEY, key);
        store.save(StoreGroup.ACCOUNTS, id, Aspect.ACCOUNT_JSON, account.toJson());
    }

    /** The host of a CA URL, cut to its last 16 characters as mod_md does. */
    static String shortHost(String caUrl) {
        String host;
        try {
            host = URI.create(caUrl).getHost();
        } catch (IllegalArgumentException e) {
            host = null;
        }
        if (host == null || host.isEmpty()) {
            host = "unknown";
        }
        return host.length() > 16 ? host.substring(host.length() - 16) : host;
    }
}
