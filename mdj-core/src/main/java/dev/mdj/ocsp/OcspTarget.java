package dev.mdj.ocsp;

import dev.mdj.store.pem.Certificates;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A certificate that can be stapled: it has its issuer beside it and names an OCSP responder.
 *
 * @param md the managed domain it belongs to, or {@link #OTHERS} for certificates of virtual
 *     hosts outside managed domains (the store entry {@code ocsp/<md>/})
 * @param leaf the certificate
 * @param issuer the certificate that signed it
 * @param responder the first OCSP responder URL of its authority information access
 * @param id mod_md's id: the lower-case hex SHA-1 of the certificate
 */
public record OcspTarget(String md, X509Certificate leaf, X509Certificate issuer, URI responder, String id) {

    /** mod_md's store entry for the certificates that belong to no managed domain. */
    public static final String OTHERS = "other";

    private static final Logger LOG = LoggerFactory.getLogger(OcspTarget.class);

    public OcspTarget {
        Objects.requireNonNull(md, "md");
        Objects.requireNonNull(leaf, "leaf");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(responder, "responder");
        Objects.requireNonNull(id, "id");
    }

    /**
     * The target for the leaf of {@code chain}; empty, as mod_md skips them, when the chain has
     * no issuer or the leaf names no OCSP responder (logged at debug with mod_md's words).
     */
    public static Optional<OcspTarget> of(String md, List<X509Certificate> chain) {
        if (chain.size() < 2) {
            LOG.debug("{}: certificate with serial {} comes without its issuer, not stapling it", md,
                    Certificates.serialHex(chain.get(0)));
            return Optional.empty();
        }
        X509Certificate leaf = chain.get(0);
        List<URI> responders = Certificates.ocspResponders(leaf);
        if (responders.isEmpty()) {
            LOG.debug("{}: certificate with serial {} has no OCSP responder URL", md, Certificates.serialHex(leaf));
            return Optional.empty();
        }
        return Optional.of(new OcspTarget(md, leaf, chain.get(1), responders.get(0), Certificates.sha1Fingerprint(leaf)));
    }

    @Override
    public String toString() {
        return md + "/" + id;
    }
}
