package dev.mdj.acme;

import dev.mdj.events.CommandRunner;
import dev.mdj.md.ExternalAccountBinding;
import dev.mdj.md.KeySpec;
import dev.mdj.md.ManagedDomain;
import dev.mdj.md.MdSetting;
import dev.mdj.renew.AriWindow;
import dev.mdj.renew.DriveException;
import dev.mdj.renew.DriveRun;
import dev.mdj.renew.Driver;
import dev.mdj.renew.StatusCodes;
import dev.mdj.store.Aspect;
import dev.mdj.store.Store;
import dev.mdj.store.StoreGroup;
import dev.mdj.store.StoredAccounts;
import dev.mdj.store.json.AccountJson;
import dev.mdj.store.json.MdJson;
import dev.mdj.store.json.OrderJson;
import dev.mdj.store.pem.KeyPairs;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import javax.crypto.spec.SecretKeySpec;
import org.shredzone.acme4j.Account;
import org.shredzone.acme4j.AccountBuilder;
import org.shredzone.acme4j.AcmeJsonResource;
import org.shredzone.acme4j.Authorization;
import org.shredzone.acme4j.Login;
import org.shredzone.acme4j.Metadata;
import org.shredzone.acme4j.Order;
import org.shredzone.acme4j.OrderBuilder;
import org.shredzone.acme4j.Problem;
import org.shredzone.acme4j.Session;
import org.shredzone.acme4j.Status;
import org.shredzone.acme4j.challenge.Challenge;
import org.shredzone.acme4j.challenge.TokenChallenge;
import org.shredzone.acme4j.connector.Connection;
import org.shredzone.acme4j.toolbox.JSONBuilder;
import org.shredzone.acme4j.exception.AcmeException;
import org.shredzone.acme4j.exception.AcmeLazyLoadingException;
import org.shredzone.acme4j.exception.AcmeProtocolException;
import org.shredzone.acme4j.exception.AcmeRateLimitedException;
import org.shredzone.acme4j.exception.AcmeServerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The ACME driver (mod_md's md_acme_drive.c / md_acmev2_drive.c on acme4j): gets a certificate
 * for every key spec of a managed domain into {@code staging/<md>/}, resuming what an earlier
 * run left there (account, order by its URL, keys). acme4j's types never leave this package.
 *
 * <p>Flow per run: effective CA = {@code CA_URLS[caIndex % n]}; staging is reset when its
 * md.json is missing or names another CA, other CAs or other domains; account: staged, then
 * {@code ca.account} of the live md.json, then a stored valid account of that CA with the same
 * EAB, then one staged for another MD, else a new RSA-3072 account into staging; then for each
 * key spec without a staged key and chain: order (resumed from order.json or new),
 * authorizations (answered with the first of the run's challenge types the CA offers whose
 * setup works, after the {@code challenge-setup:<type>:<dns>} event passed), polling, finalize
 * with a Bouncy Castle CSR, download, key check, save; the order is then torn down.
 */
public final class AcmeDriver implements Driver {

    static final Logger LOG = LoggerFactory.getLogger(AcmeDriver.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int ACCOUNT_KEY_BITS = 3072;
    /** mod_md gives up waiting on an authorization or order after 300 s. */
    public static final Duration POLL_TIMEOUT = Duration.ofSeconds(300);
    /** How long a dns-01 setup or teardown command may run. */
    public static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration FIRST_POLL_DELAY = Duration.ofMillis(100);
    private static final int BAD_NONCE_RUNS = 3;
    private static final Duration MAX_POLL_DELAY = Duration.ofSeconds(10);

    private final int dns01Version;
    private final Duration pollTimeout;
    private final CommandRunner commands;
    /**
     * One lock per CA around choosing or registering the account: when many MDs renew at once
     * on a fresh store, the first registers and the others find its account instead of each
     * registering one of their own.
     */
    private final java.util.concurrent.ConcurrentHashMap<String, java.util.concurrent.locks.ReentrantLock>
            accountLocks = new java.util.concurrent.ConcurrentHashMap<>();
    /** Accounts the CA confirmed in the last minute: the other MDs of a burst do not ask again. */
    private final RecentAccounts recentAccounts = new RecentAccounts(Duration.ofMinutes(1));
    private final AcmeHttp http = new AcmeHttp();

    /**
     * A driver with mod_md's timeouts: 300 s for each polling phase, 120 s for a dns-01 command.
     *
     * @param dns01Version MDChallengeDns01Version (1: teardown gets the name, 2: name and token)
     */
    public AcmeDriver(int dns01Version) {
        this(dns01Version, POLL_TIMEOUT, new CommandRunner(Path.of("").toAbsolutePath(), COMMAND_TIMEOUT));
    }

    /**
     * @param dns01Version MDChallengeDns01Version
     * @param pollTimeout how long to wait for an authorization or order to change state
     * @param commands runs the MDChallengeDns01 command (its working directory and timeout)
     */
    public AcmeDriver(int dns01Version, Duration pollTimeout, CommandRunner commands) {
        if (dns01Version != 1 && dns01Version != 2) {
            throw new IllegalArgumentException("MDChallengeDns01Version must be 1 or 2, not " + dns01Version);
        }
        this.dns01Version = dns01Version;
        this.pollTimeout = Objects.requireNonNull(pollTimeout, "pollTimeout");
        this.commands = Objects.requireNonNull(commands, "commands");
    }

    @Override
    public void preflight(DriveRun run) throws DriveException {
        String caUrl = effectiveCa(run);
        Map<String, ChallengeResponder> responders = ChallengeResponders.forRun(run, dns01Version, commands);
        if (run.challengeTypes().stream().noneMatch(responders::containsKey)) {
            throw new DriveException(StatusCodes.EINVAL, "challenge-mismatch",
                    "None of the configured challenge types '" + String.join(" ", run.challengeTypes())
                            + "' are supported; available are: '" + String.join(" ", responders.keySet()) + "'.",
                    null, null, null);
        }
        Optional<ExternalAccountBinding> eab = run.md().get(MdSetting.EAB);
        boolean haveAccount = account(run.store(), StoreGroup.STAGING, run.md().name())
                .filter(a -> StoredAccounts.matches(a, caUrl, eab)).isPresent()
                || new StoredAccounts(run.store()).find(caUrl, eab).isPresent();
        if (!haveAccount) {
            checkRegistrationPreconditions(run.md(), Optional.empty());
        }
    }

    @Override
    public Optional<AriWindow> renewalInfo(ManagedDomain md, X509Certificate certificate) throws DriveException {
        List<URI> cas = md.get(MdSetting.CA_URLS);
        if (cas.isEmpty()) {
            return Optional.empty();
        }
        String activity = "Getting renewal information (ARI) from " + cas.getFirst();
        try {
            Session session = http.session(cas.getFirst().toString(), md.get(MdSetting.CA_CERTIFICATE_FILE),
                    md.settings().find(MdSetting.HTTP_PROXY).orElse(null));
            return RenewalInfoRequests.fetch(session, certificate);
        } catch (AcmeException e) {
            throw Problems.of(e, activity);
        } catch (RuntimeException e) { // acme4j's protocol errors: no AKI in the certificate, a malformed answer
            throw new DriveException(StatusCodes.EGENERAL, null, activity + ": " + e.getMessage(), null, null, e);
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>acme4j retries a rejected nonce (badNonce) ten times per request; a CA rejecting many
     * nonces can still exhaust that over the dozens of requests of a run. Such a run is started
     * again at once, a few times: it resumes from staging, so nothing is done twice.
     */
    @Override
    public Instant drive(DriveRun run) throws DriveException {
        for (int attempt = 1; ; attempt++) {
            try {
                return driveOnce(run);
            } catch (DriveException e) {
                boolean badNonce = e.problem().filter(p -> p.endsWith(":badNonce")).isPresent();
                if (!badNonce || attempt >= BAD_NONCE_RUNS) {
                    throw e;
                }
                LOG.info("{}: the CA kept rejecting nonces; resuming the run", run.md().name());
            }
        }
    }

    private Instant driveOnce(DriveRun run) throws DriveException {
        RunState s = new RunState(run);
        try {
            return s.drive();
        } catch (AcmeException e) {
            throw Problems.of(e, s.activity);
        } catch (AcmeLazyLoadingException e) {
            if (e.getCause() instanceof AcmeException ae) {
                throw Problems.of(ae, s.activity);
            }
            throw new DriveException(StatusCodes.EGENERAL, null, s.activity + ": " + e.getMessage(), null, null, e);
        } catch (RuntimeException e) {
            LOG.warn("{}: {} failed", run.md().name(), s.activity, e);
            throw new DriveException(StatusCodes.EGENERAL, null, s.activity + ": " + e, null, null, e);
        }
    }

    // --- one run ---------------------------------------------------------------------------------

    private final class RunState {
        final DriveRun run;
        final Store store;
        final ManagedDomain md;
        final String name;
        final String caUrl;
        final Map<String, ChallengeResponder> responders;
        final Optional<ExternalAccountBinding> eab;
        String activity = "Assessing current status";
        Session session;
        Login login;
        /** {@code ca.account} for the staged md.json: the id in accounts/, null for a staged account. */
        String accountId;

        RunState(DriveRun run) throws DriveException {
            this.run = run;
            this.store = run.store();
            this.md = run.md();
            this.name = md.name();
            this.caUrl = effectiveCa(run);
            this.responders = ChallengeResponders.forRun(run, dns01Version, commands);
            this.eab = md.get(MdSetting.EAB);
        }

        void progress(String text) {
            activity = text;
            run.progress().activity(text);
        }

        Instant drive() throws DriveException, AcmeException {
            List<KeySpec> specs = md.get(MdSetting.PRIVATE_KEYS).specs();
            progress("Checking staging area");
            prepareStaging();
            if (specs.stream().allMatch(this::staged)) {
                return readyAt(specs);
            }
            progress("Contacting ACME server for " + name + " at " + caUrl);
            session = http.session(caUrl, md.get(MdSetting.CA_CERTIFICATE_FILE),
                    md.settings().find(MdSetting.HTTP_PROXY).orElse(null));
            Metadata meta = session.getMetadata();
            progress("Driving ACME to renew " + String.join(", ", specs.stream().map(KeySpec::storeName).toList())
                    + " certificate for " + name);
            java.util.concurrent.locks.ReentrantLock lock =
                    accountLocks.computeIfAbsent(caUrl, url -> new java.util.concurrent.locks.ReentrantLock());
            // Said before waiting for the lock: saying it writes job.json, which must not queue the others.
            progress("Selecting account to use for " + name);
            Optional<AccountJson> borrowed;
            lock.lock();
            try {
                borrowed = selectAccount(meta);
            } finally {
                lock.unlock();
            }
            // Outside the lock: the copy's fsyncs, one MD after another, kept a burst of MDs waiting.
            borrowed.ifPresent(this::stageBorrowedAccount);
            writeStagedMd();
            for (KeySpec spec : specs) {
                if (!staged(spec)) {
                    obtain(spec, meta);
                }
            }
            writeStagedMd();
            return readyAt(specs);
        }

        // --- staging -------------------------------------------------------------------------

        void prepareStaging() {
            Optional<MdJson> staged;
            try {
                staged = store.load(StoreGroup.STAGING, name, Aspect.MD_JSON).map(MdJson::parse);
            } catch (RuntimeException e) {
                LOG.warn("{}: staged md.json unreadable, resetting: {}", name, e.getMessage());
                staged = Optional.empty();
            }
            List<String> caUrls = md.get(MdSetting.CA_URLS).stream().map(URI::toString).toList();
            boolean keep = staged.isPresent()
                    && staged.get().caUrl().map(caUrl::equals).orElse(false)
                    && staged.get().caUrls().equals(caUrls)
                    && staged.get().domains().equals(md.domains());
            if (!keep) {
                progress("Resetting staging for " + name);
                Optional<OrderJson> order = loadOrder();
                order.ifPresent(this::teardown);
                store.purge(StoreGroup.STAGING, name);
                store.save(StoreGroup.STAGING, name, Aspect.MD_JSON, baseMd().withCaUrl(caUrl).withCaAccount(null).toJson());
            } else {
                accountId = staged.get().caAccount().orElse(null);
            }
        }

        MdJson baseMd() {
            List<String> acmeTls = run.reachability().acmeTlsNames();
            try {
                Optional<MdJson> live = store.load(StoreGroup.DOMAINS, name, Aspect.MD_JSON).map(MdJson::parse);
                if (live.isPresent() && live.get().domains().equals(md.domains())) {
                    return live.get();
                }
            } catch (RuntimeException e) {
                LOG.debug("{}: domains md.json unreadable: {}", name, e.getMessage());
            }
            return MdJson.of(md, acmeTls);
        }

        void writeStagedMd() {
            MdJson base;
            try {
                base = store.load(StoreGroup.STAGING, name, Aspect.MD_JSON).map(MdJson::parse).orElseGet(this::baseMd);
            } catch (RuntimeException e) {
                base = baseMd();
            }
            store.save(StoreGroup.STAGING, name, Aspect.MD_JSON, base.withCaUrl(caUrl).withCaAccount(accountId).toJson());
        }

        boolean staged(KeySpec spec) {
            return store.exists(StoreGroup.STAGING, name, Aspect.privateKey(spec))
                    && store.exists(StoreGroup.STAGING, name, Aspect.certificateChain(spec));
        }

        Instant readyAt(List<KeySpec> specs) {
            Instant ready = run.clock().instant();
            for (KeySpec spec : specs) {
                List<X509Certificate> chain = store.load(StoreGroup.STAGING, name, Aspect.certificateChain(spec))
                        .orElse(List.of());
                if (!chain.isEmpty() && chain.getFirst().getNotBefore().toInstant().isAfter(ready)) {
                    ready = chain.getFirst().getNotBefore().toInstant();
                }
            }
            return ready;
        }

        // --- account -------------------------------------------------------------------------

        /**
         * Logs in with the account this run will use, registering one if none fits.
         *
         * @return an account staged for another MD, to be copied into this one's staging
         */
        Optional<AccountJson> selectAccount(Metadata meta) throws DriveException, AcmeException {
            // 1. staged in this MD
            Optional<AccountJson> staged = account(store, StoreGroup.STAGING, name);
            if (staged.isPresent() && StoredAccounts.matches(staged.get(), caUrl, eab)
                    && tryLogin(StoreGroup.STAGING, name, staged.get())) {
                accountId = null;
                return Optional.empty();
            }
            // 2. ca.account of the live md.json
            Optional<String> liveId = Optional.empty();
            try {
                liveId = store.load(StoreGroup.DOMAINS, name, Aspect.MD_JSON).map(MdJson::parse).flatMap(MdJson::caAccount);
            } catch (RuntimeException e) {
                LOG.debug("{}: domains md.json unreadable: {}", name, e.getMessage());
            }
            if (liveId.isPresent()) {
                Optional<AccountJson> a = account(store, StoreGroup.ACCOUNTS, liveId.get());
                if (a.isPresent() && StoredAccounts.matches(a.get(), caUrl, eab) && tryLogin(StoreGroup.ACCOUNTS, liveId.get(), a.get())) {
                    accountId = liveId.get();
                    return Optional.empty();
                }
            }
            // 3. any valid stored account of this CA with the same EAB
            for (String id : store.names(StoreGroup.ACCOUNTS)) {
                Optional<AccountJson> a = safeAccount(StoreGroup.ACCOUNTS, id);
                if (a.isPresent() && StoredAccounts.matches(a.get(), caUrl, eab) && a.get().status().map("valid"::equals).orElse(false)
                        && tryLogin(StoreGroup.ACCOUNTS, id, a.get())) {
                    accountId = id;
                    return Optional.empty();
                }
            }
            // ... then one staged for another MD: copied into this staging, it moves to accounts/ on activation
            for (String other : store.names(StoreGroup.STAGING)) {
                if (other.equals(name)) {
                    continue;
                }
                Optional<AccountJson> a = safeAccount(StoreGroup.STAGING, other);
                if (a.isPresent() && StoredAccounts.matches(a.get(), caUrl, eab) && a.get().status().map("valid"::equals).orElse(false)
                        && tryLogin(StoreGroup.STAGING, other, a.get())) {
                    accountId = null;
                    return a;
                }
            }
            // 4. a new one
            register(meta);
            return Optional.empty();
        }

        /** Copies an account staged for another MD into this staging; it moves to accounts/ on activation. */
        void stageBorrowedAccount(AccountJson account) {
            store.save(StoreGroup.STAGING, name, Aspect.ACCOUNT_KEY, login.getKeyPair().getPrivate());
            store.save(StoreGroup.STAGING, name, Aspect.ACCOUNT_JSON, account.toJson());
        }

        Optional<AccountJson> safeAccount(StoreGroup group, String id) {
            try {
                return account(store, group, id);
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }

        /** Logs in with a stored account and checks it with the CA; marks it non-valid if the CA refuses it. */
        boolean tryLogin(StoreGroup group, String id, AccountJson a) throws AcmeException, DriveException {
            java.net.URL url;
            try {
                url = new URI(a.url()).toURL();
            } catch (MalformedURLException | java.net.URISyntaxException | IllegalArgumentException e) {
                return false;
            }
            Optional<KeyPair> confirmed = recentAccounts.fresh(a.url(), run.clock().instant());
            if (confirmed.isPresent()) {
                login = session.login(url, confirmed.get());
                return true;
            }
            Optional<PrivateKey> key;
            try {
                key = store.load(group, id, Aspect.ACCOUNT_KEY);
            } catch (RuntimeException e) {
                LOG.warn("{}/{}: account key unreadable: {}", group.directory(), id, e.getMessage());
                return false;
            }
            if (key.isEmpty()) {
                return false;
            }
            Login candidate;
            try {
                candidate = session.login(url, Keys.pairOf(key.get()));
            } catch (IllegalArgumentException e) {
                return false;
            }
            Account account = candidate.getAccount();
            Optional<DriveException> refused = validate(candidate);
            if (refused.isPresent()) {
                LOG.info("{}/{}: the CA does not accept account {}: {}", group.directory(), id, a.url(),
                        refused.get().detail());
                store.save(group, id, Aspect.ACCOUNT_JSON, a.withStatus(null).toJson());
                return false;
            }
            if (account.getStatus() != Status.VALID) {
                store.save(group, id, Aspect.ACCOUNT_JSON,
                        a.withStatus(account.getStatus().name().toLowerCase(Locale.ROOT)).toJson());
                return false;
            }
            recentAccounts.confirmed(a.url(), candidate.getKeyPair(), run.clock().instant());
            login = candidate;
            return true;
        }

        /**
         * mod_md's account validation: a POST-as-GET of the account. A CA answering with a plain
         * "invalid" (EINVAL) may want a new agreement to its terms of service: with
         * MDCertificateAgreement set, the agreement is sent and the account fetched once more.
         *
         * @return why the CA refuses the account (unknown, deactivated, unauthorized: mod_md's
         *     ENOENT, EACCES, EINVAL), empty when it accepts it
         * @throws AcmeException for any other failure, which fails the run
         */
        Optional<DriveException> validate(Login candidate) throws AcmeException {
            try {
                candidate.getAccount().fetch();
                return Optional.empty();
            } catch (AcmeServerException e) {
                DriveException d = Problems.fromProblem(e.getProblem(), null, e);
                if (d.status() == StatusCodes.EINVAL && md.settings().find(MdSetting.CA_AGREEMENT).isPresent()) {
                    try {
                        agreeToTermsOfService(candidate);
                        candidate.getAccount().fetch();
                        return Optional.empty();
                    } catch (AcmeServerException again) {
                        e = again;
                        d = Problems.fromProblem(again.getProblem(), null, again);
                    }
                }
                if (d.status() == StatusCodes.EACCES || d.status() == StatusCodes.ENOENT
                        || d.status() == StatusCodes.EINVAL) {
                    return Optional.of(d);
                }
                throw e;
            }
        }

        /** Updates the account with {@code termsOfServiceAgreed: true} (RFC 8555 §7.3.3). */
        void agreeToTermsOfService(Login candidate) throws AcmeException {
            LOG.info("{}: account {} refused; agreeing to the CA's terms of service (MDCertificateAgreement)",
                    name, candidate.getAccountLocation());
            try (Connection connection = session.connect()) {
                connection.sendSignedRequest(candidate.getAccountLocation(),
                        new JSONBuilder().put("termsOfServiceAgreed", true), candidate);
            }
        }

        void register(Metadata meta) throws DriveException, AcmeException {
            checkRegistrationPreconditions(md, meta.getTermsOfService());
            progress("Creating new ACME account for " + name);
            if (meta.isExternalAccountRequired() && eab.isEmpty()) {
                LOG.info("{}: the CA {} requires an external account binding, but none is configured "
                        + "(MDExternalAccountBinding); trying anyway", name, caUrl);
            }
            KeyPair key = KeyPairs.generate(new KeySpec.Rsa(ACCOUNT_KEY_BITS));
            String contact = contact(md).orElseThrow();
            AccountBuilder b = new AccountBuilder().addContact(contact).useKeyPair(key);
            if (meta.getTermsOfService().isPresent()) {
                b.agreeToTermsOfService();
            }
            if (eab.isPresent()) {
                byte[] mac;
                try {
                    mac = Base64.getUrlDecoder().decode(eab.get().hmacKey());
                } catch (IllegalArgumentException e) {
                    throw new DriveException(StatusCodes.EINVAL, "apache:eab-hmac-invalid",
                            "external account binding HMAC value is not valid base64url", null, null, e);
                }
                b.withKeyIdentifier(eab.get().keyId(), new SecretKeySpec(mac, "HmacSHA256")).withMacAlgorithm("HS256");
            }
            login = b.createLogin(session);
            recentAccounts.confirmed(login.getAccountLocation().toString(), key, run.clock().instant());
            Account account = login.getAccount();
            JsonNode registration = toJackson(account.getJSON().toString());
            AccountJson json = AccountJson.of(
                    account.getStatus() == Status.UNKNOWN ? null : account.getStatus().name().toLowerCase(Locale.ROOT),
                    login.getAccountLocation().toString(), caUrl, List.of(contact))
                    .withRegistration(registration)
                    .withOrders(registration.path("orders").isString() ? registration.get("orders").stringValue() : null)
                    .withEab(eab.orElse(null));
            store.save(StoreGroup.STAGING, name, Aspect.ACCOUNT_KEY, key.getPrivate());
            store.save(StoreGroup.STAGING, name, Aspect.ACCOUNT_JSON, json.toJson());
            accountId = null;
        }

        // --- order ---------------------------------------------------------------------------

        void obtain(KeySpec spec, Metadata meta) throws DriveException, AcmeException {
            for (int attempt = 0; ; attempt++) {
                OrderAndJson o = loadOrCreateOrder(spec, meta);
                try {
                    authorize(o);
                } catch (StaleOrderException e) {
                    if (o.resumed && attempt == 0) {
                        LOG.info("{}: order {} is no longer usable ({}), creating a new one", name, o.json.url(), e.getMessage());
                        purgeOrder();
                        continue;
                    }
                    purgeOrder();
                    throw e.failure;
                }
                finish(spec, o);
                return;
            }
        }

        record OrderAndJson(Order order, OrderJson json, boolean resumed) {
        }

        Optional<OrderJson> loadOrder() {
            try {
                return store.load(StoreGroup.STAGING, name, Aspect.ORDER_JSON).map(OrderJson::parse);
            } catch (RuntimeException e) {
                LOG.warn("{}: order.json unreadable, starting a new order: {}", name, e.getMessage());
                return Optional.empty();
            }
        }

        OrderAndJson loadOrCreateOrder(KeySpec spec, Metadata meta) throws DriveException, AcmeException {
            Optional<OrderJson> saved = loadOrder();
            if (saved.isPresent() && saved.get().url() != null) {
                progress("Resuming order for " + name);
                try {
                    Order order = login.bindOrder(new URI(saved.get().url()).toURL());
                    order.fetch();
                    if (order.getStatus() != Status.INVALID) {
                        OrderJson json = saved.get().withStatus(statusName(order.getStatus()));
                        saveOrder(json);
                        return new OrderAndJson(order, json, true);
                    }
                    LOG.info("{}: order {} is invalid, creating a new one", name, saved.get().url());
                } catch (AcmeServerException e) {
                    int st = Problems.fromProblem(e.getProblem(), null, e).status();
                    if (st != StatusCodes.ENOENT && st != StatusCodes.EACCES && st != StatusCodes.EINVAL) {
                        throw e;
                    }
                    LOG.info("{}: order {} is gone ({}), creating a new one", name, saved.get().url(), e.getMessage());
                } catch (MalformedURLException | java.net.URISyntaxException | IllegalArgumentException e) {
                    LOG.info("{}: order.json has a bad URL, creating a new order", name);
                }
                purgeOrder();
            } else if (saved.isPresent()) {
                purgeOrder();
            }
            return createOrder(spec, meta);
        }

        OrderAndJson createOrder(KeySpec spec, Metadata meta) throws DriveException, AcmeException {
            String profile = md.settings().find(MdSetting.PROFILE).orElse(null);
            String caProfile = null;
            if (profile != null) {
                caProfile = meta.getProfiles().stream().filter(p -> p.equalsIgnoreCase(profile)).findFirst().orElse(null);
            }
            String keySpecName = md.settings().isGiven(MdSetting.PRIVATE_KEYS) ? spec.format() : "default";
            String creating = "Creating new order, key-spec=" + keySpecName + ", profile="
                    + (profile == null ? "none" : profile) + ", replacing-cert=";
            Optional<String> replaces = replacedCertId(spec);
            progress(creating + replaces.orElse("none"));
            if (profile != null && caProfile == null && md.get(MdSetting.PROFILE_MANDATORY)) {
                throw new DriveException(StatusCodes.EINVAL, null, "Creating new order, key-spec=" + keySpecName
                        + ", profile=" + profile + ": the CA does not offer the profile '" + profile
                        + "' and MDProfileMandatory is on", null, null, null);
            }
            Order order;
            try {
                order = newOrder(caProfile, replaces);
            } catch (AcmeServerException e) {
                if (replaces.isEmpty() || e instanceof AcmeRateLimitedException) {
                    throw e;
                }
                // RFC 9773: the CA may refuse `replaces` (already replaced, unknown certificate);
                // the new certificate matters more than the hint.
                LOG.info("{}: the CA refused the order replacing {} ({}); ordering without replaces",
                        name, replaces.get(), e.getMessage());
                progress(creating + "none");
                order = newOrder(caProfile, Optional.empty());
            }
            OrderJson json = OrderJson.of(order.getLocation().toString(), statusName(order.getStatus()),
                    order.getAuthorizations().stream().map(a -> a.getLocation().toString()).toList(), List.of(),
                    order.getFinalizeLocation().toString(), null);
            saveOrder(json);
            return new OrderAndJson(order, json, false);
        }

        Order newOrder(String caProfile, Optional<String> replaces) throws AcmeException {
            OrderBuilder ob = login.newOrder().domains(Identifiers.of(md.domains()));
            if (caProfile != null) {
                ob.profile(caProfile);
            }
            replaces.ifPresent(ob::replaces);
            return ob.create();
        }

        /**
         * The ARI cert-id of the live certificate of {@code spec}, to send as {@code replaces}: as
         * mod_md (2.6.8), only with MDRenewViaARI on, a CA offering renewal information and an
         * existing account ({@code ca.account} set, not one registered in this renewal).
         */
        Optional<String> replacedCertId(KeySpec spec) throws AcmeException {
            if (accountId == null || !md.get(MdSetting.RENEW_VIA_ARI)
                    || RenewalInfoRequests.endpoint(session).isEmpty()) {
                return Optional.empty();
            }
            Optional<X509Certificate> live;
            try {
                live = store.load(StoreGroup.DOMAINS, name, Aspect.certificateChain(spec))
                        .filter(chain -> !chain.isEmpty()).map(List::getFirst);
            } catch (RuntimeException e) {
                LOG.debug("{}: live certificate unreadable: {}", name, e.getMessage());
                return Optional.empty();
            }
            try {
                return live.map(RenewalInfoRequests::certId);
            } catch (AcmeProtocolException e) {
                LOG.debug("{}: the live certificate has no ARI cert-id: {}", name, e.getMessage());
                return Optional.empty();
            }
        }

        void saveOrder(OrderJson json) {
            store.save(StoreGroup.STAGING, name, Aspect.ORDER_JSON, json.toJson());
        }

        /** Tears down the challenges of order.json and removes it. */
        void purgeOrder() {
            loadOrder().ifPresent(this::teardown);
            store.remove(StoreGroup.STAGING, name, Aspect.ORDER_JSON);
        }

        void teardown(OrderJson order) {
            for (String setup : order.challengeSetups()) {
                int colon = setup.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                ChallengeResponder r = responders.get(setup.substring(0, colon));
                if (r != null) {
                    r.teardown(setup.substring(colon + 1));
                }
            }
        }

        // --- authorizations ------------------------------------------------------------------

        void authorize(OrderAndJson o) throws DriveException, AcmeException, StaleOrderException {
            List<Authorization> auths = o.order.getAuthorizations();
            OrderJson json = o.json;
            progress("Starting challenges for domains");
            List<Authorization> pending = new ArrayList<>();
            for (Authorization auth : auths) {
                Status st = auth.getStatus();
                String dns = auth.getIdentifier().getDomain();
                switch (st) {
                    case VALID -> {
                    }
                    case PENDING -> {
                        json = respond(auth, dns, json);
                        pending.add(auth);
                    }
                    case INVALID -> throw new StaleOrderException(invalidAuthorization(auth, dns));
                    default -> throw new StaleOrderException(new DriveException(StatusCodes.EINVAL, null,
                            "domain authorization for " + dns + " has status " + statusName(st), null, null, null));
                }
            }
            String monitoring = "Monitoring challenge status for " + name;
            progress(monitoring);
            for (Authorization auth : pending) {
                String dns = auth.getIdentifier().getDomain();
                Status st = poll(auth, auth::getStatus, Set.of(Status.VALID, Status.INVALID), monitoring);
                if (st == Status.INVALID) {
                    DriveException d = invalidAuthorization(auth, dns);
                    purgeOrder();
                    throw d;
                }
                progress(monitoring + ": domain authorization for " + dns + " is valid");
            }
        }

        DriveException invalidAuthorization(Authorization auth, String dns) {
            String detail = "domain authorization for " + dns + " failed, CA considers answer to challenge invalid.";
            for (Challenge c : auth.getChallenges()) {
                Optional<Problem> p = c.getError();
                if (p.isPresent()) {
                    DriveException d = Problems.fromProblem(p.get(), null, null);
                    return new DriveException(StatusCodes.EINVAL, d.problem().orElse(null),
                            detail + " " + d.detail(), d.subproblems().orElse(null), null, null);
                }
            }
            return new DriveException(StatusCodes.EINVAL, null, detail, null, null, null);
        }

        OrderJson respond(Authorization auth, String dns, OrderJson json) throws DriveException, AcmeException {
            List<String> offered = auth.getChallenges().stream().map(Challenge::getType).toList();
            boolean overlap = false;
            String lastFailure = null;
            for (String type : run.challengeTypes()) {
                ChallengeResponder responder = responders.get(type);
                if (responder == null || !offered.contains(type)) {
                    continue;
                }
                overlap = true;
                Challenge c = auth.findChallenge(type).orElseThrow();
                if (!(c instanceof TokenChallenge tc)) {
                    continue;
                }
                progress("Setting up challenge '" + type + "' for domain " + dns);
                String keyAuth = tc.getAuthorization();
                String token = keyAuth.substring(0, keyAuth.indexOf('.'));
                String setup;
                try {
                    setup = responder.setup(new ChallengeResponder.Answer(dns, token, keyAuth));
                } catch (ChallengeResponder.ChallengeSetupException e) {
                    LOG.info("{}: challenge {} for {} could not be set up: {}", name, type, dns, e.getMessage());
                    lastFailure = e.getMessage();
                    continue;
                }
                if (!run.events().raise("challenge-setup:" + type + ":" + dns, name)) {
                    LOG.info("{}: challenge-setup:{}:{} was vetoed", name, type, dns);
                    responder.teardown(setup);
                    lastFailure = "challenge-setup:" + type + ":" + dns + " was vetoed";
                    continue;
                }
                json = json.withChallengeSetup(type + ":" + setup);
                saveOrder(json);
                if (c.getStatus() == Status.PENDING) {
                    c.trigger();
                }
                return json;
            }
            if (!overlap) {
                throw new DriveException(StatusCodes.EINVAL, "challenge-mismatch", "None of offered challenge types for domain "
                        + dns + " are supported. The server offered '" + String.join(" ", offered)
                        + "' and available are: '" + String.join(" ", run.challengeTypes()) + "'.", null, null, null);
            }
            throw new DriveException(StatusCodes.EGENERAL, "challenge-setup-failure", "None of the offered challenge types "
                    + "for domain " + dns + " could be setup successfully. Please check the log for errors."
                    + (lastFailure == null ? "" : " (" + lastFailure + ")"), null, null, null);
        }

        // --- finalize and download -----------------------------------------------------------

        void finish(KeySpec spec, OrderAndJson o) throws DriveException, AcmeException {
            Order order = o.order;
            progress("Waiting for order to become ready");
            Status st = poll(order, order::getStatus, Set.of(Status.READY, Status.PROCESSING, Status.VALID, Status.INVALID),
                    activity);
            failIfInvalid(order, st);
            KeyPair key = certificateKey(spec);
            if (st == Status.READY) {
                progress("Finalizing order for " + name);
                progress("Creating " + spec.storeName() + " CSR");
                byte[] csr = Csrs.create(Identifiers.of(md.domains()), key, md.get(MdSetting.MUST_STAPLE));
                progress("Submitting " + spec.storeName() + " CSR to CA");
                order.execute(csr);
            }
            progress("Waiting for finalized order to become valid");
            st = poll(order, order::getStatus, Set.of(Status.VALID, Status.INVALID), activity);
            failIfInvalid(order, st);
            saveOrder(loadOrder().orElse(o.json).withStatus("valid"));
            progress("Retrieving " + spec.storeName() + " certificate chain for " + name);
            var certificate = order.getCertificate();
            certificate.download();
            List<X509Certificate> chain = certificate.getCertificateChain();
            if (chain.isEmpty()) {
                throw new DriveException(StatusCodes.EINVAL, "the CA sent no certificate for " + name);
            }
            if (!KeyPairs.matches(key.getPrivate(), chain.getFirst())) {
                purgeOrder();
                throw new DriveException(StatusCodes.EINVAL, "certificate and private key for " + name
                        + " (" + spec.storeName() + ") do not match");
            }
            store.save(StoreGroup.STAGING, name, Aspect.certificateChain(spec), chain);
            purgeOrder();
        }

        void failIfInvalid(Order order, Status st) throws DriveException {
            if (st == Status.INVALID) {
                DriveException d = order.getError().map(p -> Problems.fromProblem(p, null, null))
                        .orElse(new DriveException(StatusCodes.EINVAL, "the order for " + name + " became invalid"));
                purgeOrder();
                throw d;
            }
        }

        /** The staged key of this spec, or a new one saved (encrypted) to staging before it is used. */
        KeyPair certificateKey(KeySpec spec) {
            Optional<PrivateKey> existing = store.load(StoreGroup.STAGING, name, Aspect.privateKey(spec));
            if (existing.isPresent()) {
                return Keys.pairOf(existing.get());
            }
            KeyPair key = KeyPairs.generate(spec);
            store.save(StoreGroup.STAGING, name, Aspect.privateKey(spec), key.getPrivate());
            return key;
        }

        /**
         * Fetches {@code resource} until its status is one of {@code done}: first after 100 ms,
         * doubling to at most 10 s, or later when the CA sent Retry-After; TIMEUP after the poll timeout.
         */
        Status poll(AcmeJsonResource resource, Supplier<Status> status, Set<Status> done, String what)
                throws DriveException, AcmeException {
            long deadline = System.nanoTime() + pollTimeout.toNanos();
            Duration delay = FIRST_POLL_DELAY;
            while (true) {
                Status st = status.get();
                if (done.contains(st)) {
                    return st;
                }
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    throw new DriveException(StatusCodes.TIMEUP, null, what + ": timeout after "
                            + pollTimeout.toSeconds() + " s, status is '" + statusName(st) + "'", null, null, null);
                }
                Duration wait = delay;
                Optional<Instant> retryAfter = resource.getRetryAfter();
                if (retryAfter.isPresent()) {
                    Duration ra = Duration.between(Instant.now(), retryAfter.get());
                    if (ra.compareTo(wait) > 0) {
                        wait = ra;
                    }
                }
                sleep(Math.min(wait.toNanos(), remaining));
                delay = delay.multipliedBy(2);
                if (delay.compareTo(MAX_POLL_DELAY) > 0) {
                    delay = MAX_POLL_DELAY;
                }
                resource.fetch();
            }
        }
    }

    // --- helpers ---------------------------------------------------------------------------------

    /** An old order turned out unusable: the caller may retry once with a new one. */
    private static final class StaleOrderException extends Exception {
        private static final long serialVersionUID = 1L;
        final transient DriveException failure;

        StaleOrderException(DriveException failure) {
            super(failure.getMessage());
            this.failure = failure;
        }
    }

    private static void sleep(long nanos) throws DriveException {
        try {
            Thread.sleep(Duration.ofNanos(Math.max(0, nanos)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DriveException(StatusCodes.EGENERAL, null, "interrupted", null, null, e);
        }
    }

    static String effectiveCa(DriveRun run) throws DriveException {
        List<URI> urls = run.md().get(MdSetting.CA_URLS);
        if (urls.isEmpty()) {
            throw new DriveException(StatusCodes.INCOMPLETE, "no CA URL is configured for " + run.md().name());
        }
        return urls.get(Math.floorMod(run.caIndex(), urls.size())).toString();
    }

    static String statusName(Status status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    static Optional<AccountJson> account(Store store, StoreGroup group, String id) {
        return store.load(group, id, Aspect.ACCOUNT_JSON).map(AccountJson::parse);
    }

    /** mod_md's rule: same CA; an MD without EAB takes only accounts without; with EAB, identical kid and hmac. */

    static Optional<String> contact(ManagedDomain md) {
        return md.settings().find(MdSetting.CONTACT).filter(c -> !c.isBlank())
                .map(c -> c.contains(":") ? c : "mailto:" + c);
    }

    static void checkRegistrationPreconditions(ManagedDomain md, Optional<URI> termsOfService) throws DriveException {
        if (contact(md).isEmpty()) {
            throw new DriveException(StatusCodes.EINVAL, "No contact information is available for MD " + md.name()
                    + ". Configure one using the MDContactEmail or ServerAdmin directive.");
        }
        if (md.settings().find(MdSetting.CA_AGREEMENT).isEmpty()) {
            throw new DriveException(StatusCodes.EINVAL, "the CA requires you to accept the terms-of-service as specified in <"
                    + termsOfService.map(URI::toString).orElse("(unknown)") + ">. Please read the document that you find "
                    + "at that URL and, if you agree to the conditions, configure \"MDCertificateAgreement accepted\" "
                    + "in your Apache. Then (graceful) restart the server to activate.");
        }
    }

    private static JsonNode toJackson(String json) {
        try {
            return JSON.readTree(json);
        } catch (RuntimeException e) {
            ObjectNode empty = JSON.createObjectNode();
            return empty;
        }
    }
}
