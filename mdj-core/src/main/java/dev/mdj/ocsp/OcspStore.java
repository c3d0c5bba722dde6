package dev.mdj.ocsp;

import dev.mdj.md.RenewWindow;
import dev.mdj.store.Aspect;
import dev.mdj.store.Store;
import dev.mdj.store.StoreException;
import dev.mdj.store.StoreGroup;
import dev.mdj.store.json.JobJson;
import dev.mdj.store.pem.Certificates;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OCSP part of the store, in mod_md's layout: {@code ocsp/<md>/ocsp-<sha1>.json} per
 * certificate ({@link OcspResponse}) and {@code ocsp/<md>/job.json} per managed domain (or
 * {@code other}). Every write is an atomic {@link Store#save}.
 */
public final class OcspStore {

    private static final Logger LOG = LoggerFactory.getLogger(OcspStore.class);
    private static final Pattern RESPONSE_FILE = Pattern.compile("ocsp-([0-9a-f]{40})\\.json");
    /** MDStaplingKeepResponse given as a percentage is a share of a week. */
    private static final Duration KEEP_NORM = Duration.ofDays(7);

    private final Store store;

    public OcspStore(Store store) {
        this.store = store;
    }

    /** The persisted response for a certificate; empty when there is none or it cannot be read. */
    public Optional<OcspResponse> load(String md, String id) {
        try {
            return store.load(StoreGroup.OCSP, md, Aspect.ocspResponse(id)).map(OcspResponse::parse);
        } catch (StoreException | IllegalArgumentException e) {
            LOG.warn("{}: ignoring the persisted OCSP response {}: {}", md, id, e.getMessage());
            return Optional.empty();
        }
    }

    public void save(OcspTarget target, OcspResponse response) {
        store.save(StoreGroup.OCSP, target.md(), Aspect.ocspResponse(target.id()), response.toJson());
    }

    /** The OCSP job of {@code md}, as persisted or new. */
    public JobJson job(String md) {
        try {
            return store.load(StoreGroup.OCSP, md, Aspect.JOB_JSON).map(JobJson::parse).orElseGet(() -> JobJson.of(md));
        } catch (StoreException | IllegalArgumentException e) {
            LOG.warn("{}: starting a new OCSP job, the persisted one cannot be read: {}", md, e.getMessage());
            return JobJson.of(md);
        }
    }

    /** The OCSP job of {@code md} if one was persisted (for status pages). */
    public Optional<JobJson> existingJob(String md) {
        return store.exists(StoreGroup.OCSP, md, Aspect.JOB_JSON) ? Optional.of(job(md)) : Optional.empty();
    }

    public void saveJob(JobJson job) {
        store.save(StoreGroup.OCSP, job.name(), Aspect.JOB_JSON, job.toJson());
    }

    /** Whether the persisted response of any of {@code certificates} of {@code md} says revoked. */
    public boolean anyRevoked(String md, List<X509Certificate> certificates) {
        return certificates.stream().map(Certificates::sha1Fingerprint).map(id -> load(md, id))
                .anyMatch(r -> r.filter(response -> response.status() == OcspStatus.REVOKED).isPresent());
    }

    /**
     * MDStaplingKeepResponse: removes every persisted response not written for longer than
     * {@code keep} (a percentage means a share of 7 days), as mod_md does at start.
     *
     * @return how many were removed
     */
    public int cleanUp(RenewWindow keep, Instant now) {
        Instant cutoff = now.minus(keep.lengthFor(now.minus(KEEP_NORM), now));
        int removed = 0;
        for (String md : store.names(StoreGroup.OCSP)) {
            for (String file : store.fileNames(StoreGroup.OCSP, md)) {
                Matcher m = RESPONSE_FILE.matcher(file);
                if (!m.matches()) {
                    continue;
                }
                Aspect<?> aspect = Aspect.ocspResponse(m.group(1));
                if (store.lastModified(StoreGroup.OCSP, md, aspect).filter(cutoff::isAfter).isPresent()) {
                    store.remove(StoreGroup.OCSP, md, aspect);
                    removed++;
                }
            }
        }
        if (removed > 0) {
            LOG.info("removed {} OCSP responses older than MDStaplingKeepResponse {}", removed, keep.format());
        }
        return removed;
    }
}
