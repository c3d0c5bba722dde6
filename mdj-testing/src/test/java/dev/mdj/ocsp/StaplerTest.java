package dev.mdj.ocsp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdj.events.CommandRunner;
import dev.mdj.events.EventNotifier;
import dev.mdj.md.RenewWindow;
import dev.mdj.store.Aspect;
import dev.mdj.store.StoreGroup;
import dev.mdj.store.json.JobJson;
import dev.mdj.store.json.JobLogEntry;
import dev.mdj.testing.ManualScheduler;
import dev.mdj.testing.MemoryStore;
import dev.mdj.testing.OcspResponder;
import dev.mdj.testing.TestClock;
import dev.mdj.testing.TestPki;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stapler against a real responder ({@code openssl ocsp}), on a test clock and a manual scheduler. */
class StaplerTest {

    private static final String MD = "example.org";
    private static final Duration VALIDITY = Duration.ofMinutes(60);

    @TempDir
    Path dir;
    private TestPki pki;
    private OcspResponder responder;
    private X509Certificate leaf;
    private OcspTarget target;
    private final MemoryStore store = new MemoryStore();
    private final TestClock clock = new TestClock(Instant.now());
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final List<String> revoked = new ArrayList<>();
    private Stapler stapler;

    @BeforeEach
    void setUp() {
        pki = TestPki.create(dir.resolve("pki"), "Test OCSP CA");
        responder = OcspResponder.create(pki, VALIDITY);
        leaf = pki.issueWithOcsp("leaf", List.of(MD), false, responder.url()).certificate();
        target = OcspTarget.of(MD, List.of(leaf, pki.caCertificate())).orElseThrow();
        stapler = stapler();
    }

    @AfterEach
    void tearDown() {
        stapler.close();
        responder.close();
    }

    private Stapler stapler() {
        return Stapler.builder().store(store).fetcher(new OcspFetcher(Optional.empty()))
                .events(new EventNotifier(Optional.empty(), Optional.empty(), new CommandRunner(dir, Duration.ofSeconds(5)),
                        clock))
                .scheduler(scheduler).workers(Runnable::run).clock(clock).random(new Random(7))
                .renewWindow(RenewWindow.ofPercent(33)).retryDelay(Duration.ofSeconds(30))
                .revoked(revoked::add).build();
    }

    @Test
    void fetchesAtOnceStaplesAndPersistsInModMdFormat() throws Exception {
        responder.good(leaf).start();
        Staple staple = stapler.watch(target);
        assertThat(staple.current()).isNull();

        scheduler.runDue();

        byte[] der = staple.current();
        assertThat(der).isNotNull();
        assertThat(new OCSPResp(der).getStatus()).isEqualTo(OCSPResp.SUCCESSFUL);
        OcspResponse persisted = OcspResponse.parse(store.load(StoreGroup.OCSP, MD,
                Aspect.ocspResponse(target.id())).orElseThrow());
        assertThat(persisted.status()).isEqualTo(OcspStatus.GOOD);
        assertThat(persisted.der()).isEqualTo(der);
        assertThat(Duration.between(persisted.thisUpdate(), persisted.nextUpdate())).isEqualTo(VALIDITY);
        JobJson job = JobJson.parse(store.load(StoreGroup.OCSP, MD, Aspect.JOB_JSON).orElseThrow());
        assertThat(job.errors()).isZero();
        assertThat(job.last().orElseThrow().detail()).hasValueSatisfying(d -> assertThat(d)
                .startsWith("certificate status is GOOD, status valid "));
        assertThat(job.log()).extracting(JobLogEntry::type).containsExactly("message-ocsp-renewed");
        assertThat(revoked).isEmpty();
    }

    @Test
    void refreshesWhenTheRenewWindowOpensAndNotBefore() {
        responder.good(leaf).start();
        stapler.watch(target);
        scheduler.runDue();
        Instant firstRun = lastRun();
        OcspResponse first = stapler.staple(target.id()).orElseThrow().response().orElseThrow();
        Instant windowStart = first.nextUpdate().minusSeconds(VALIDITY.toSeconds() * 33 / 100);
        assertThat(stapler.nextRefresh(target.id())).contains(windowStart);

        scheduler.advance(Duration.between(clock.instant(), windowStart).minusSeconds(1));
        assertThat(lastRun()).isEqualTo(firstRun);
        scheduler.advance(Duration.ofSeconds(2));

        assertThat(lastRun()).isAfter(firstRun);
        assertThat(job().errors()).as("errors, last: %s", job().last()).isZero();
    }

    @Test
    void aResponderOutageKeepsTheLastResponseAndBacksOff() {
        responder.good(leaf).start();
        Staple staple = stapler.watch(target);
        scheduler.runDue();
        byte[] good = staple.current();
        responder.stop();
        Instant windowStart = stapler.nextRefresh(target.id()).orElseThrow();

        scheduler.advance(Duration.between(clock.instant(), windowStart));

        assertThat(staple.current()).isEqualTo(good);
        JobJson job = job();
        assertThat(job.errors()).isEqualTo(1);
        assertThat(job.last().orElseThrow().status()).isEqualTo(111);
        assertThat(job.log()).extracting(JobLogEntry::type).contains("ocsp-error", "message-ocsp-errored");
        Duration retry = Duration.between(clock.instant(), stapler.nextRefresh(target.id()).orElseThrow());
        assertThat(retry).isBetween(Duration.ofSeconds(15), Duration.ofSeconds(45));

        scheduler.advance(retry);
        assertThat(job().errors()).isEqualTo(2);
        Duration second = Duration.between(clock.instant(), stapler.nextRefresh(target.id()).orElseThrow());
        assertThat(second).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(90));

        responder.start();
        scheduler.advance(second);
        assertThat(job().errors()).isZero();
        assertThat(staple.current()).isNotEqualTo(good).isNotNull();
    }

    @Test
    void anExpiredResponseIsNeverStapled() {
        responder.good(leaf).start();
        Staple staple = stapler.watch(target);
        scheduler.runDue();
        responder.stop();
        OcspResponse response = staple.response().orElseThrow();

        clock.set(response.nextUpdate().minusSeconds(1));
        assertThat(staple.current()).isNotNull();
        clock.set(response.nextUpdate());
        assertThat(staple.current()).isNull();
    }

    @Test
    void thePersistedResponseIsStapledAtStartWhileTheResponderIsDown() {
        responder.good(leaf).start();
        stapler.watch(target);
        scheduler.runDue();
        byte[] fetched = stapler.staple(target.id()).orElseThrow().current();
        stapler.close();
        responder.stop();

        stapler = stapler();
        Staple restarted = stapler.watch(target);

        assertThat(restarted.current()).isEqualTo(fetched);
        assertThat(stapler.nextRefresh(target.id())).hasValueSatisfying(at -> assertThat(at)
                .isAfter(clock.instant().plus(Duration.ofMinutes(30))));
    }

    @Test
    void aRevokedAnswerIsStapledAndAsksForARenewal() {
        responder.revoke(leaf).start();
        Staple staple = stapler.watch(target);
        scheduler.runDue();

        assertThat(staple.response().orElseThrow().status()).isEqualTo(OcspStatus.REVOKED);
        assertThat(staple.current()).isNotNull();
        assertThat(revoked).containsExactly(MD);
        assertThat(new OcspStore(store).anyRevoked(MD, List.of(leaf))).isTrue();
    }

    @Test
    void anUnknownCertificateIsAnError() {
        responder.start(); // the leaf is not in the index
        Staple staple = stapler.watch(target);
        scheduler.runDue();

        assertThat(staple.current()).isNull();
        assertThat(job().errors()).isEqualTo(1);
        assertThat(job().last().orElseThrow().status()).isEqualTo(2);
    }

    @Test
    void aCertificateWithoutResponderUrlIsNotATarget() {
        X509Certificate plain = pki.issue("plain", List.of("plain.example.org")).certificate();
        assertThat(OcspTarget.of(MD, List.of(plain, pki.caCertificate()))).isEmpty();
        assertThat(OcspTarget.of(MD, List.of(leaf))).isEmpty();
    }

    private JobJson job() {
        return JobJson.parse(store.load(StoreGroup.OCSP, MD, Aspect.JOB_JSON).orElseThrow());
    }

    private Instant lastRun() {
        return job().lastRun().orElseThrow();
    }
}
