package dev.mdj.store;

import dev.mdj.md.KeySpec;
import dev.mdj.md.KeySpecs;
import dev.mdj.store.json.JobJson;
import dev.mdj.store.json.MdJson;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What the store holds for one managed domain: its live md.json and certificates (one per key
 * spec, keyed by the spec's name as md-status shows it: {@code rsa}, {@code secp256r1}) and
 * whether a renewal is staged.
 *
 * @param name the managed domain
 * @param md the live {@code domains/<md>/md.json}, if any
 * @param certificates the live leaf certificates by key name, in key spec order
 * @param staged the staged {@code staging/<md>/md.json}, if a renewal is under way or done
 * @param stagedJob the staged {@code job.json}
 * @param stagedCertificates the staged leaf certificates by key name
 */
public record StoredDomain(String name, Optional<MdJson> md, Map<String, X509Certificate> certificates,
        Optional<MdJson> staged, Optional<JobJson> stagedJob,
        Map<String, X509Certificate> stagedCertificates) {

    public StoredDomain {
        certificates = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(certificates));
        stagedCertificates = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(stagedCertificates));
    }

    /** Every managed domain in {@code domains/} or {@code staging/}, sorted by name. */
    public static List<StoredDomain> list(Store store) {
        TreeSet<String> names = new TreeSet<>(store.names(StoreGroup.DOMAINS));
        names.addAll(store.names(StoreGroup.STAGING));
        List<StoredDomain> all = new ArrayList<>();
        for (String name : names) {
            all.add(load(store, name));
        }
        return all;
    }

    /**
     * Loads one managed domain.
     *
     * @throws StoreException if one of its files cannot be read
     */
    public static StoredDomain load(Store store, String name) {
        Optional<MdJson> md = store.load(StoreGroup.DOMAINS, name, Aspect.MD_JSON).map(MdJson::parse);
        Optional<MdJson> staged = store.load(StoreGroup.STAGING, name, Aspect.MD_JSON).map(MdJson::parse);
        return new StoredDomain(name, md, leafs(store, StoreGroup.DOMAINS, name, md), staged,
                store.load(StoreGroup.STAGING, name, Aspect.JOB_JSON).map(JobJson::parse),
                leafs(store, StoreGroup.STAGING, name, staged));
    }

    private static Map<String, X509Certificate> leafs(Store store, StoreGroup group, String name,
            Optional<MdJson> md) {
        Map<String, X509Certificate> leafs = new LinkedHashMap<>();
        KeySpecs specs = md.flatMap(MdJson::keySpecs).orElse(KeySpecs.DEFAULT);
        for (KeySpec spec : specs.specs()) {
            store.load(group, name, Aspect.certificateChain(spec))
                    .filter(chain -> !chain.isEmpty())
                    .ifPresent(chain -> leafs.put(spec.storeName(), chain.get(0)));
        }
        return leafs;
    }

    /** The domain names, from the live md.json or else the staged one. */
    public List<String> domains() {
        return md.or(() -> staged).map(MdJson::domains).orElse(List.of());
    }
}
