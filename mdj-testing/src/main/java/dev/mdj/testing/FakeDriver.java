package dev.mdj.testing;

import dev.mdj.md.KeySpec;
import dev.mdj.md.ManagedDomain;
import dev.mdj.md.MdSetting;
import dev.mdj.renew.AriWindow;
import dev.mdj.renew.DriveException;
import dev.mdj.renew.DriveRun;
import dev.mdj.renew.Driver;
import dev.mdj.store.Aspect;
import dev.mdj.store.StoreGroup;
import dev.mdj.store.json.MdJson;
import dev.mdj.store.json.MdState;
import dev.mdj.store.pem.KeyPairs;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A {@link Driver} for registry and watchdog tests: it stages a self-signed certificate per key
 * spec (valid from the clock's now for {@link #lifetime}) as the ACME driver would, or fails as
 * the test tells it, and records every run it was given.
 */
public final class FakeDriver implements Driver {

    private final ConcurrentLinkedQueue<DriveException> failures = new ConcurrentLinkedQueue<>();
    private final List<DriveRun> runs = Collections.synchronizedList(new ArrayList<>());
    private final List<String> preflights = Collections.synchronizedList(new ArrayList<>());
    private volatile Duration lifetime = Duration.ofDays(90);
    /** What the fake CA answers to ARI requests: empty = no renewalInfo in its directory. */
    private volatile Optional<AriWindow> renewalInfo = Optional.empty();
    private volatile DriveException renewalInfoFailure;
    private final AtomicInteger renewalInfoRequests = new AtomicInteger();

    /** The next runs fail with these, in order; after them runs succeed again. */
    public FakeDriver failWith(DriveException... failures) {
        this.failures.addAll(List.of(failures));
        return this;
    }

    public FakeDriver lifetime(Duration value) {
        this.lifetime = value;
        return this;
    }

    /** From now on the fake CA offers ARI and suggests {@code window} for every certificate. */
    public FakeDriver renewalInfo(AriWindow window) {
        this.renewalInfo = Optional.of(window);
        this.renewalInfoFailure = null;
        return this;
    }

    /** From now on ARI requests fail with {@code failure}. */
    public FakeDriver renewalInfoFailsWith(DriveException failure) {
        this.renewalInfoFailure = failure;
        return this;
    }

    /** How many ARI requests were made (one per certificate and fetch). */
    public int renewalInfoRequests() {
        return renewalInfoRequests.get();
    }

    /** Every run so far, oldest first. */
    public List<DriveRun> runs() {
        synchronized (runs) {
            return List.copyOf(runs);
        }
    }

    /** The MDs checked before their first run, in order. */
    public List<String> preflights() {
        synchronized (preflights) {
            return List.copyOf(preflights);
        }
    }

    @Override
    public void preflight(DriveRun run) {
        preflights.add(run.md().name()); // the fake can always "reach" its CA
    }

    @Override
    public Instant drive(DriveRun run) throws DriveException {
        runs.add(run);
        DriveException failure = failures.poll();
        if (failure != null) {
            throw failure;
        }
        Instant now = run.clock().instant();
        String md = run.md().name();
        String ca = run.md().get(MdSetting.CA_URLS).get(run.caIndex()).toString();
        run.progress().activity("Staging a certificate from the fake CA " + ca);
        for (KeySpec spec : run.md().get(MdSetting.PRIVATE_KEYS).specs()) {
            KeyPair pair = KeyPairs.generate(spec);
            run.store().save(StoreGroup.STAGING, md, Aspect.privateKey(spec), pair.getPrivate());
            run.store().save(StoreGroup.STAGING, md, Aspect.certificateChain(spec),
                    List.of(certificate(pair, run.md().domains(), now, lifetime)));
        }
        run.store().save(StoreGroup.STAGING, md, Aspect.MD_JSON, MdJson.of(run.md(), List.of())
                .withState(MdState.COMPLETE, null).withCaUrl(ca).toJson());
        return now;
    }

    @Override
    public Optional<AriWindow> renewalInfo(ManagedDomain md, X509Certificate certificate) throws DriveException {
        renewalInfoRequests.incrementAndGet();
        DriveException failure = renewalInfoFailure;
        if (failure != null) {
            throw failure;
        }
        return renewalInfo;
    }

    /** A self-signed certificate for {@code names}, valid from {@code from} for {@code lifetime}. */
    public static X509Certificate certificate(KeyPair pair, List<String> names, Instant from, Duration lifetime) {
        try {
            var builder = new JcaX509v3CertificateBuilder(new X500Name("CN=Fake CA"),
                    BigInteger.valueOf(from.toEpochMilli()), Date.from(from), Date.from(from.plus(lifetime)),
                    new X500Name("CN=" + names.get(0)), pair.getPublic());
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(
                    names.stream().map(n -> new GeneralName(GeneralName.dNSName, n)).toArray(GeneralName[]::new)));
            String algorithm = pair.getPrivate().getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder(algorithm).build(pair.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException("cannot make a test certificate: " + e.getMessage(), e);
        }
    }
}
