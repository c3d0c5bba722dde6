package dev.mdj.server;

import dev.mdj.md.KeySpec;
import dev.mdj.store.Aspect;
import dev.mdj.store.FileStore;
import dev.mdj.store.StoreGroup;
import dev.mdj.store.json.JobJson;
import dev.mdj.store.json.JobResult;
import dev.mdj.testing.TestPki;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** Writes the store states status pages show: live and staged certificates, finished and failing renewals. */
final class StatusStore {

    static final KeySpec RSA = new KeySpec.Rsa(2048);

    private final FileStore store;
    private final TestPki pki;
    private int leaves;

    StatusStore(Path storeDir, Path pkiDir) {
        this.store = FileStore.open(storeDir);
        this.pki = TestPki.create(pkiDir, "mdj status test CA");
    }

    /** A live certificate for {@code names} (the first is the MD name), valid for {@code days} from now. */
    TestPki.Leaf live(List<String> names, int days) {
        TestPki.Leaf leaf = pki.issue("leaf" + leaves++, names, "rsa:2048", days);
        store.save(StoreGroup.DOMAINS, names.get(0), Aspect.certificateChain(RSA), List.of(leaf.certificate()));
        store.save(StoreGroup.DOMAINS, names.get(0), Aspect.privateKey(RSA), leaf.privateKey());
        return leaf;
    }

    /** A finished renewal with its new certificate in staging. */
    void staged(List<String> names) {
        TestPki.Leaf leaf = pki.issue("leaf" + leaves++, names, "rsa:2048", 90);
        String md = names.get(0);
        store.save(StoreGroup.STAGING, md, Aspect.certificateChain(RSA), List.of(leaf.certificate()));
        store.save(StoreGroup.STAGING, md, Aspect.privateKey(RSA), leaf.privateKey());
        store.save(StoreGroup.STAGING, md, Aspect.JOB_JSON, JobJson.of(md).withFinished(true)
                .withValidFrom(leaf.certificate().getNotBefore().toInstant()).withLast(JobResult.ok()).toJson());
    }

    /** A renewal that failed {@code errors} times, with mod_md's status code, problem and detail. */
    void failing(String md, int errors, int status, String problem, String detail, Instant nextRun) {
        store.save(StoreGroup.STAGING, md, Aspect.JOB_JSON, JobJson.of(md).withErrors(errors).withNextRun(nextRun)
                .withLast(JobResult.of(status, null, problem, detail, null, null, null)).toJson());
    }

    /** A certificate and key in files outside the store, for MDCertificateFile. */
    TestPki.Leaf file(List<String> names, int days) {
        return pki.issue("file" + leaves++, names, "rsa:2048", days);
    }
}
