package dev.mdj.ocsp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdj.md.RenewWindow;
import dev.mdj.store.Aspect;
import dev.mdj.store.FileStore;
import dev.mdj.store.StoreGroup;
import dev.mdj.store.json.JsonFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The persisted responses: mod_md's file format, the revoked lookup, MDStaplingKeepResponse. */
class OcspStoreTest {

    @TempDir
    Path dir;

    private final TestOcsp pki = new TestOcsp();

    @Test
    void theFileIsModMdsFormat() throws Exception {
        OcspResponse response = OcspResponseCheck.check(pki.signedByCa(CertificateStatus.GOOD,
                Instant.parse("2026-11-01T09:00:00Z"), Instant.parse("2026-11-05T09:00:00Z"), null),
                pki.target, pki.id, new byte[8], TestOcsp.NOW);
        FileStore store = FileStore.open(dir);
        new OcspStore(store).save(pki.target, response);

        String text = Files.readString(dir.resolve("ocsp/example.org/ocsp-" + pki.target.id() + ".json"));
        assertThat(JsonFiles.readObject(text).propertyNames()).containsExactly("response", "status", "valid");
        assertThat(text).contains("\"status\": \"good\"").contains("\"from\": \"Sun, 01 Nov 2026 09:00:00 GMT\"")
                .contains("\"until\": \"Thu, 05 Nov 2026 09:00:00 GMT\"").doesNotContain("=\"");
        assertThat(new OcspStore(store).load("example.org", pki.target.id())).contains(response);
        assertThat(new OcspStore(store).anyRevoked("example.org", List.of(pki.leaf))).isFalse();
    }

    @Test
    void keepResponseRemovesWhatWasNotWrittenForThatLong() throws Exception {
        FileStore store = FileStore.open(dir);
        OcspResponse response = OcspResponse.parse(JsonFiles.readObject("""
                {"response": "AQID", "status": "revoked",
                 "valid": {"from": "Sun, 01 Nov 2026 09:00:00 GMT", "until": "Thu, 05 Nov 2026 09:00:00 GMT"}}"""));
        new OcspStore(store).save(pki.target, response);
        store.save(StoreGroup.OCSP, "other", Aspect.ocspResponse("0".repeat(40)), response.toJson());
        Instant now = Instant.now();
        Files.setLastModifiedTime(dir.resolve("ocsp/other/ocsp-" + "0".repeat(40) + ".json"),
                FileTime.from(now.minus(Duration.ofDays(8))));

        assertThat(new OcspStore(store).anyRevoked("example.org", List.of(pki.leaf))).isTrue();
        assertThat(new OcspStore(store).cleanUp(RenewWindow.ofLength(Duration.ofDays(7)), now)).isEqualTo(1);
        assertThat(store.fileNames(StoreGroup.OCSP, "other")).isEmpty();
        assertThat(store.fileNames(StoreGroup.OCSP, "example.org")).hasSize(1);
        // a percentage is a share of a week: 50 % keeps 3.5 days
        Files.setLastModifiedTime(dir.resolve("ocsp/example.org/ocsp-" + pki.target.id() + ".json"),
                FileTime.from(now.minus(Duration.ofDays(4))));
        assertThat(new OcspStore(store).cleanUp(RenewWindow.ofPercent(50), now)).isEqualTo(1);
    }
}
