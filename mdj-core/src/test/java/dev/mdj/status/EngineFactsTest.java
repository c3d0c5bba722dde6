package dev.mdj.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdj.renew.AriWindow;
import dev.mdj.renew.RenewDecision;
import dev.mdj.store.json.StoreTime;
import dev.mdj.store.pem.CertificatePem;
import dev.mdj.store.pem.Certificates;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/** What md-status's {@code mdj} object and the metrics know beyond mod_md, on the reference stores. */
class EngineFactsTest {

    private static final String KEYTYPES = "MDCAChallenges http-01\nMDPrivateKeys secp256r1 rsa2048\n"
            + ReferenceStatusTest.TEST1;

    @TempDir
    Path dir;

    @Test
    void ariWindowsAreShownByTheKeyNameOfTheCertificateTheyAreFor() throws Exception {
        X509Certificate rsa = CertificatePem.decodeChain(Files.readString(ReferenceStatusTest.resource("c-keytypes-active")
                .resolve("store/domains/test1.example.org/pubcert.pem"))).get(0);
        Instant start = Instant.parse("2026-12-20T10:00:00Z");
        AriWindow window = new AriWindow(start, start.plusSeconds(86_400), Optional.of(URI.create("https://ca.example/why")),
                Optional.empty());
        StatusReader reader = ReferenceStatusTest.reader(dir, "c-keytypes-active", "test1.example.org",
                "www.test1.example.org", KEYTYPES, StatusReader.RenewalWindows.of(
                        md -> md.equals("test1.example.org") ? Map.of(rsa, window) : Map.of(), md -> Optional.empty()));

        MdStatus status = reader.find("test1.example.org").orElseThrow();

        assertThat(status.engine().ariWindows()).containsOnlyKeys("rsa").containsEntry("rsa", window);
        ObjectNode json = StatusJson.managedDomain(status, false);
        assertThat(json.get("mdj").get("ari-window").get("rsa").get("start").asString())
                .isEqualTo(StoreTime.format(start));
        assertThat(json.get("mdj").get("ari-window").get("rsa").get("end").asString())
                .isEqualTo("Mon, 21 Dec 2026 10:00:00 GMT");
        assertThat(json.get("mdj").get("ari-window").get("rsa").get("explanation").asString())
                .isEqualTo("https://ca.example/why");
    }

    /** md-status's decision is the watchdog's: with the time it picked in the CA's window. */
    @Test
    void theDecisionFollowsTheWatchdogsAriPick() throws Exception {
        Instant now = ReferenceStatusTest.answeredAt(ReferenceStatusTest.resource("c-keytypes-active"));
        StatusReader without = ReferenceStatusTest.reader(dir, "c-keytypes-active", "test1.example.org",
                "www.test1.example.org", KEYTYPES, StatusReader.RenewalWindows.NONE);
        assertThat(without.find("test1.example.org").orElseThrow().engine().decision().reason())
                .isEqualTo(RenewDecision.Reason.WINDOW_PENDING);

        StatusReader picked = ReferenceStatusTest.reader(dir, "c-keytypes-active", "test1.example.org",
                "www.test1.example.org", KEYTYPES,
                StatusReader.RenewalWindows.of(md -> Map.of(), md -> Optional.of(now.minusSeconds(3600))));
        RenewDecision decision = picked.find("test1.example.org").orElseThrow().engine().decision();
        assertThat(decision.reason()).isEqualTo(RenewDecision.Reason.ARI);
        assertThat(decision.isDue(now)).isTrue();
    }

    /** A certificate the stored OCSP response says is revoked is renewed at once, as the watchdog does. */
    @Test
    void aRevokedCertificateMakesTheDecisionRevoked() throws Exception {
        Path source = ReferenceStatusTest.resource("c-keytypes-active").resolve("store");
        Path store = dir.resolve("store");
        try (var files = Files.walk(source)) {
            for (Path from : (Iterable<Path>) files::iterator) {
                Files.copy(from, store.resolve(source.relativize(from).toString()));
            }
        }
        X509Certificate rsa = CertificatePem.decodeChain(Files.readString(
                store.resolve("domains/test1.example.org/pubcert.pem"))).get(0);
        Path ocsp = Files.createDirectories(store.resolve("ocsp/test1.example.org"));
        Files.writeString(ocsp.resolve("ocsp-" + Certificates.sha1Fingerprint(rsa) + ".json"), """
                {"response": "AQID", "status": "revoked",
                 "valid": {"from": "Sun, 01 Nov 2026 09:00:00 GMT", "until": "Thu, 05 Nov 2026 09:00:00 GMT"}}""");

        StatusReader reader = ReferenceStatusTest.reader(dir, "c-keytypes-active", store, "test1.example.org",
                "www.test1.example.org", "MDStapling on\n" + KEYTYPES, StatusReader.RenewalWindows.NONE);
        RenewDecision decision = reader.find("test1.example.org").orElseThrow().engine().decision();

        assertThat(decision.reason()).isEqualTo(RenewDecision.Reason.REVOKED);
        assertThat(decision.isDue(ReferenceStatusTest.answeredAt(ReferenceStatusTest.resource("c-keytypes-active"))))
                .isTrue();
    }

    @Test
    void withoutWindowsTheMdjObjectHasNone() throws Exception {
        StatusReader reader = ReferenceStatusTest.reader(dir, "c-keytypes-active", "test1.example.org",
                "www.test1.example.org", KEYTYPES, StatusReader.RenewalWindows.NONE);

        assertThat(StatusJson.managedDomain(reader.find("test1.example.org").orElseThrow(), false).get("mdj")
                .has("ari-window")).isFalse();
    }

    @Test
    void lastSuccessfulRenewalIsTheEndOfTheFinishedRun() throws Exception {
        StatusReader active = ReferenceStatusTest.reader(dir, "a-basic-active", "test1.example.org",
                "www.test1.example.org", ReferenceStatusTest.TEST1, StatusReader.RenewalWindows.NONE);
        assertThat(active.lastSuccessfulRenewal(active.find("test1.example.org").orElseThrow()))
                .as("the live job.json").contains(StoreTime.parse("Mon, 23 Nov 2026 09:17:01 GMT"));

        StatusReader failing = ReferenceStatusTest.reader(dir, "h-errors-validationfail", "fail.example.org", null,
                "MDCAChallenges http-01\nMDomain fail.example.org", StatusReader.RenewalWindows.NONE);
        assertThat(failing.lastSuccessfulRenewal(failing.find("fail.example.org").orElseThrow())).isEmpty();
    }

    @Test
    void aFinishedStagedRunIsTheLastSuccessfulRenewal() throws Exception {
        StatusReader staged = ReferenceStatusTest.reader(dir, "a-basic-staged", "test1.example.org",
                "www.test1.example.org", ReferenceStatusTest.TEST1, StatusReader.RenewalWindows.NONE);
        MdStatus status = staged.find("test1.example.org").orElseThrow();

        assertThat(staged.lastSuccessfulRenewal(status)).isPresent()
                .isEqualTo(status.renewal().orElseThrow().finishedAt());
    }
}
