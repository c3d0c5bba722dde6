package dev.mdj.status;

import dev.mdj.md.KeySpec;
import dev.mdj.store.Aspect;
import dev.mdj.store.Store;
import dev.mdj.store.StoreGroup;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The leaf certificates of the store's certificate files, parsed and described once per version
 * of the file ({@link Store#version}): a status page of 10,000 managed domains then costs a file
 * status per certificate instead of reading, parsing and hashing every chain. A file written between the version
 * and the load is cached under its old version and so read again next time.
 */
final class LeafCache {

    /** A leaf certificate and what status documents show of it, worked out once. */
    record Leaf(X509Certificate certificate, CertificateInfo info) {

        static Leaf of(X509Certificate certificate) {
            return new Leaf(certificate, CertificateInfo.of(certificate));
        }
    }

    private record Entry(Object version, Optional<Leaf> leaf) {
    }

    private final Store store;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    LeafCache(Store store) {
        this.store = store;
    }

    /**
     * The first certificate of the chain of {@code spec} in {@code group/name}.
     *
     * @throws dev.mdj.store.StoreException if the file cannot be read
     */
    Optional<Leaf> leaf(StoreGroup group, String name, KeySpec spec) {
        Aspect<List<X509Certificate>> aspect = Aspect.certificateChain(spec);
        Optional<Object> version = store.version(group, name, aspect);
        if (version.isEmpty()) {
            return load(group, name, aspect);
        }
        String key = group + "/" + name + "/" + spec.storeName();
        Entry cached = entries.get(key);
        if (cached != null && cached.version().equals(version.get())) {
            return cached.leaf();
        }
        Optional<Leaf> leaf = load(group, name, aspect);
        entries.put(key, new Entry(version.get(), leaf));
        return leaf;
    }

    private Optional<Leaf> load(StoreGroup group, String name, Aspect<List<X509Certificate>> aspect) {
        return store.load(group, name, aspect).filter(chain -> !chain.isEmpty()).map(chain -> Leaf.of(chain.get(0)));
    }
}
