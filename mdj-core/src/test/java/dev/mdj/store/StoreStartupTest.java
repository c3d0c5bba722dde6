package dev.mdj.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdj.md.ManagedDomain;
import dev.mdj.md.Settings;
import dev.mdj.md.StoreLocks;
import dev.mdj.md.KeySpec;
import dev.mdj.store.json.MdJson;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What happens to the store when the server starts. */
class StoreStartupTest {

    @TempDir
    Path dir;

    private static ManagedDomain md(String... names) {
        return new ManagedDomain(names[0], List.of(names), Settings.empty(), "httpd.conf:1");
    }

    @Test
    void stagedSetsGoLiveAndStaleChallengesGo() throws Exception {
        FileStore store = FileStore.open(dir);
        StagingActivationTest.stage(store, StagingActivationTest.stagedMd());
        store.save(StoreGroup.CHALLENGES, "www.example.org", Aspect.HTTP01_CHALLENGE, "token.thumb");
        store.save(StoreGroup.CHALLENGES, "wild.example", Aspect.HTTP01_CHALLENGE, "token.thumb");
        store.save(StoreGroup.CHALLENGES, "gone.example", Aspect.HTTP01_CHALLENGE, "token.thumb");

        StoreStartup.Report report = new StoreStartup(store).run(
                List.of(md("example.org", "www.example.org"), md("*.wild.example"), md("other.example")),
                StoreLocks.DEFAULT);

        assertThat(report.locked()).isTrue();
        assertThat(report.activated()).containsExactly("example.org");
        assertThat(report.failed()).isEmpty();
        assertThat(report.removedChallenges()).containsExactly("gone.example");
        assertThat(store.names(StoreGroup.CHALLENGES)).containsExactly("wild.example", "www.example.org");
        assertThat(store.names(StoreGroup.DOMAINS)).containsExactly("example.org");
    }

    @Test
    void anUnusableStagedSetIsReportedAndTheOthersStillActivate() throws Exception {
        FileStore store = FileStore.open(dir);
        StagingActivationTest.stage(store, StagingActivationTest.stagedMd());
        MdJson broken = MdJson.parse(StagingActivationTest.stagedMd().toJson().put("name", "broken.example"));
        StagingActivationTest.stage(store, broken);
        store.save(StoreGroup.STAGING, "broken.example", Aspect.privateKey(new KeySpec.Rsa(2048)),
                dev.mdj.store.pem.KeyPairs.generate(new KeySpec.Rsa(2048)).getPrivate());

        StoreStartup.Report report = new StoreStartup(store).run(
                List.of(md("broken.example"), md("example.org", "www.example.org")), StoreLocks.DEFAULT);

        assertThat(report.activated()).containsExactly("example.org");
        assertThat(report.failed()).containsOnlyKeys("broken.example");
        assertThat(report.failed().get("broken.example")).endsWith("privkey.pem does not match pubcert.pem");
    }

    @Test
    void withStoreLocksABusyLockMeansNothingIsTouched() throws Exception {
        FileStore store = FileStore.open(dir);
        StagingActivationTest.stage(store, StagingActivationTest.stagedMd());
        try (StoreLock held = store.lock(Duration.ofSeconds(1))) {
            StoreStartup.Report report = CompletableFuture.supplyAsync(() -> new StoreStartup(FileStore.open(dir))
                    .run(List.of(md("example.org")), new StoreLocks(true, Duration.ofMillis(200))))
                    .get(10, TimeUnit.SECONDS);
            assertThat(report.locked()).isFalse();
            assertThat(report.activated()).isEmpty();
        }
        assertThat(store.names(StoreGroup.STAGING)).containsExactly("example.org");
    }
}
