package dev.mdj.status;

import dev.mdj.store.json.StoreTime.Period;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The certificates of a managed domain (live or staged) by key name, as md-status's
 * {@code cert} object: {@code rsa}, {@code secp256r1} for certificates mdj obtains, {@code 0},
 * {@code 1} … for MDCertificateFile.
 *
 * @param byKey the certificates in key spec (or file) order
 */
public record CertificateSet(Map<String, CertificateInfo> byKey) {

    public static final CertificateSet EMPTY = new CertificateSet(Map.of());

    public CertificateSet {
        byKey = Collections.unmodifiableMap(new LinkedHashMap<>(byKey));
    }

    /** The facts of {@code leaves}, keeping their order. */
    static CertificateSet of(Map<String, LeafCache.Leaf> leaves) {
        Map<String, CertificateInfo> infos = new LinkedHashMap<>();
        leaves.forEach((key, leaf) -> infos.put(key, leaf.info()));
        return new CertificateSet(infos);
    }

    public boolean isEmpty() {
        return byKey.isEmpty();
    }

    /** When all of them are valid: the latest notBefore to the earliest notAfter; empty without certificates. */
    public Optional<Period> valid() {
        return byKey.values().stream().map(CertificateInfo::valid).reduce((a, b) -> new Period(
                a.from().isAfter(b.from()) ? a.from() : b.from(),
                a.until().isBefore(b.until()) ? a.until() : b.until()));
    }

    /** {@code {"<key>": {...}, ..., "valid": {from, until}}}, or {@code {}} without certificates. */
    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        byKey.forEach((key, info) -> node.set(key, info.toJson()));
        valid().ifPresent(period -> node.set("valid", period.toJson()));
        return node;
    }
}
