package dev.mdj.status;

import dev.mdj.ocsp.OcspResponse;
import dev.mdj.ocsp.OcspStatus;
import dev.mdj.ocsp.OcspStore;
import dev.mdj.store.json.StoreTime.Period;
import dev.mdj.store.pem.Certificates;
import dev.mdj.config.Configuration;
import dev.mdj.md.DomainNames;
import dev.mdj.md.KeySpec;
import dev.mdj.md.ManagedDomain;
import dev.mdj.md.MdSetting;
import dev.mdj.renew.AriWindow;
import dev.mdj.renew.MdAssessment;
import dev.mdj.renew.Registry;
import dev.mdj.renew.RenewDecision;
import dev.mdj.renew.RenewPolicy;
import dev.mdj.renew.RenewalTiming;
import dev.mdj.renew.Watchdog;
import dev.mdj.status.LeafCache.Leaf;
import dev.mdj.store.Aspect;
import dev.mdj.store.Store;
import dev.mdj.store.StoreException;
import dev.mdj.store.StoreGroup;
import dev.mdj.store.json.JobJson;
import dev.mdj.store.json.MdJson;
import dev.mdj.store.json.MdState;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the status of the configured managed domains from the store, with the engine's own
 * rules for state ({@link Registry#assess}), renew-at ({@link RenewalTiming}) and the renewal
 * decision ({@link RenewPolicy}). Reads only; safe for concurrent use. Parsed leaf certificates
 * are kept per file version ({@link LeafCache}), so keep one reader per configuration.
 */
public final class StatusReader {

    private static final Logger LOG = LoggerFactory.getLogger(StatusReader.class);

    /** When the running watchdog looks at an MD next; see {@link Watchdog#nextCheck}. */
    @FunctionalInterface
    public interface NextChecks {
        /** For a reader without a running engine (a CLI, a test). */
        NextChecks NONE = md -> Optional.empty();

        Optional<Instant> nextCheck(String md);
    }

    /** The CA's renewal information (ARI) as the running watchdog last fetched it. */
    public interface RenewalWindows {
        /** For a reader without a running engine. */
        RenewalWindows NONE = of(md -> Map.of(), md -> Optional.empty());

        /** The windows by live certificate of {@code md}; see {@link Watchdog#renewalInfo}. */
        Map<X509Certificate, AriWindow> renewalInfo(String md);

        /** When the watchdog renews {@code md} by them, if it does; see {@link Watchdog#ariRenewAt}. */
        Optional<Instant> renewAt(String md);

        static RenewalWindows of(Function<String, Map<X509Certificate, AriWindow>> windows,
                Function<String, Optional<Instant>> renewAt) {
            return new RenewalWindows() {
                @Override
                public Map<X509Certificate, AriWindow> renewalInfo(String md) {
                    return windows.apply(md);
                }

                @Override
                public Optional<Instant> renewAt(String md) {
                    return renewAt.apply(md);
                }
            };
        }
    }

    private final Configuration config;
    private final Store store;
    private final Clock clock;
    private final NextChecks nextChecks;
    private final RenewalWindows renewalWindows;
    private final Registry registry;
    private final LeafCache leaves;

    /** A reader that knows what the running engine knows. */
    public StatusReader(Configuration config, Store store, Clock clock, NextChecks nextChecks,
            RenewalWindows renewalWindows) {
        this.config = Objects.requireNonNull(config, "config");
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.nextChecks = Objects.requireNonNull(nextChecks, "nextChecks");
        this.renewalWindows = Objects.requireNonNull(renewalWindows, "renewalWindows");
        this.registry = new Registry(store, config);
        this.leaves = new LeafCache(store);
    }

    /** A reader without ARI windows (no engine runs, or none is asked). */
    public StatusReader(Configuration config, Store store, Clock clock, NextChecks nextChecks) {
        this(config, store, clock, nextChecks, RenewalWindows.NONE);
    }

    /** Every configured managed domain, sorted by name as mod_md lists them. */
    public List<MdStatus> all() {
        return config.managedDomains().stream().sorted(Comparator.comparing(ManagedDomain::name))
                .map(this::read).toList();
    }

    /**
     * The managed domain named {@code name}, else the one that has {@code name} among its
     * domains (md-status's {@code /md-status/<name>}).
     */
    public Optional<MdStatus> find(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return config.managedDomain(lower)
                .or(() -> config.managedDomains().stream().filter(md -> md.domains().contains(lower)).findFirst())
                .map(this::read);
    }

    /** The status of the managed domain a request for {@code host} belongs to. */
    public Optional<MdStatus> forHost(String host) {
        return managedDomainFor(host).map(this::read);
    }

    /** The managed domain a request for {@code host} belongs to (wildcards match one label). */
    public Optional<ManagedDomain> managedDomainFor(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        return config.managedDomains().stream()
                .filter(md -> md.domains().stream().anyMatch(d -> DomainNames.matches(d, lower)))
                .findFirst();
    }

    /** The status of {@code md} now. */
    public MdStatus read(ManagedDomain md) {
        Instant now = clock.instant();
        List<KeySpec> specs = md.get(MdSetting.PRIVATE_KEYS).specs();
        Map<KeySpec, Optional<Leaf>> live = new HashMap<>();
        MdAssessment assessment = Registry.assess(md, spec -> live.computeIfAbsent(spec,
                s -> leaves.leaf(StoreGroup.DOMAINS, md.name(), s)).map(Leaf::certificate));
        Map<String, Leaf> certificates = new LinkedHashMap<>();
        if (md.hasStaticCertificates()) {
            // mod_md names the certificates of MDCertificateFile by their position
            for (int i = 0; i < assessment.certificates().size(); i++) {
                certificates.put(Integer.toString(i), Leaf.of(assessment.certificates().get(i)));
            }
        } else {
            specs.forEach(spec -> live.getOrDefault(spec, Optional.empty())
                    .ifPresent(leaf -> certificates.put(spec.storeName(), leaf)));
        }
        Optional<Instant> renewAt = assessment.state() == MdState.INCOMPLETE ? Optional.of(now)
                : RenewalTiming.of(md, assessment.certificates()).renewAt();
        Optional<JobJson> job = stagedJob(md);
        Map<String, Leaf> staged = new LinkedHashMap<>();
        if (job.isPresent()) {
            for (KeySpec spec : specs) {
                stagedLeaf(md, spec).ifPresent(leaf -> staged.put(spec.storeName(), leaf));
            }
        }
        boolean used = registry.isUsed(md);
        Map<String, OcspState> ocsp = ocsp(md, certificates);
        boolean revoked = ocsp.values().stream().anyMatch(state -> state.status() == OcspStatus.REVOKED);
        // the watchdog's decision: what OCSP and the CA's renewal information said when it last looked
        RenewDecision decision = RenewPolicy.decide(md, used, assessment, revoked,
                renewalWindows.renewAt(md.name()), now);
        Optional<Instant> activatesAt = job.filter(JobJson::finished).flatMap(JobJson::validFrom)
                .map(readyAt -> Watchdog.activationTime(readyAt, config.server().global()));
        boolean renew = renewAt.filter(at -> !at.isAfter(now)).isPresent() || job.isPresent();
        return new MdStatus(mdJson(md).withState(assessment.state(), assessment.description().orElse(null)),
                specs.stream().map(KeySpec::storeName).toList(), CertificateSet.of(certificates), renewAt,
                used, renew, job, CertificateSet.of(staged), ocsp,
                new EngineFacts(decision, nextChecks.nextCheck(md.name()), activatesAt,
                        ariWindows(md, certificates)));
    }

    /**
     * When the last renewal of {@code status}'s domain succeeded: the end of a finished staged
     * run, else of the run whose certificates are live (their job.json moved along at
     * activation); empty when mdj never renewed it (or the log no longer says).
     */
    public Optional<Instant> lastSuccessfulRenewal(MdStatus status) {
        return status.renewal().filter(JobJson::finished).flatMap(JobJson::finishedAt)
                .or(() -> liveJob(status.name()).flatMap(JobJson::finishedAt));
    }

    /**
     * The OCSP stapling of the live {@code certificates} from {@code ocsp/<md>/}, by the same key
     * names; none when the domain has MDStapling off (mod_md shows {@code ocsp} only then).
     */
    private Map<String, OcspState> ocsp(ManagedDomain md, Map<String, Leaf> certificates) {
        if (!md.get(MdSetting.STAPLING) || certificates.isEmpty()) {
            return Map.of();
        }
        OcspStore responses = new OcspStore(store);
        Optional<JobJson> job = responses.existingJob(md.name());
        Map<String, OcspState> byKey = new LinkedHashMap<>();
        certificates.forEach((key, leaf) -> {
            X509Certificate cert = leaf.certificate();
            String id = Certificates.sha1Fingerprint(cert);
            Optional<OcspResponse> response = responses.load(md.name(), id);
            byKey.put(key, new OcspState(id, response.map(OcspResponse::status).orElse(OcspStatus.UNKNOWN),
                    response.map(r -> new Period(r.thisUpdate(), r.nextUpdate())),
                    Certificates.ocspResponders(cert).stream().findFirst(), job));
        });
        return byKey;
    }

    /** The watchdog's ARI windows of the live {@code certificates}, by the same key names. */
    private Map<String, AriWindow> ariWindows(ManagedDomain md, Map<String, Leaf> certificates) {
        Map<X509Certificate, AriWindow> windows = renewalWindows.renewalInfo(md.name());
        Map<String, AriWindow> byKey = new LinkedHashMap<>();
        if (!windows.isEmpty()) {
            certificates.forEach((key, leaf) -> Optional.ofNullable(windows.get(leaf.certificate()))
                    .ifPresent(window -> byKey.put(key, window)));
        }
        return byKey;
    }

    /**
     * The live md.json (it has the account and the CA in use), or what the configuration says
     * when there is none yet or it cannot be read.
     */
    private MdJson mdJson(ManagedDomain md) {
        try {
            Optional<MdJson> stored = store.load(StoreGroup.DOMAINS, md.name(), Aspect.MD_JSON).map(MdJson::parse);
            if (stored.isPresent()) {
                return stored.get();
            }
        } catch (StoreException | IllegalArgumentException e) {
            LOG.warn("{}: md.json unreadable, showing the configuration: {}", md.name(), e.getMessage());
        }
        return MdJson.of(md, config.server().mdDefaults(), registry.reachability(md).acmeTlsNames());
    }

    private Optional<JobJson> stagedJob(ManagedDomain md) {
        try {
            return store.load(StoreGroup.STAGING, md.name(), Aspect.JOB_JSON).map(JobJson::parse);
        } catch (StoreException | IllegalArgumentException e) {
            LOG.warn("{}: staged job.json unreadable: {}", md.name(), e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<JobJson> liveJob(String md) {
        try {
            return store.load(StoreGroup.DOMAINS, md, Aspect.JOB_JSON).map(JobJson::parse);
        } catch (StoreException | IllegalArgumentException e) {
            LOG.warn("{}: job.json unreadable: {}", md, e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<Leaf> stagedLeaf(ManagedDomain md, KeySpec spec) {
        try {
            return leaves.leaf(StoreGroup.STAGING, md.name(), spec);
        } catch (StoreException e) {
            LOG.warn("{}: staged certificate unreadable: {}", md.name(), e.getMessage());
            return Optional.empty();
        }
    }
}
