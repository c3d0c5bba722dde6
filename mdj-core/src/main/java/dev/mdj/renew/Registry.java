package dev.mdj.renew;

import dev.mdj.config.Configuration;
import dev.mdj.md.KeySpec;
import dev.mdj.md.KeySpecs;
import dev.mdj.md.ManagedDomain;
import dev.mdj.md.MdSetting;
import dev.mdj.store.Aspect;
import dev.mdj.store.Store;
import dev.mdj.store.StoreException;
import dev.mdj.store.StoreGroup;
import dev.mdj.store.json.MdJson;
import dev.mdj.store.json.MdState;
import dev.mdj.store.pem.CertificatePem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Which managed domains exist and what state they are in (mod_md's {@code md_reg}): it brings
 * the store in line with the configuration at start (an MD renamed in the configuration takes
 * its store entries along, md.json is rewritten when the configuration changed it, a staged
 * renewal for other names or keys is dropped) and assesses each MD from the certificates it has.
 */
public final class Registry {

    private final Store store;
    private final Configuration config;

    public Registry(Store store, Configuration config) {
        this.store = Objects.requireNonNull(store, "store");
        this.config = Objects.requireNonNull(config, "config");
    }

    public Configuration configuration() {
        return config;
    }

    /** Brings the store in line with the configuration; call once at start, under the store lock. */
    public void sync() {
        for (ManagedDomain md : config.managedDomains()) {
            if (store.load(StoreGroup.DOMAINS, md.name(), Aspect.MD_JSON).isEmpty()) {
                renamedFrom(md).ifPresent(old -> rename(old, md.name()));
            }
            dropStaleStaging(md);
            writeMdJson(md);
        }
    }

    /** Whether a server uses the MD (mod_md does not drive unused MDs in auto mode). */
    public boolean isUsed(ManagedDomain md) {
        return !config.serversOf(md).isEmpty();
    }

    public DriveRun.Reachability reachability(ManagedDomain md) {
        return Reachabilities.of(config, md);
    }

    /**
     * The MD's state from its live certificates (or its MDCertificateFiles). A store file that
     * cannot be read makes the state ERROR, as mod_md's "error initializing".
     */
    public MdAssessment assess(ManagedDomain md) {
        return assess(md, spec -> liveLeaf(md, spec));
    }

    /**
     * Like {@link #assess(ManagedDomain)} with the live leaf certificates from {@code live}, for
     * callers that have read them already (status pages); {@code live} may throw
     * {@link StoreException}.
     */
    public static MdAssessment assess(ManagedDomain md, Function<KeySpec, Optional<X509Certificate>> live) {
        try {
            return MdStateEvaluator.evaluate(md, live, Registry::fileLeaf);
        } catch (StoreException | IllegalArgumentException e) {
            return new MdAssessment(MdState.ERROR, Optional.of("error initializing"), List.of());
        }
    }

    private Optional<X509Certificate> liveLeaf(ManagedDomain md, KeySpec spec) {
        return store.load(StoreGroup.DOMAINS, md.name(), Aspect.certificateChain(spec))
                .filter(chain -> !chain.isEmpty()).map(chain -> chain.get(0));
    }

    private static Optional<X509Certificate> fileLeaf(Path file) {
        try {
            return CertificatePem.decodeChain(Files.readString(file)).stream().findFirst();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * mod_md's rename rule: an MD in the store that the configuration no longer names and that
     * holds all names of the new MD, else the one sharing most names with it.
     */
    private Optional<String> renamedFrom(ManagedDomain md) {
        Set<String> configured = new HashSet<>();
        config.managedDomains().forEach(m -> configured.add(m.name()));
        String best = null;
        int bestCommon = 0;
        for (String candidate : store.names(StoreGroup.DOMAINS)) {
            if (configured.contains(candidate)) {
                continue;
            }
            List<String> names = store.load(StoreGroup.DOMAINS, candidate, Aspect.MD_JSON)
                    .map(MdJson::parse).map(MdJson::domains).orElse(List.of());
            if (names.containsAll(md.domains())) {
                return Optional.of(candidate);
            }
            int common = (int) names.stream().filter(md.domains()::contains).count();
            if (common > bestCommon) {
                best = candidate;
                bestCommon = common;
            }
        }
        return Optional.ofNullable(best);
    }

    private void rename(String from, String to) {
        store.rename(StoreGroup.DOMAINS, from, to);
        if (!store.names(StoreGroup.STAGING).contains(to) && store.names(StoreGroup.STAGING).contains(from)) {
            store.rename(StoreGroup.STAGING, from, to);
        }
    }

    /** A staged renewal for other names or key types than configured can never be used. */
    private void dropStaleStaging(ManagedDomain md) {
        Optional<MdJson> staged = store.load(StoreGroup.STAGING, md.name(), Aspect.MD_JSON).map(MdJson::parse);
        if (staged.isEmpty()) {
            return;
        }
        KeySpecs specs = staged.get().keySpecs().orElse(KeySpecs.DEFAULT);
        if (!new HashSet<>(staged.get().domains()).equals(new HashSet<>(md.domains()))
                || !specs.specs().equals(md.get(MdSetting.PRIVATE_KEYS).specs())) {
            store.purge(StoreGroup.STAGING, md.name());
        }
    }

    /**
     * md.json as the configuration says, with the state from the certificates and what the
     * store knows beyond the configuration (the account, the CA that issued); written only
     * when something differs.
     */
    private void writeMdJson(ManagedDomain md) {
        Optional<MdJson> stored = store.load(StoreGroup.DOMAINS, md.name(), Aspect.MD_JSON).map(MdJson::parse);
        MdAssessment assessment = assess(md);
        MdJson desired = MdJson.of(md, config.server().mdDefaults(), reachability(md).acmeTlsNames())
                .withState(assessment.state(), assessment.description().orElse(null));
        if (stored.isPresent()) {
            desired = desired.keepingUnknownKeysOf(stored.get());
            Optional<String> url = stored.get().caUrl();
            if (url.isPresent() && md.get(MdSetting.CA_URLS).stream().anyMatch(u -> u.toString().equals(url.get()))) {
                desired = desired.withCaUrl(url.get());
                Optional<String> account = stored.get().caAccount();
                if (account.isPresent()) {
                    desired = desired.withCaAccount(account.get());
                }
            }
        }
        if (stored.isEmpty() || !stored.get().toJson().equals(desired.toJson())) {
            store.save(StoreGroup.DOMAINS, md.name(), Aspect.MD_JSON, desired.toJson());
        }
    }
}
